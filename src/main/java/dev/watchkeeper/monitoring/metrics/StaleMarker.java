package dev.watchkeeper.monitoring.metrics;

/**
 * Prometheus's staleness marker: a NaN with one exact bit pattern, written when a series
 * disappears so that queries stop returning it at once instead of after the lookback.
 */
public final class StaleMarker {

	public static final long BITS = 0x7ff0000000000002L;

	public static final double VALUE = Double.longBitsToDouble(BITS);

	private StaleMarker() {
	}

	public static boolean is(double value) {
		return Double.doubleToRawLongBits(value) == BITS;
	}

}
