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

	/**
	 * As {@link #firstAtOrAfter(long)}, starting from {@code hint}, an index no later
	 * than the answer (the answer for an earlier time): a step forward in time usually
	 * moves by a sample or two, which a short walk finds without a binary search.
	 */
	public int firstAtOrAfter(long t, int hint) {
		int i = Math.max(hint, from);
		for (int walked = 0; walked < WALK && i < to; walked++, i++) {
			if (timestamps[i] >= t) {
				return i;
			}
		}
		int lo = i;
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

	/**
	 * As {@link #firstAfter(long)}, starting from {@code hint}, an index no later than
	 * the answer.
	 */
	public int firstAfter(long t, int hint) {
		int i = Math.max(hint, from);
		for (int walked = 0; walked < WALK && i < to; walked++, i++) {
			if (timestamps[i] > t) {
				return i;
			}
		}
		int lo = i;
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

	/** How many samples a hinted search walks before it searches the rest by halves. */
	private static final int WALK = 4;

}
