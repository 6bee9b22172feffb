package dev.watchkeeper.monitoring.metrics;

import java.util.Arrays;

/**
 * One series in memory: samples appended in time order into growing primitive arrays. Old
 * samples are cut by copying the rest into fresh arrays, so snapshots handed out earlier
 * stay valid.
 */
final class MemSeries {

	private static final int INITIAL_CAPACITY = 16;

	final int id;

	final Labels labels;

	private long[] timestamps = new long[INITIAL_CAPACITY];

	private double[] values = new double[INITIAL_CAPACITY];

	private int from;

	private int to;

	private boolean removed;

	/** Whether a stale marker was ever appended (kept after it is dropped). */
	private boolean staleSeen;

	MemSeries(int id, Labels labels) {
		this.id = id;
		this.labels = labels;
	}

	/** Outcome of one append, with the change in bytes held. */
	enum Appended {

		OK, DUPLICATE, OUT_OF_ORDER, REMOVED

	}

	synchronized Appended append(long t, double v, long[] grownBytes) {
		if (removed) {
			return Appended.REMOVED;
		}
		if (to > from) {
			long last = timestamps[to - 1];
			if (t < last) {
				return Appended.OUT_OF_ORDER;
			}
			if (t == last) {
				return Double.doubleToRawLongBits(values[to - 1]) == Double.doubleToRawLongBits(v) ? Appended.DUPLICATE
						: Appended.OUT_OF_ORDER;
			}
		}
		if (to == timestamps.length) {
			int live = to - from;
			int capacity = Math.max(INITIAL_CAPACITY, live * 2);
			long[] t2 = new long[capacity];
			double[] v2 = new double[capacity];
			System.arraycopy(timestamps, from, t2, 0, live);
			System.arraycopy(values, from, v2, 0, live);
			grownBytes[0] += 16L * (capacity - timestamps.length);
			timestamps = t2;
			values = v2;
			from = 0;
			to = live;
		}
		timestamps[to] = t;
		values[to] = v;
		to++;
		staleSeen |= StaleMarker.is(v);
		return Appended.OK;
	}

	synchronized SeriesData data() {
		return new SeriesData(labels, timestamps, values, from, to, staleSeen);
	}

	synchronized long lastTimestamp() {
		return to > from ? timestamps[to - 1] : Long.MIN_VALUE;
	}

	/**
	 * Drops samples before {@code cutoff}; returns the number dropped. The arrays shrink
	 * when most of them is unused, which changes {@link #capacityBytes()}.
	 */
	synchronized int dropBefore(long cutoff) {
		int lo = from;
		int hi = to;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (timestamps[mid] < cutoff) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		int dropped = lo - from;
		from = lo;
		int live = to - from;
		if (dropped > 0 && timestamps.length > INITIAL_CAPACITY && live < timestamps.length / 4) {
			int capacity = Math.max(INITIAL_CAPACITY, live * 2);
			timestamps = Arrays.copyOfRange(timestamps, from, from + capacity);
			values = Arrays.copyOfRange(values, from, from + capacity);
			from = 0;
			to = live;
		}
		return dropped;
	}

	synchronized int sampleCount() {
		return to - from;
	}

	synchronized long capacityBytes() {
		return 16L * timestamps.length;
	}

	/** Marks an empty series removed; false when a sample arrived meanwhile. */
	synchronized boolean removeIfEmpty() {
		if (to > from) {
			return false;
		}
		removed = true;
		return true;
	}

}
