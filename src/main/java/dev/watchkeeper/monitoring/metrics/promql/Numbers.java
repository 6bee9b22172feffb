package dev.watchkeeper.monitoring.metrics.promql;

import java.math.BigDecimal;

/**
 * Formats numbers as Prometheus does (Go's strconv.FormatFloat with 'f' and shortest
 * precision).
 */
public final class Numbers {

	private Numbers() {
	}

	public static String format(double v) {
		if (Double.isNaN(v)) {
			return "NaN";
		}
		if (Double.isInfinite(v)) {
			return (v > 0) ? "+Inf" : "-Inf";
		}
		if (v == 0 && 1 / v < 0) {
			return "-0";
		}
		if (v == Math.rint(v) && Math.abs(v) < 1e15) {
			return Long.toString((long) v);
		}
		String s = new BigDecimal(Double.toString(v)).toPlainString();
		if (s.contains(".")) {
			int end = s.length();
			while (s.charAt(end - 1) == '0') {
				end--;
			}
			if (s.charAt(end - 1) == '.') {
				end--;
			}
			s = s.substring(0, end);
		}
		return s;
	}

}
