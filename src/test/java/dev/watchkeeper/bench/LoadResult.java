package dev.watchkeeper.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * What a load run measured. Latencies are in nanoseconds; percentiles are nearest-rank
 * over every completed request (any status), so p99 of 100 requests is the 99th slowest
 * from the fastest.
 */
record LoadResult(int scheduled, int completed, long[] latencies, long[] serviceTimes, Map<Integer, Long> statuses,
		Map<String, Long> failures, long bytes, long elapsedNanos, long maxSendLagNanos) {

	static final double[] PERCENTILES = { 50, 90, 95, 99, 99.9 };

	static LoadResult of(int scheduled, long[] latency, long[] service, Map<Integer, Long> statuses,
			Map<String, Long> failures, long bytes, long elapsedNanos, long maxSendLagNanos) {
		long[] latencies = Arrays.stream(latency).filter(value -> value >= 0).sorted().toArray();
		long[] serviceTimes = Arrays.stream(service).filter(value -> value >= 0).sorted().toArray();
		return new LoadResult(scheduled, latencies.length, latencies, serviceTimes, statuses, failures, bytes,
				elapsedNanos, maxSendLagNanos);
	}

	/** Nearest-rank percentile of ascending {@code sorted}, in nanoseconds. */
	static long percentile(long[] sorted, double percent) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(percent / 100 * sorted.length);
		return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1];
	}

	/** Responses with a status outside 2xx. */
	long errors() {
		return statuses.entrySet()
			.stream()
			.filter(e -> e.getKey() < 200 || e.getKey() > 299)
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	long failed() {
		return failures.values().stream().mapToLong(Long::longValue).sum();
	}

	String report(LoadSettings settings) {
		var out = new StringBuilder();
		double seconds = elapsedNanos / 1e9;
		if (settings.closedLoop()) {
			line(out, "target", "%s %s by %d closed-loop clients for %d s after %d s warm-up", settings.method(),
					settings.url(), settings.clients(), settings.durationSeconds(), settings.warmupSeconds());
		}
		else {
			line(out, "target", "%s %s at %s req/s for %d s after %d s warm-up (concurrency cap %d)", settings.method(),
					settings.url(), trim(settings.rate()), settings.durationSeconds(), settings.warmupSeconds(),
					settings.concurrency());
		}
		line(out, "requests", "scheduled %d, completed %d, non-2xx %d, failed %d %s, unfinished %d", scheduled,
				completed, errors(), failed(), failures.isEmpty() ? "" : failures, scheduled - completed - failed());
		line(out, "statuses", "%s", statuses);
		line(out, "achieved", "%.1f req/s over %.1f s, %.0f bytes per response", completed / seconds, seconds,
				completed == 0 ? 0.0 : (double) bytes / completed);
		line(out, "latency ms", "%s (from the scheduled send time)", percentiles(latencies));
		line(out, "service ms", "%s (from the actual send time)", percentiles(serviceTimes));
		line(out, "driver", "largest send delay behind schedule %s ms", millis(maxSendLagNanos));
		// one line for scripts to pick up
		line(out, "result", "rate=%.1f completed=%d non2xx=%d failed=%d p50=%s p90=%s p95=%s p99=%s max=%s",
				completed / seconds, completed, errors(), scheduled - completed, millis(percentile(latencies, 50)),
				millis(percentile(latencies, 90)), millis(percentile(latencies, 95)), millis(percentile(latencies, 99)),
				millis(percentile(latencies, 100)));
		return out.toString();
	}

	private static String percentiles(long[] sorted) {
		var text = new StringBuilder();
		for (double percent : PERCENTILES) {
			text.append("p").append(trim(percent)).append(' ').append(millis(percentile(sorted, percent))).append("  ");
		}
		return text.append("max ").append(millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1])).toString();
	}

	private static void line(StringBuilder out, String label, String format, Object... args) {
		out.append(String.format(Locale.ROOT, "%-11s ", label + ":"))
			.append(String.format(Locale.ROOT, format, args))
			.append('\n');
	}

	static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
	}

	private static String trim(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}

}
