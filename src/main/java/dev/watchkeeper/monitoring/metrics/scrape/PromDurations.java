package dev.watchkeeper.monitoring.metrics.scrape;

import java.time.Duration;

/**
 * Durations written as Prometheus writes them: {@code 1h30m}, {@code 15s}, {@code 500ms}.
 */
public final class PromDurations {

	private PromDurations() {
	}

	public static String format(Duration d) {
		long ms = d.toMillis();
		if (ms == 0) {
			return "0s";
		}
		StringBuilder sb = new StringBuilder();
		long[] units = { 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1 };
		String[] names = { "w", "d", "h", "m", "s", "ms" };
		for (int i = 0; i < units.length; i++) {
			if (ms >= units[i]) {
				sb.append(ms / units[i]).append(names[i]);
				ms %= units[i];
			}
		}
		return sb.toString();
	}

}
