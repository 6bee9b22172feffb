package dev.watchkeeper.maintenance;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.watchkeeper.platform.DomainException;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Reads the events of an iCalendar file (RFC 5545) as window drafts: SUMMARY is the
 * title, DESCRIPTION the description, DTSTART (with its TZID) and DTEND or DURATION the
 * times, and an RRULE makes the window recurring in the start's zone.
 */
final class CalendarImport {

	/** More events than any maintenance calendar has; more is refused. */
	static final int MAX_EVENTS = 100;

	private CalendarImport() {
	}

	static List<WindowDraft> drafts(String ics, List<String> services, String rollbackPlan) {
		Calendar calendar;
		try {
			calendar = new CalendarBuilder().build(new StringReader(ics == null ? "" : ics));
		}
		catch (IOException | ParserException | RuntimeException ex) {
			throw DomainException.invalid("calendar", "is not an iCalendar file (" + ex.getMessage()
					+ "); send BEGIN:VCALENDAR … BEGIN:VEVENT … END:VCALENDAR as text/calendar");
		}
		List<VEvent> events = new ArrayList<>();
		for (Object component : calendar.getComponents(Component.VEVENT)) {
			events.add((VEvent) component);
		}
		if (events.isEmpty()) {
			throw DomainException.invalid("calendar", "has no VEVENT");
		}
		if (events.size() > MAX_EVENTS) {
			throw DomainException.invalid("calendar", "has " + events.size() + " events; at most " + MAX_EVENTS);
		}
		List<WindowDraft> drafts = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			drafts.add(draft(events.get(i), "events[" + i + "]", services, rollbackPlan));
		}
		return drafts;
	}

	private static WindowDraft draft(VEvent event, String at, List<String> services, String rollbackPlan) {
		String title = value(event, Property.SUMMARY).orElse("Imported maintenance");
		String description = value(event, Property.DESCRIPTION).orElse("");
		Temporal start;
		try {
			start = event.<Temporal>getDateTimeStart().getDate();
		}
		catch (RuntimeException ex) {
			throw DomainException.invalid(at + ".DTSTART", "every event needs a start with a time");
		}
		Duration duration;
		try {
			duration = value(event, Property.DTEND).isPresent()
					? Duration.between(instant(start, at), instant(event.<Temporal>getDateTimeEnd().getDate(), at))
					: Duration.parse(value(event, Property.DURATION)
						.orElseThrow(() -> DomainException.invalid(at + ".DTEND", "give DTEND or DURATION")));
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw DomainException.invalid(at + ".DURATION", "is not a duration such as PT4H");
		}
		Optional<String> rrule = value(event, Property.RRULE);
		if (rrule.isPresent()) {
			LocalDateTime local = start instanceof ZonedDateTime zoned ? zoned.toLocalDateTime()
					: LocalDateTime.ofInstant(instant(start, at), java.time.ZoneOffset.UTC);
			String zone = start instanceof ZonedDateTime zoned ? tzid(event).orElse(zoned.getZone().getId()) : "UTC";
			return new WindowDraft(title, description, rollbackPlan, services, null, null, null, rrule.get(), local,
					zone, duration, null, null, false, null);
		}
		Instant begin = instant(start, at);
		return new WindowDraft(title, description, rollbackPlan, services, begin, begin.plus(duration), null, null,
				null, null, null, null, null, false, null);
	}

	/**
	 * The start's TZID as written, when it is a zone Java knows (ical4j may name it its
	 * own way).
	 */
	private static Optional<String> tzid(VEvent event) {
		return event.<Property>getProperty(Property.DTSTART)
			.flatMap(p -> p.<Parameter>getParameter(Parameter.TZID))
			.map(Parameter::getValue)
			.filter(id -> java.time.ZoneId.getAvailableZoneIds().contains(id));
	}

	private static Optional<String> value(VEvent event, String name) {
		return event.<Property>getProperty(name).map(Property::getValue).map(String::strip).filter(v -> !v.isEmpty());
	}

	private static Instant instant(Temporal temporal, String at) {
		try {
			return Instant.from(temporal);
		}
		catch (java.time.DateTimeException ex) {
			throw DomainException.invalid(at + ".DTSTART",
					"give a date with a time and a zone (TZID or UTC), not a floating or all-day date");
		}
	}

}
