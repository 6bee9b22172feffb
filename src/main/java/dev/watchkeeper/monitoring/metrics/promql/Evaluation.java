package dev.watchkeeper.monitoring.metrics.promql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.watchkeeper.monitoring.metrics.Labels;
import dev.watchkeeper.monitoring.metrics.MetricStore;
import dev.watchkeeper.monitoring.metrics.SeriesData;
import dev.watchkeeper.monitoring.metrics.StaleMarker;
import dev.watchkeeper.monitoring.metrics.promql.Value.Matrix;
import dev.watchkeeper.monitoring.metrics.promql.Value.Sample;
import dev.watchkeeper.monitoring.metrics.promql.Value.Scalar;
import dev.watchkeeper.monitoring.metrics.promql.Value.Series;
import dev.watchkeeper.monitoring.metrics.promql.Value.StringValue;
import dev.watchkeeper.monitoring.metrics.promql.Value.Vector;

/**
 * One query's evaluation at one or more instants. Series are selected from the store once
 * per selector and reused for every step; each step then finds its samples from where the
 * step before found them (steps go forward in time), by binary search otherwise.
 */
final class Evaluation {

	/**
	 * Subqueries without a step use this resolution, as Prometheus's default evaluation
	 * interval.
	 */
	static final long DEFAULT_SUBQUERY_STEP = 60_000;

	private final MetricStore store;

	private final long lookback;

	private final Map<Expr.VectorSelector, List<SeriesData>> selected = new IdentityHashMap<>();

	private final Map<Object, Map<Labels, Labels>> derived = new IdentityHashMap<>();

	/**
	 * One instance per derived label set: the many series of a group then share one key
	 * object, and looking the group up at every step finds it by identity instead of
	 * comparing labels.
	 */
	private final Map<Labels, Labels> canonical = new HashMap<>();

	private Object lastRule;

	private Map<Labels, Labels> lastMemo;

	/** Per selector: where each series' samples were found at the last lookup. */
	private final Map<Expr.VectorSelector, Cursor[]> cursors = new IdentityHashMap<>();

	Evaluation(MetricStore store, long lookbackMillis) {
		this.store = store;
		this.lookback = lookbackMillis;
	}

	Value eval(Expr expr, long t) {
		return switch (expr) {
			case Expr.NumberLiteral n -> new Scalar(n.value());
			case Expr.StringLiteral s -> new StringValue(s.value());
			case Expr.Paren p -> eval(p.expr(), t);
			case Expr.Negation n -> negate(eval(n.expr(), t));
			case Expr.VectorSelector vs -> instant(vs, t);
			case Expr.MatrixSelector ms -> matrix(windows(ms, t));
			case Expr.Subquery sq -> matrix(windows(sq, t));
			case Expr.Call c ->
				mayRepeatLabels(c) ? checkUnique(Functions.call(this, c, t)) : Functions.call(this, c, t);
			case Expr.Aggregate a -> Aggregations.aggregate(this, a, t);
			case Expr.Binary b -> mayRepeatLabels(b) ? checkUnique(BinaryOperations.apply(this, b, t))
					: BinaryOperations.apply(this, b, t);
		};
	}

	Vector vector(Expr expr, long t) {
		return (Vector) eval(expr, t);
	}

	double scalar(Expr expr, long t) {
		return ((Scalar) eval(expr, t)).value();
	}

	private static Value negate(Value v) {
		if (v instanceof Scalar s) {
			return new Scalar(-s.value());
		}
		List<Sample> out = new ArrayList<>();
		for (Sample s : ((Vector) v).samples()) {
			out.add(new Sample(s.labels().withoutMetricName(), -s.value()));
		}
		return new Vector(out);
	}

	/**
	 * Whether a call can give two samples one label set: only when it drops the metric
	 * name of series whose names the selector does not fix.
	 */
	private static boolean mayRepeatLabels(Expr.Call c) {
		if (c.function().returns() != ValueType.VECTOR || c.args().isEmpty()) {
			return false;
		}
		return switch (c.function().name()) {
			case "vector", "absent", "absent_over_time", "label_replace", "label_join" ->
				c.function().name().startsWith("label");
			default -> {
				Expr arg = c.args().get(c.args().size() - 1);
				if (c.function().name().equals("quantile_over_time") || c.function().name().equals("predict_linear")) {
					arg = c.args().get(c.function().name().equals("quantile_over_time") ? 1 : 0);
				}
				yield !namesFixed(arg);
			}
		};
	}

