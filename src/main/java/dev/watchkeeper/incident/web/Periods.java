package dev.watchkeeper.incident.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import dev.watchkeeper.incident.IncidentSettings;
import dev.watchkeeper.platform.DomainException;

import org.springframework.stereotype.Component;

/**
 * Reads a reporting period: dates (YYYY-MM-DD, whole days in the incident time zone, "to"
 * inclusive) or instants; by default the last 30 days.
 */
@Component
class Periods {

	static final Duration DEFAULT = Duration.ofDays(30);

	/**
	 * @param from inclusive
	 * @param to exclusive
	 */
	record Period(Instant from, Instant to) {
	}

	private final Clock clock;

	private final ZoneId zone;

	Periods(Clock clock, IncidentSettings settings) {
		this.clock = clock;
		this.zone = ZoneId.of(settings.timeZone());
	}

	Period read(String from, String to) {
		Instant end = Filters.blank(to) ? clock.instant() : instant(to, "to", true);
		Instant start = Filters.blank(from) ? end.minus(DEFAULT) : instant(from, "from", false);
		return new Period(start, end);
	}

	ZoneId zone() {
		return zone;
	}

	private Instant instant(String value, String field, boolean end) {
		String text = value.trim();
		try {
			if (text.length() == 10) {
				LocalDate day = LocalDate.parse(text);
				return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
			}
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw DomainException.invalid(field,
					"must be a date such as 2026-11-01 or an instant such as " + "2026-11-01T00:00:00Z");
		}
	}

}
