package dev.watchkeeper.monitoring.metrics.promql;

import java.util.ArrayList;
import java.util.List;

import dev.watchkeeper.monitoring.metrics.promql.Value.Sample;
import dev.watchkeeper.monitoring.metrics.promql.Value.Vector;

/**
 * Functions over range vectors: rate and friends with Prometheus's extrapolation and
 * counter-reset rules, and the {@code *_over_time} family.
 */
final class RangeFunctions {

	private RangeFunctions() {
	}

	static Vector apply(String name, List<Window> windows, long rangeStart, long rangeEnd, double param) {
		List<Sample> out = new ArrayList<>(windows.size());
		boolean keepName = name.equals("last_over_time");
		for (Window w : windows) {
			double v;
			switch (name) {
				case "rate" -> v = extrapolatedRate(w, rangeStart, rangeEnd, true, true);
				case "increase" -> v = extrapolatedRate(w, rangeStart, rangeEnd, true, false);
				case "delta" -> v = extrapolatedRate(w, rangeStart, rangeEnd, false, false);
				case "irate" -> v = instantValue(w, true);
				case "idelta" -> v = instantValue(w, false);
				case "deriv" -> v = deriv(w);
				case "predict_linear" -> v = predictLinear(w, param, rangeEnd);
				case "changes" -> v = changes(w);
				case "resets" -> v = resets(w);
				case "avg_over_time" -> v = avg(w);
				case "sum_over_time" -> v = sum(w);
				case "count_over_time" -> v = w.size();
				case "min_over_time" -> v = minMax(w, false);
				case "max_over_time" -> v = minMax(w, true);
				case "last_over_time" -> v = w.last();
				case "present_over_time" -> v = 1;
				case "stddev_over_time" -> v = Math.sqrt(stdvar(w));
				case "stdvar_over_time" -> v = stdvar(w);
				case "quantile_over_time" ->
					v = Aggregations.quantile(param, java.util.Arrays.copyOfRange(w.values(), w.from(), w.to()));
				default -> throw new IllegalArgumentException(name);
			}
			if (Double.doubleToRawLongBits(v) != NO_RESULT) {
				out.add(new Sample(keepName ? w.labels() : w.labels().withoutMetricName(), v));
			}
		}
		return new Vector(out);
	}

	/**
	 * A NaN payload no arithmetic produces: the function has no result for this series.
	 */
	private static final long NO_RESULT = 0x7ff80000deadbeefL;

	private static final double NONE = Double.longBitsToDouble(NO_RESULT);

	/** Prometheus's extrapolatedRate for float samples (as of 2.42). */
	static double extrapolatedRate(Window w, long rangeStart, long rangeEnd, boolean isCounter, boolean isRate) {
		int n = w.size();
		if (n < 2) {
			return NONE;
		}
		double[] vs = w.values();
		double result = w.last() - w.first();
		if (isCounter) {
			double prev = w.first();
			for (int i = w.from() + 1; i < w.to(); i++) {
				double cur = vs[i];
				if (cur < prev) {
					result += prev;
				}
				prev = cur;
			}
		}
		double durationToStart = (w.firstTime() - rangeStart) / 1000.0;
		double durationToEnd = (rangeEnd - w.lastTime()) / 1000.0;
		double sampledInterval = (w.lastTime() - w.firstTime()) / 1000.0;
		double averageDurationBetweenSamples = sampledInterval / (n - 1);
		if (isCounter && result > 0 && w.first() >= 0) {
			double durationToZero = sampledInterval * (w.first() / result);
			if (durationToZero < durationToStart) {
				durationToStart = durationToZero;
			}
		}
		double threshold = averageDurationBetweenSamples * 1.1;
		double extrapolateToInterval = sampledInterval;
		extrapolateToInterval += (durationToStart < threshold) ? durationToStart : averageDurationBetweenSamples / 2;
		extrapolateToInterval += (durationToEnd < threshold) ? durationToEnd : averageDurationBetweenSamples / 2;
		double factor = extrapolateToInterval / sampledInterval;
		if (isRate) {
			factor /= (rangeEnd - rangeStart) / 1000.0;
		}
		return result * factor;
	}