	private static boolean namesFixed(Expr arg) {
		return switch (arg) {
			case Expr.Paren p -> namesFixed(p.expr());
			case Expr.VectorSelector vs -> vs.name() != null;
			case Expr.MatrixSelector ms -> ms.selector().name() != null;
			default -> false;
		};
	}

	/**
	 * Set operators and comparisons with a scalar (without bool) keep their input's label
	 * sets, which are distinct already.
	 */
	private static boolean mayRepeatLabels(Expr.Binary b) {
		if (b.op().isSetOperator()) {
			return false;
		}
		boolean withScalar = b.lhs().type() == ValueType.SCALAR || b.rhs().type() == ValueType.SCALAR;
		return !(withScalar && !b.op().dropsMetricName() && !b.returnBool());
	}

	private static Value checkUnique(Value v) {
		if (v instanceof Vector vec && vec.samples().size() > 1) {
			Set<Labels> seen = new HashSet<>();
			for (Sample s : vec.samples()) {
				if (!seen.add(s.labels())) {
					throw new QueryException("vector cannot contain metrics with the same labelset");
				}
			}
		}
		return v;
	}

	/**
	 * A label set derived from another by a rule fixed for the query (a grouping key, a
	 * matching signature), computed once per input label set instead of at every step.
	 */
	Labels derive(Object rule, Labels in, java.util.function.UnaryOperator<Labels> f) {
		Map<Labels, Labels> memo = (rule == lastRule) ? lastMemo
				: derived.computeIfAbsent(rule, (k) -> new HashMap<>());
		lastRule = rule;
		lastMemo = memo;
		Labels out = memo.get(in);
		if (out == null) {
			out = canonical.computeIfAbsent(f.apply(in), (k) -> k);
			memo.put(in, out);
		}
		return out;
	}

	/**
	 * The index each selected series was found at by the last lookup of one kind, and
	 * that lookup's time: a lookup at the same time or later may start from there.
	 */
	private static final class Cursor {

		final int[] index;

		long at = Long.MIN_VALUE;

		Cursor(int series) {
			this.index = new int[series];
		}

		/** Where the search for series {@code i} at time {@code t} may start. */
		int hint(int i, long t) {
			return (t >= at) ? index[i] : 0;
		}

	}

	/**
	 * The cursors of a selector: [0] for the end of a lookup, [1] for a range's start.
	 */
	private Cursor[] cursors(Expr.VectorSelector vs, int series) {
		Cursor[] c = cursors.get(vs);
		if (c == null) {
			c = new Cursor[] { new Cursor(series), new Cursor(series) };
			cursors.put(vs, c);
		}
		return c;
	}

	List<SeriesData> select(Expr.VectorSelector vs) {
		return selected.computeIfAbsent(vs, (k) -> {
			// Prometheus reads series in label order; topk's choice among equal values
			// depends on it
			List<SeriesData> found = new ArrayList<>(store.select(k.matchers()));
			found.sort((a, b) -> a.labels().compareTo(b.labels()));
			return found;
		});
	}

	/**
	 * The latest sample of each series within the lookback, unless it is a stale marker.
	 */
	Vector instant(Expr.VectorSelector vs, long t) {
		long ref = t - vs.offsetMillis();
		List<SeriesData> all = select(vs);
		Cursor end = cursors(vs, all.size())[0];
		List<Sample> out = new ArrayList<>(all.size());
		for (int k = 0; k < all.size(); k++) {
			SeriesData s = all.get(k);
			int after = s.firstAfter(ref, end.hint(k, ref));
			end.index[k] = after;
			int i = after - 1;
			if (i >= s.from() && s.timestamps()[i] >= ref - lookback && !StaleMarker.is(s.values()[i])) {
				out.add(new Sample(s.labels(), s.values()[i]));
			}
		}
		end.at = ref;
		return new Vector(out);
	}

	/**
	 * The timestamp (ms) of the sample {@link #instant} would return, per series, in the
	 * same order.
	 */
	List<long[]> instantTimes(Expr.VectorSelector vs, long t) {
		long ref = t - vs.offsetMillis();
		List<long[]> out = new ArrayList<>();
		for (SeriesData s : select(vs)) {
			int i = s.firstAfter(ref) - 1;
			if (i >= s.from() && s.timestamps()[i] >= ref - lookback && !StaleMarker.is(s.values()[i])) {
				out.add(new long[] { s.timestamps()[i] });
			}
		}
		return out;
	}

