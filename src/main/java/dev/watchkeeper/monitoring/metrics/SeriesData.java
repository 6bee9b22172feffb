package dev.watchkeeper.monitoring.metrics;

/**
 * A read-only snapshot of one series' samples: timestamps in milliseconds and values in
 * parallel primitive arrays, valid from {@code from} (inclusive) to {@code to}
 * (exclusive). The arrays are shared with the store, which only ever writes past
 * {@code to}.
 */
public record SeriesData(Labels labels, long[] timestamps, double[] values, int from, int to) {

	public int size() {
		return to - from;
	}

	/** The index of the first sample at or after {@code t} (may be {@code to}). */
	public int firstAtOrAfter(long t) {
		int lo = from;
		int hi = to;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (timestamps[mid] < t) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	/** The index of the first sample after {@code t} (may be {@code to}). */
	public int firstAfter(long t) {
		int lo = from;
		int hi = to;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (timestamps[mid] <= t) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

}
