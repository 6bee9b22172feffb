package dev.watchkeeper.oncall;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them: {@code 5m}, {@code 1h30m}, {@code 12h}, {@code 3d},
 * {@code 2w}, or ISO 8601 ({@code PT5M}, {@code P3D}); written back in the short form.
 */
public final class Durations {

	private static final Pattern SHORT = Pattern
		.compile("(?:(\\d{1,4})w)?(?:(\\d{1,5})d)?(?:(\\d{1,6})h)?" + "(?:(\\d{1,7})m)?(?:(\\d{1,9})s)?");

	private Durations() {
	}

	public static Optional<Duration> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String value = text.trim().toLowerCase(Locale.ROOT);
		if (value.startsWith("p") || value.startsWith("-p")) {
			try {
				return Optional.of(Duration.parse(value.toUpperCase(Locale.ROOT)));
			}
			catch (DateTimeParseException ex) {
				return Optional.empty();
			}
		}
		Matcher matcher = SHORT.matcher(value);
		if (!matcher.matches() || value.isEmpty()) {
			return Optional.empty();
		}
		long seconds = group(matcher, 1) * 7 * 86_400 + group(matcher, 2) * 86_400 + group(matcher, 3) * 3_600
				+ group(matcher, 4) * 60 + group(matcher, 5);
		return Optional.of(Duration.ofSeconds(seconds));
	}

	private static long group(Matcher matcher, int group) {
		return matcher.group(group) == null ? 0 : Long.parseLong(matcher.group(group));
	}

	/** {@code 1h30m}, {@code 7d}, {@code 45s}; {@code 0s} for zero. */
	public static String format(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		StringBuilder text = new StringBuilder(duration.isNegative() ? "-" : "");
		Duration rest = duration.abs();
		append(text, rest.toDays(), "d");
		append(text, rest.toHoursPart(), "h");
		append(text, rest.toMinutesPart(), "m");
		append(text, rest.toSecondsPart(), "s");
		return text.toString();
	}

	private static void append(StringBuilder text, long amount, String unit) {
		if (amount > 0) {
			text.append(amount).append(unit);
		}
	}

}
