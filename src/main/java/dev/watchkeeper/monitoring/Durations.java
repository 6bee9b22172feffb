package dev.watchkeeper.monitoring;

/** Durations as people read them: 850 ms, 12.4 s, 3 min 20 s, 2 h 5 min. */
final class Durations {

	private Durations() {
	}

	static String text(long millis) {
		if (millis < 1000) {
			return millis + " ms";
		}
		if (millis < 60_000) {
			return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
		}
		long seconds = millis / 1000;
		if (seconds < 3600) {
			return seconds / 60 + " min " + seconds % 60 + " s";
		}
		return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
	}

}
