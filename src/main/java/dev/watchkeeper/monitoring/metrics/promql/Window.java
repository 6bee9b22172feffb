package dev.watchkeeper.monitoring.metrics.promql;

import dev.watchkeeper.monitoring.metrics.Labels;

/**
 * The samples of one series inside a range, stale markers removed: indexes {@code from}
 * (inclusive) to {@code to} (exclusive) of the arrays, which may be the store's own.
 */
record Window(Labels labels, long[] timestamps, double[] values, int from, int to) {

	int size() {
		return to - from;
	}

	long firstTime() {
		return timestamps[from];
	}

	long lastTime() {
		return timestamps[to - 1];
	}

	double first() {
		return values[from];
	}

	double last() {
		return values[to - 1];
	}

}
