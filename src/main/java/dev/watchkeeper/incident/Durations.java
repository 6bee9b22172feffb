package dev.watchkeeper.incident;

import java.time.Duration;

/**
 * Durations as people write them, to the nearest minute: "15 min", "1 h 30 min", "7 d".
 */
public final class Durations {

	private Durations() {
	}

	public static String human(Duration duration) {
		if (duration == null) {
			return "—";
		}
		String sign = duration.isNegative() ? "-" : "";
		Duration d = duration.abs();
		if (d.compareTo(Duration.ofMinutes(1)) < 0) {
			return sign + d.toSeconds() + " s";
		}
		d = d.plusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		long days = d.toDays();
		int hours = d.toHoursPart();
		int minutes = d.toMinutesPart();
		StringBuilder text = new StringBuilder();
		if (days > 0) {
			text.append(days).append(" d");
		}
		if (hours > 0) {
			text.append(text.isEmpty() ? "" : " ").append(hours).append(" h");
		}
		if (minutes > 0 && days == 0) {
			text.append(text.isEmpty() ? "" : " ").append(minutes).append(" min");
		}
		return sign + (text.isEmpty() ? "0 min" : text.toString());
	}

}
