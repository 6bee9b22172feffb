package dev.watchkeeper.monitoring.metrics.promql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.monitoring.metrics.Labels;
import dev.watchkeeper.monitoring.metrics.promql.Value.Sample;
import dev.watchkeeper.monitoring.metrics.promql.Value.Vector;

/**
 * {@code histogram_quantile} over classic histograms: one series per {@code le} bucket.
 */
final class Histograms {

	private static final String BUCKET_LABEL = "le";

	private Histograms() {
	}

	/** Buckets of one histogram, collected in arrival order. */
	private static final class Buckets {

		final Labels output;

		double[] upper = new double[8];

		double[] counts = new double[8];

		int size;

		Buckets(Labels output) {
			this.output = output;
		}

		void add(double upperBound, double count) {
			if (size == upper.length) {
				upper = Arrays.copyOf(upper, size * 2);
				counts = Arrays.copyOf(counts, size * 2);
			}
			upper[size] = upperBound;
			counts[size++] = count;
		}

	}

	static Vector quantile(double q, Vector in) {
		Map<Labels, Buckets> histograms = new LinkedHashMap<>();
		for (Sample s : in.samples()) {
			double upperBound;
			try {
				upperBound = parseBound(s.labels().get(BUCKET_LABEL));
			}
			catch (NumberFormatException ex) {
				continue;
			}
			Labels key = s.labels().filter((n) -> !n.equals(BUCKET_LABEL));
			histograms.computeIfAbsent(key, (k) -> new Buckets(k.withoutMetricName())).add(upperBound, s.value());
		}
		List<Sample> out = new ArrayList<>(histograms.size());
		for (Buckets b : histograms.values()) {
			out.add(new Sample(b.output, bucketQuantile(q, b)));
		}
		return new Vector(out);
	}

	private static double parseBound(String s) {
		return switch (s) {
			case "+Inf", "Inf", "+inf", "inf" -> Double.POSITIVE_INFINITY;
			case "-Inf", "-inf" -> Double.NEGATIVE_INFINITY;
			case "NaN" -> Double.NaN;
			default -> Double.parseDouble(s);
		};
	}

	/**
	 * Prometheus's bucketQuantile: sort, merge equal bounds, force monotonic counts,
	 * interpolate.
	 */
	private static double bucketQuantile(double q, Buckets b) {
		if (q < 0) {
			return Double.NEGATIVE_INFINITY;
		}
		if (q > 1) {
			return Double.POSITIVE_INFINITY;
		}
		Integer[] order = new Integer[b.size];
		for (int i = 0; i < b.size; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (x, y) -> Double.compare(b.upper[x], b.upper[y]));
		double[] upper = new double[b.size];
		double[] counts = new double[b.size];
		int n = 0;
		for (int idx : order) {
			if (n > 0 && upper[n - 1] == b.upper[idx]) {
				counts[n - 1] += b.counts[idx];
			}
			else {
				upper[n] = b.upper[idx];
				counts[n++] = b.counts[idx];
			}
		}
		if (n == 0 || upper[n - 1] != Double.POSITIVE_INFINITY) {
			return Double.NaN;
		}
		double max = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < n; i++) {
			if (counts[i] > max) {
				max = counts[i];
			}
			else if (counts[i] < max) {
				counts[i] = max;
			}
		}
		if (n < 2) {
			return Double.NaN;
		}
		double observations = counts[n - 1];
		if (observations == 0) {
			return Double.NaN;
		}
		double rank = q * observations;
		int bucket = 0;
		while (bucket < n - 1 && !(counts[bucket] >= rank)) {
			bucket++;
		}
		if (bucket == n - 1) {
			return upper[n - 2];
		}
		if (bucket == 0 && upper[0] <= 0) {
			return upper[0];
		}
		double bucketStart = 0;
		double bucketEnd = upper[bucket];
		double count = counts[bucket];
		if (bucket > 0) {
			bucketStart = upper[bucket - 1];
			count -= counts[bucket - 1];
			rank -= counts[bucket - 1];
		}
		return bucketStart + (bucketEnd - bucketStart) * (rank / count);
	}

}