	private static double instantValue(Window w, boolean isRate) {
		if (w.size() < 2) {
			return NONE;
		}
		double last = w.last();
		double previous = w.values()[w.to() - 2];
		double result = (isRate && last < previous) ? last : last - previous;
		long interval = w.lastTime() - w.timestamps()[w.to() - 2];
		if (interval == 0) {
			return NONE;
		}
		return isRate ? result / (interval / 1000.0) : result;
	}

	private static double[] linearRegression(Window w, long interceptTime) {
		double n = 0;
		double sumX = 0;
		double sumY = 0;
		double sumXY = 0;
		double sumX2 = 0;
		boolean constY = true;
		double initY = w.first();
		for (int i = w.from(); i < w.to(); i++) {
			double y = w.values()[i];
			if (constY && i > w.from() && y != initY) {
				constY = false;
			}
			n++;
			double x = (w.timestamps()[i] - interceptTime) / 1e3;
			sumX += x;
			sumY += y;
			sumXY += x * y;
			sumX2 += x * x;
		}
		if (constY) {
			if (Double.isInfinite(initY)) {
				return new double[] { Double.NaN, Double.NaN };
			}
			return new double[] { 0, initY };
		}
		double covXY = sumXY - sumX * sumY / n;
		double varX = sumX2 - sumX * sumX / n;
		double slope = covXY / varX;
		double intercept = sumY / n - slope * sumX / n;
		return new double[] { slope, intercept };
	}

	private static double deriv(Window w) {
		if (w.size() < 2) {
			return NONE;
		}
		return linearRegression(w, w.firstTime())[0];
	}

	private static double predictLinear(Window w, double duration, long evalTime) {
		if (w.size() < 2) {
			return NONE;
		}
		double[] r = linearRegression(w, evalTime);
		return r[0] * duration + r[1];
	}

	private static double changes(Window w) {
		double changes = 0;
		double prev = w.first();
		for (int i = w.from() + 1; i < w.to(); i++) {
			double cur = w.values()[i];
			if (cur != prev && !(Double.isNaN(cur) && Double.isNaN(prev))) {
				changes++;
			}
			prev = cur;
		}
		return changes;
	}

	private static double resets(Window w) {
		double resets = 0;
		double prev = w.first();
		for (int i = w.from() + 1; i < w.to(); i++) {
			double cur = w.values()[i];
			if (cur < prev) {
				resets++;
			}
			prev = cur;
		}
		return resets;
	}

	private static double avg(Window w) {
		double mean = 0;
		double count = 0;
		for (int i = w.from(); i < w.to(); i++) {
			double v = w.values()[i];
			count++;
			if (Double.isInfinite(mean)) {
				if (Double.isInfinite(v) && (mean > 0) == (v > 0)) {
					continue;
				}
				if (!Double.isInfinite(v) && !Double.isNaN(v)) {
					continue;
				}
			}
			mean += v / count - mean / count;
		}
		return mean;
	}

	private static double sum(Window w) {
		double sum = 0;
		for (int i = w.from(); i < w.to(); i++) {
			sum += w.values()[i];
		}
		return sum;
	}

	private static double minMax(Window w, boolean max) {
		double result = w.first();
		for (int i = w.from(); i < w.to(); i++) {
			double v = w.values()[i];
			if ((max ? v > result : v < result) || Double.isNaN(result)) {
				result = v;
			}
		}
		return result;
	}

	private static double stdvar(Window w) {
		double count = 0;
		double mean = 0;
		double aux = 0;
		for (int i = w.from(); i < w.to(); i++) {
			double v = w.values()[i];
			count++;
			double delta = v - mean;
			mean += delta / count;
			aux += delta * (v - mean);
		}
		return aux / count;
	}

}
