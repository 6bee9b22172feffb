package dev.watchkeeper.monitoring.metrics.promql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.monitoring.metrics.Labels;
import dev.watchkeeper.monitoring.metrics.promql.Value.Sample;
import dev.watchkeeper.monitoring.metrics.promql.Value.Vector;

/** The aggregation operators, grouping by or without labels as Prometheus does. */
final class Aggregations {

	private Aggregations() {
	}

	/** Running state of one group. */
	private static final class Group {

		final Labels labels;

		double value;

		double mean;

		long count;

		List<Sample> members;

		Group(Labels labels, Sample first) {
			this.labels = labels;
			this.value = first.value();
		}

	}

	static Vector aggregate(Evaluation ev, Expr.Aggregate a, long t) {
		double param = 0;
		String stringParam = null;
		if (a.param() != null) {
			Value p = ev.eval(a.param(), t);
			if (p instanceof Value.Scalar s) {
				param = s.value();
			}
			else {
				stringParam = ((Value.StringValue) p).value();
			}
		}
		Vector input = ev.vector(a.expr(), t);
		AggregateOp op = a.op();
		if (op == AggregateOp.COUNT_VALUES) {
			return countValues(a, input, stringParam);
		}
		if ((op == AggregateOp.TOPK || op == AggregateOp.BOTTOMK) && (long) param < 1) {
			return new Vector(List.of());
		}
		Map<Labels, Group> groups = new LinkedHashMap<>();
		for (Sample s : input.samples()) {
			Labels key = ev.derive(a, s.labels(), (l) -> groupingKey(l, a));
			Group g = groups.get(key);
			if (g == null) {
				g = new Group(key, s);
				groups.put(key, g);
				start(op, g, s);
				continue;
			}
			add(op, g, s);
		}
		List<Sample> out = new ArrayList<>();
		for (Group g : groups.values()) {
			switch (op) {
				case TOPK, BOTTOMK -> out.addAll(selectK(op, g.members, (long) param));
				case QUANTILE -> out.add(new Sample(g.labels, quantile(param, values(g.members))));
				default -> out.add(new Sample(g.labels, result(op, g)));
			}
		}
		return new Vector(out);
	}

	private static Labels groupingKey(Labels labels, Expr.Aggregate a) {
		if (a.without()) {
			return labels.filter((n) -> !n.equals(Labels.METRIC_NAME) && !a.grouping().contains(n));
		}
		return labels.filter(a.grouping()::contains);
	}

	private static void start(AggregateOp op, Group g, Sample s) {
		g.count = 1;
		switch (op) {
			case AVG, STDDEV, STDVAR -> {
				g.mean = s.value();
				g.value = 0;
			}
			case COUNT, GROUP -> g.value = 1;
			case TOPK, BOTTOMK, QUANTILE -> {
				g.members = new ArrayList<>();
				g.members.add(s);
			}
			default -> g.value = s.value();
		}
	}

	private static void add(AggregateOp op, Group g, Sample s) {
		double v = s.value();
		g.count++;
		switch (op) {
			case SUM -> g.value += v;
			case AVG -> {
				if (Double.isInfinite(g.mean)) {
					if (Double.isInfinite(v) && (g.mean > 0) == (v > 0)) {
						return;
					}
					if (!Double.isInfinite(v) && !Double.isNaN(v)) {
						return;
					}
				}
				g.mean += v / g.count - g.mean / g.count;
			}
			case MAX -> {
				if (g.value < v || Double.isNaN(g.value)) {
					g.value = v;
				}
			}
			case MIN -> {
				if (g.value > v || Double.isNaN(g.value)) {
					g.value = v;
				}
			}
			case COUNT -> g.value++;
			case GROUP -> g.value = 1;
			case STDDEV, STDVAR -> {
				double delta = v - g.mean;
				g.mean += delta / g.count;
				g.value += delta * (v - g.mean);
			}
			case TOPK, BOTTOMK, QUANTILE -> g.members.add(s);
			default -> throw new IllegalStateException(op.name());
		}
	}

	private static double result(AggregateOp op, Group g) {
		return switch (op) {
			case AVG -> g.mean;
			case STDVAR -> g.value / g.count;
			case STDDEV -> Math.sqrt(g.value / g.count);
			default -> g.value;
		};
	}

