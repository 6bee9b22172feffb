package dev.watchkeeper.incident;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Off-hours: outside 09:00–17:00, Monday to Friday, in a person's own time zone. */
final class OffHours {

	static final LocalTime START = LocalTime.of(9, 0);

	static final LocalTime END = LocalTime.of(17, 0);

	private OffHours() {
	}

	static boolean at(Instant instant, ZoneId zone) {
		ZonedDateTime local = instant.atZone(zone);
		DayOfWeek day = local.getDayOfWeek();
		if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
			return true;
		}
		LocalTime time = local.toLocalTime();
		return time.isBefore(START) || !time.isBefore(END);
	}

	/** The person's zone; UTC when it is missing or not a zone. */
	static ZoneId zone(String timeZone) {
		if (timeZone == null || timeZone.isBlank()) {
			return java.time.ZoneOffset.UTC;
		}
		try {
			return ZoneId.of(timeZone);
		}
		catch (java.time.DateTimeException ex) {
			return java.time.ZoneOffset.UTC;
		}
	}

}