	/**
	 * Windows of a range selector: samples in [t - offset - range, t - offset], stale
	 * markers dropped.
	 */
	List<Window> windows(Expr.MatrixSelector ms, long t) {
		long end = t - ms.selector().offsetMillis();
		long start = end - ms.rangeMillis();
		List<SeriesData> all = select(ms.selector());
		Cursor[] c = cursors(ms.selector(), all.size());
		Cursor last = c[0];
		Cursor first = c[1];
		List<Window> out = new ArrayList<>(all.size());
		for (int k = 0; k < all.size(); k++) {
			SeriesData s = all.get(k);
			int from = s.firstAtOrAfter(start, first.hint(k, start));
			int to = s.firstAfter(end, last.hint(k, end));
			first.index[k] = from;
			last.index[k] = to;
			if (from >= to) {
				continue;
			}
			Window w = s.mayHoldStale() ? withoutStale(s.labels(), s.timestamps(), s.values(), from, to)
					: new Window(s.labels(), s.timestamps(), s.values(), from, to);
			if (w.size() > 0) {
				out.add(w);
			}
		}
		first.at = start;
		last.at = end;
		return out;
	}

	private static Window withoutStale(Labels labels, long[] ts, double[] vs, int from, int to) {
		int stale = 0;
		for (int i = from; i < to; i++) {
			if (StaleMarker.is(vs[i])) {
				stale++;
			}
		}
		if (stale == 0) {
			return new Window(labels, ts, vs, from, to);
		}
		int n = to - from - stale;
		long[] t2 = new long[n];
		double[] v2 = new double[n];
		int j = 0;
		for (int i = from; i < to; i++) {
			if (!StaleMarker.is(vs[i])) {
				t2[j] = ts[i];
				v2[j++] = vs[i];
			}
		}
		return new Window(labels, t2, v2, 0, n);
	}

	/**
	 * Windows of a subquery: the inner expression evaluated at every multiple of the step
	 * in [t - offset - range, t - offset].
	 */
	List<Window> windows(Expr.Subquery sq, long t) {
		long step = (sq.stepMillis() > 0) ? sq.stepMillis() : DEFAULT_SUBQUERY_STEP;
		long end = t - sq.offsetMillis();
		long start = end - sq.rangeMillis();
		long first = Math.floorDiv(start, step) * step;
		if (first < start) {
			first += step;
		}
		Map<Labels, SeriesBuilder> series = new LinkedHashMap<>();
		for (long ts = first; ts <= end; ts += step) {
			Value v = eval(sq.expr(), ts);
			for (Sample s : ((Vector) v).samples()) {
				series.computeIfAbsent(s.labels(), (k) -> new SeriesBuilder()).add(ts, s.value());
			}
		}
		List<Window> out = new ArrayList<>(series.size());
		for (Map.Entry<Labels, SeriesBuilder> e : series.entrySet()) {
			SeriesBuilder b = e.getValue();
			out.add(new Window(e.getKey(), b.timestamps, b.values, 0, b.size));
		}
		return out;
	}

	List<Window> windows(Expr rangeArg, long t) {
		return switch (rangeArg) {
			case Expr.MatrixSelector ms -> windows(ms, t);
			case Expr.Subquery sq -> windows(sq, t);
			case Expr.Paren p -> windows(p.expr(), t);
			default -> throw new QueryException("expected a range vector, got " + rangeArg.type().description());
		};
	}

	private static Matrix matrix(List<Window> windows) {
		List<Series> out = new ArrayList<>(windows.size());
		for (Window w : windows) {
			long[] ts = java.util.Arrays.copyOfRange(w.timestamps(), w.from(), w.to());
			double[] vs = java.util.Arrays.copyOfRange(w.values(), w.from(), w.to());
			out.add(new Series(w.labels(), ts, vs, ts.length));
		}
		return new Matrix(out);
	}

	/** Collects the points of one series. */
	static final class SeriesBuilder {

		long[] timestamps = new long[8];

		double[] values = new double[8];

		int size;

		void add(long t, double v) {
			if (size == timestamps.length) {
				timestamps = java.util.Arrays.copyOf(timestamps, size * 2);
				values = java.util.Arrays.copyOf(values, size * 2);
			}
			timestamps[size] = t;
			values[size++] = v;
		}

	}

}
