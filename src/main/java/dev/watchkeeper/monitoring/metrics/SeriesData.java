package dev.watchkeeper.monitoring.metrics;

/**
 * A read-only snapshot of one series' samples: timestamps in milliseconds and values in
 * parallel primitive arrays, valid from {@code from} (inclusive) to {@code to}
 * (exclusive). The arrays are shared with the store, which only ever writes past
 * {@code to}. {@code mayHoldStale} is false when the series never received a stale
 * marker, so that readers need not look for one.
 */
public record SeriesData(Labels labels, long[] timestamps, double[] values, int from, int to, boolean mayHoldStale) {

	/** A snapshot that may hold stale markers. */
	public SeriesData(Labels labels, long[] timestamps, double[] values, int from, int to) {
		this(labels, timestamps, values, from, to, true);
	}

	public int size() {
		return to - from;
	}

	/** The index of the first sample at or after {@code t} (may be {@code to}). */
	public int firstAtOrAfter(long t) {
		return halve(t, from, false);
	}

	/** The index of the first sample after {@code t} (may be {@code to}). */
	public int firstAfter(long t) {
		return halve(t, from, true);
	}

	/**
	 * As {@link #firstAtOrAfter(long)}, starting from {@code hint}, an index no later
	 * than the answer (the answer for an earlier time): a step forward in time usually
	 * moves by a sample or two, which a short walk finds without a binary search.
	 */
	public int firstAtOrAfter(long t, int hint) {
		return walk(t, hint, false);
	}

	/**
	 * As {@link #firstAfter(long)}, starting from {@code hint}, an index no later than
	 * the answer.
	 */
	public int firstAfter(long t, int hint) {
		return walk(t, hint, true);
	}

	/** How many samples a hinted search walks before it searches the rest by halves. */
	private static final int WALK = 4;

	private int walk(long t, int hint, boolean after) {
		int i = Math.max(hint, from);
		for (int walked = 0; walked < WALK && i < to; walked++, i++) {
			if (after ? timestamps[i] > t : timestamps[i] >= t) {
				return i;
			}
		}
		return halve(t, i, after);
	}

	/**
	 * The first index from {@code lo} whose sample is after (or at, unless {@code after})
	 * {@code t}.
	 */
	private int halve(long t, int lo, boolean after) {
		int hi = to;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (after ? timestamps[mid] <= t : timestamps[mid] < t) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

}
