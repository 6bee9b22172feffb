package dev.watchkeeper.alerting.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;

/**
 * Reads RFC 3339 times as senders write them ({@code 2026-11-24T10:15:30Z},
 * {@code 2026-11-24T10:15:30.123456789+01:00}) with plain arithmetic: every posted alert
 * carries one or two, and {@link Instant#parse} costs several times more. Anything of
 * another shape (lower-case {@code t} or {@code z}, a leap second, a five-digit year, an
 * offset with seconds) is handed to {@link Instant#parse}, so both accept and reject
 * exactly the same texts with the same results.
 */
final class Rfc3339 {

	private Rfc3339() {
	}

	/**
	 * The instant the text names.
	 * @throws DateTimeParseException when it is not an ISO 8601 instant
	 */
	static Instant parse(String text) {
		Instant fast = fast(text);
		return fast != null ? fast : Instant.parse(text);
	}

	/** The instant when the text has the common shape and valid fields, else null. */
	private static Instant fast(String text) {
		int length = text.length();
		if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
				|| hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
			return null;
		}
		int at = 19;
		int nanos = 0;
		if (text.charAt(at) == '.') {
			int start = ++at;
			while (at < length && at - start < 9 && isDigit(text.charAt(at))) {
				nanos = nanos * 10 + (text.charAt(at) - '0');
				at++;
			}
			int count = at - start;
			if (count == 0 || (at < length && isDigit(text.charAt(at)))) {
				return null;
			}
			for (int i = count; i < 9; i++) {
				nanos *= 10;
			}
		}
		int offsetSeconds;
		if (at == length - 1 && text.charAt(at) == 'Z') {
			offsetSeconds = 0;
		}
		else if (at == length - 6 && (text.charAt(at) == '+' || text.charAt(at) == '-') && text.charAt(at + 3) == ':') {
			int offsetHours = digits(text, at + 1, 2);
			int offsetMinutes = digits(text, at + 4, 2);
			if (offsetHours < 0 || offsetHours > 17 || offsetMinutes < 0 || offsetMinutes > 59) {
				return null;
			}
			offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (text.charAt(at) == '-' ? -1 : 1);
		}
		else {
			return null;
		}
		long epochDay = LocalDate.of(year, month, day).toEpochDay();
		long seconds = epochDay * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds;
		return Instant.ofEpochSecond(seconds, nanos);
	}

	/** The decimal number of {@code count} ASCII digits at {@code from}; -1 if not. */
	private static int digits(String text, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
