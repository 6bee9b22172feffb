package dev.watchkeeper.oncall.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.oncall.CalendarWarning;
import dev.watchkeeper.oncall.ScheduleCalendar;
import dev.watchkeeper.oncall.Shift;

/**
 * A calendar laid out for the page: one row per day in the schedule's zone, one track per
 * layer, each shift a bar placed by its share of that day (23 or 25 hours on the days the
 * clocks change).
 *
 * @param days the rows
 * @param warnings the warnings, with times in the schedule's zone
 */
record CalendarGrid(List<Day> days, List<Warning> warnings) {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	/**
	 * One day.
	 *
	 * @param date ISO date
	 * @param label e.g. Mon 30 Nov
	 * @param today whether it is today in the zone
	 * @param tracks one per layer
	 */
	record Day(String date, String label, boolean today, List<Track> tracks) {
	}

	/**
	 * One layer on one day.
	 *
	 * @param layer layer name
	 * @param bars its shifts that day
	 */
	record Track(String layer, List<Bar> bars) {
	}

	/**
	 * One shift, or its part within one day.
	 *
	 * @param who the person's name
	 * @param time e.g. 09:00–24:00
	 * @param left offset from the day's start, percent
	 * @param width share of the day, percent
	 * @param override whether an override put them there
	 * @param colour a colour index for the person
	 */
	record Bar(String who, String time, String left, String width, boolean override, int colour) {
	}

	/**
	 * A warning as shown.
	 *
	 * @param kind gap, double_booked or override_overlap
	 * @param when e.g. Sat 5 Dec 17:00 – Mon 7 Dec 09:00
	 * @param message what
	 */
	record Warning(String kind, String when, String message) {
	}

	static CalendarGrid of(ScheduleCalendar calendar, People.Directory names, LocalDate first, int dayCount,
			LocalDate today) {
		ZoneId zone = calendar.schedule().zone();
		Map<UserId, Integer> colours = new HashMap<>();
		calendar.schedule()
			.layers()
			.forEach(l -> l.rotation().participants().forEach(p -> colours.putIfAbsent(p, colours.size() % 8)));
		List<Day> days = new ArrayList<>();
		for (int d = 0; d < dayCount; d++) {
			LocalDate date = first.plusDays(d);
			Instant start = date.atStartOfDay(zone).toInstant();
			Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
			List<Track> tracks = new ArrayList<>();
			for (int layer = 1; layer <= calendar.schedule().layers().size(); layer++) {
				List<Bar> bars = new ArrayList<>();
				for (Shift shift : calendar.shifts()) {
					if (shift.layer() != layer || !shift.start().isBefore(end) || !shift.end().isAfter(start)) {
						continue;
					}
					Instant from = shift.start().isBefore(start) ? start : shift.start();
					Instant to = shift.end().isAfter(end) ? end : shift.end();
					bars.add(new Bar(names.name(shift.userId()), time(from, zone, start) + "–" + time(to, zone, start),
							percent(start, from, start, end), percent(from, to, start, end), shift.overrideId() != null,
							colours.computeIfAbsent(shift.userId(), id -> colours.size() % 8)));
				}
				tracks.add(new Track(calendar.schedule().layer(layer).name(), bars));
			}
			days.add(new Day(date.toString(), DAY.format(date), date.equals(today), tracks));
		}
		List<Warning> warnings = calendar.warnings().stream().map(w -> warning(w, zone)).toList();
		return new CalendarGrid(days, warnings);
	}

	private static Warning warning(CalendarWarning warning, ZoneId zone) {
		return new Warning(warning.kind(),
				WHEN.format(warning.start().atZone(zone)) + " – " + WHEN.format(warning.end().atZone(zone)),
				warning.message());
	}

	/** A time of day, 24:00 for the end of the day. */
	private static String time(Instant at, ZoneId zone, Instant dayStart) {
		ZonedDateTime local = at.atZone(zone);
		if (!at.equals(dayStart) && local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
			return "24:00";
		}
		return TIME.format(local);
	}

	/** The share of the day [dayStart, dayEnd) between two instants, in percent. */
	private static String percent(Instant from, Instant to, Instant dayStart, Instant dayEnd) {
		double day = Duration.between(dayStart, dayEnd).toSeconds();
		return String.format(Locale.ROOT, "%.3f", Duration.between(from, to).toSeconds() * 100.0 / day);
	}

}