	/**
	 * topk and bottomk exactly as Prometheus chooses among equal values: a binary heap of
	 * k samples (Go's container/heap) whose top is replaced by a better sample, in input
	 * order.
	 */
	private static List<Sample> selectK(AggregateOp op, List<Sample> members, long k) {
		boolean top = op == AggregateOp.TOPK;
		List<Sample> heap = new ArrayList<>();
		heap.add(members.get(0));
		for (int m = 1; m < members.size(); m++) {
			Sample s = members.get(m);
			double head = heap.get(0).value();
			boolean better = top ? head < s.value() : head > s.value();
			if (heap.size() < k || better || Double.isNaN(head)) {
				if (heap.size() == k) {
					if (k == 1) {
						heap.set(0, s);
						continue;
					}
					int last = heap.size() - 1;
					swap(heap, 0, last);
					down(heap, 0, last, top);
					heap.remove(last);
				}
				heap.add(s);
				up(heap, heap.size() - 1, top);
			}
		}
		List<Sample> out = new ArrayList<>(heap);
		out.sort((a, b) -> less(b, a, top) ? -1 : less(a, b, top) ? 1 : 0);
		return out;
	}

	/** The heap order: the worst kept sample on top; NaN counts as worst. */
	private static boolean less(Sample a, Sample b, boolean top) {
		if (Double.isNaN(a.value())) {
			return true;
		}
		return top ? a.value() < b.value() : a.value() > b.value();
	}

	private static void up(List<Sample> h, int j, boolean top) {
		for (int guard = 0; guard < 64 && j > 0; guard++) {
			int i = (j - 1) / 2;
			if (!less(h.get(j), h.get(i), top)) {
				break;
			}
			swap(h, i, j);
			j = i;
		}
	}

	private static boolean down(List<Sample> h, int i0, int n, boolean top) {
		int i = i0;
		for (int guard = 0; guard < 64; guard++) {
			int j1 = 2 * i + 1;
			if (j1 >= n) {
				break;
			}
			int j = j1;
			int j2 = j1 + 1;
			if (j2 < n && less(h.get(j2), h.get(j1), top)) {
				j = j2;
			}
			if (!less(h.get(j), h.get(i), top)) {
				break;
			}
			swap(h, i, j);
			i = j;
		}
		return i > i0;
	}

	private static void swap(List<Sample> h, int i, int j) {
		Sample t = h.get(i);
		h.set(i, h.get(j));
		h.set(j, t);
	}

	/** Orders two values with NaN after every number. */
	static int compareNaNLast(double a, double b, boolean nanLast) {
		boolean an = Double.isNaN(a);
		boolean bn = Double.isNaN(b);
		if (an || bn) {
			return (an == bn) ? 0 : (an == nanLast ? 1 : -1);
		}
		return Double.compare(a, b);
	}

	private static double[] values(List<Sample> members) {
		double[] out = new double[members.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = members.get(i).value();
		}
		return out;
	}

	/** Prometheus's quantile: linear interpolation between the closest ranks. */
	static double quantile(double q, double[] values) {
		int n = values.length;
		if (n == 0) {
			return Double.NaN;
		}
		if (q < 0) {
			return Double.NEGATIVE_INFINITY;
		}
		if (q > 1) {
			return Double.POSITIVE_INFINITY;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		double rank = q * (n - 1);
		double lower = Math.max(0, Math.floor(rank));
		double upper = Math.min(n - 1, lower + 1);
		double weight = rank - Math.floor(rank);
		return sorted[(int) lower] * (1 - weight) + sorted[(int) upper] * weight;
	}

	private static Vector countValues(Expr.Aggregate a, Vector input, String label) {
		if (!label.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
			throw new QueryException("invalid label name \"" + label + "\"");
		}
		Map<Labels, double[]> counts = new LinkedHashMap<>();
		for (Sample s : input.samples()) {
			Labels key = groupingKey(s.labels(), a).toBuilder().set(label, Numbers.format(s.value())).build();
			counts.computeIfAbsent(key, (k) -> new double[1])[0]++;
		}
		List<Sample> out = new ArrayList<>();
		counts.forEach((k, v) -> out.add(new Sample(k, v[0])));
		return new Vector(out);
	}

}
