package dev.watchkeeper.oncall;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes an RFC 5545 calendar of shifts: CRLF line ends, lines folded at 75 octets
 * without splitting a character, TEXT values escaped, every time in UTC
 * ({@code 20261130T080000Z}) so no VTIMEZONE is needed and clients show each shift in
 * their own zone.
 */
final class ICalendar {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final int MAX_OCTETS = 75;

	private ICalendar() {
	}

	/**
	 * One event.
	 *
	 * @param uid stable across fetches
	 * @param start first instant
	 * @param end first instant after
	 * @param summary the title
	 * @param description more text
	 */
	record Event(String uid, Instant start, Instant end, String summary, String description) {
	}

	static String write(String name, Instant stamp, List<Event> events) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Watchkeeper//On-call schedules//EN");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:PUBLISH");
		line(out, "X-WR-CALNAME:" + text(name));
		line(out, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
		line(out, "X-PUBLISHED-TTL:PT1H");
		for (Event event : events) {
			line(out, "BEGIN:VEVENT");
			line(out, "UID:" + text(event.uid()));
			line(out, "DTSTAMP:" + UTC.format(stamp));
			line(out, "DTSTART:" + UTC.format(event.start()));
			line(out, "DTEND:" + UTC.format(event.end()));
			line(out, "SUMMARY:" + text(event.summary()));
			if (event.description() != null) {
				line(out, "DESCRIPTION:" + text(event.description()));
			}
			line(out, "TRANSP:TRANSPARENT");
			line(out, "END:VEVENT");
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped. */
	static String text(String value) {
		return value.replace("\\", "\\\\")
			.replace(";", "\\;")
			.replace(",", "\\,")
			.replace("\r\n", "\\n")
			.replace("\n", "\\n")
			.replace("\r", "\\n");
	}

	/**
	 * RFC 5545 §3.1: lines longer than 75 octets continue on lines that start with a
	 * space.
	 */
	static void line(StringBuilder out, String content) {
		int octets = 0;
		int limit = MAX_OCTETS;
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				out.append("\r\n ");
				octets = 0;
				// the leading space counts towards the next line's 75 octets
				limit = MAX_OCTETS - 1;
			}
			out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append("\r\n");
	}

}
