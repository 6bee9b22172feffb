package dev.watchkeeper.monitoring.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Deterministic test data shaped like real scrapes: counters with resets, gauges, classic
 * histograms with le buckets, several label sets, scrape jitter, gaps and series that end
 * early. Timestamps are whole seconds so that text formats carry them exactly.
 */
final class GeneratedSeries {

	/** One series' samples. */
	record Series(Labels labels, long[] timestamps, double[] values) {
	}

	static final long INTERVAL = 15_000;

	private static final String[] LE = { "0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf" };

	private GeneratedSeries() {
	}

	static List<Series> generate(long start, long end, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		List<Series> out = new ArrayList<>();
		String[] instances = { "a", "b", "c" };
		for (String instance : instances) {
			for (String status : new String[] { "200", "404", "500", "503" }) {
				for (String method : new String[] { "GET", "POST" }) {
					out.add(counter(random, start, end, labels("http_requests_total", "job", "backend", "instance",
							instance, "status", status, "method", method), status.startsWith("5") ? 0.3 : 5));
				}
			}
			out.addAll(histogram(random, start, end, instance));
			out.add(gauge(random, start, end, labels("node_memory_used_bytes", "job", "node", "instance", instance),
					instance.equals("c")));
			out.add(up(random, start, end, labels("up", "job", "backend", "instance", instance)));
			out.add(up(random, start, end, labels("database_up", "job", "postgres", "instance", instance)));
		}
		out.add(constant(start, end, labels("service_owner", "job", "backend", "team", "payments"), 1));
		out.add(constant(start, end, labels("service_owner", "job", "node", "team", "platform"), 1));
		return out;
	}

	private static Labels labels(String name, String... pairs) {
		Map<String, String> map = new TreeMap<>();
		map.put(Labels.METRIC_NAME, name);
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return Labels.of(map);
	}

	private static long[] times(SplittableRandom random, long start, long end) {
		List<Long> ts = new ArrayList<>();
		for (long t = start; t <= end; t += INTERVAL) {
			ts.add(t + 1000L * random.nextInt(-3, 4));
		}
		long[] out = new long[ts.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = ts.get(i);
		}
		return out;
	}

	private static Series counter(SplittableRandom random, long start, long end, Labels labels, double perSecond) {
		long[] ts = times(random, start, end);
		double[] vs = new double[ts.length];
		double v = random.nextInt(0, 1000);
		for (int i = 0; i < ts.length; i++) {
			if (random.nextInt(200) == 0) {
				v = 0;
			}
			v += Math.floor(random.nextDouble() * perSecond * 30);
			vs[i] = v;
		}
		return new Series(labels, ts, vs);
	}

	private static List<Series> histogram(SplittableRandom random, long start, long end, String instance) {
		long[] ts = times(random, start, end);
		double[][] buckets = new double[LE.length][ts.length];
		double[] sum = new double[ts.length];
		double[] cumulative = new double[LE.length];
		double total = 0;
		for (int i = 0; i < ts.length; i++) {
			int observations = random.nextInt(0, 40);
			for (int o = 0; o < observations; o++) {
				double latency = Math.exp(random.nextGaussian() * 1.2 - 2.0);
				total += latency;
				for (int b = 0; b < LE.length; b++) {
					if (b == LE.length - 1 || latency <= Double.parseDouble(LE[b])) {
						cumulative[b]++;
					}
				}
			}
			for (int b = 0; b < LE.length; b++) {
				buckets[b][i] = cumulative[b];
			}
			sum[i] = Math.round(total * 1000) / 1000.0;
		}
		List<Series> out = new ArrayList<>();
		for (int b = 0; b < LE.length; b++) {
			out.add(new Series(
					labels("http_request_duration_seconds_bucket", "job", "backend", "instance", instance, "le", LE[b]),
					ts, buckets[b]));
		}
		out.add(new Series(labels("http_request_duration_seconds_sum", "job", "backend", "instance", instance), ts,
				sum));
		out.add(new Series(labels("http_request_duration_seconds_count", "job", "backend", "instance", instance), ts,
				buckets[LE.length - 1].clone()));
		return out;
	}

	/** A random walk with a ten-minute gap; with {@code endsEarly} it stops half-way. */
	private static Series gauge(SplittableRandom random, long start, long end, Labels labels, boolean endsEarly) {
		long[] all = times(random, start, end);
		List<long[]> kept = new ArrayList<>();
		double v = 1e9;
		long gapStart = start + (end - start) / 3;
		long stop = endsEarly ? start + (end - start) / 2 : Long.MAX_VALUE;
		for (long t : all) {
			v += (random.nextDouble() - 0.5) * 1e7;
			if ((t >= gapStart && t < gapStart + 600_000) || t > stop) {
				continue;
			}
			kept.add(new long[] { t, Double.doubleToLongBits(Math.round(v) + 0.25) });
		}
		long[] ts = new long[kept.size()];
		double[] vs = new double[kept.size()];
		for (int i = 0; i < ts.length; i++) {
			ts[i] = kept.get(i)[0];
			vs[i] = Double.longBitsToDouble(kept.get(i)[1]);
		}
		return new Series(labels, ts, vs);
	}

	private static Series up(SplittableRandom random, long start, long end, Labels labels) {
		long[] ts = times(random, start, end);
		double[] vs = new double[ts.length];
		boolean up = true;
		for (int i = 0; i < ts.length; i++) {
			if (random.nextInt(40) == 0) {
				up = !up;
			}
			vs[i] = up ? 1 : 0;
		}
		return new Series(labels, ts, vs);
	}

	private static Series constant(long start, long end, Labels labels, double value) {
		long[] ts = times(new SplittableRandom(1), start, end);
		double[] vs = new double[ts.length];
		java.util.Arrays.fill(vs, value);
		return new Series(labels, ts, vs);
	}

	/**
	 * OpenMetrics text with timestamps in seconds, series after series, ending in
	 * {@code # EOF}.
	 */
	static String openMetrics(List<Series> series) {
		StringBuilder sb = new StringBuilder();
		for (Series s : series) {
			String name = s.labels().metricName();
			StringBuilder labels = new StringBuilder();
			for (int i = 0; i < s.labels().size(); i++) {
				if (s.labels().name(i).equals(Labels.METRIC_NAME)) {
					continue;
				}
				labels.append(labels.isEmpty() ? "" : ",")
					.append(s.labels().name(i))
					.append("=\"")
					.append(s.labels().value(i))
					.append('"');
			}
			for (int i = 0; i < s.timestamps().length; i++) {
				sb.append(name)
					.append('{')
					.append(labels)
					.append("} ")
					.append(s.values()[i])
					.append(' ')
					.append(s.timestamps()[i] / 1000)
					.append('\n');
			}
		}
		return sb.append("# EOF\n").toString();
	}

}
