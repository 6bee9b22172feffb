package dev.watchkeeper.monitoring.metrics.promql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.monitoring.metrics.Labels;
import dev.watchkeeper.monitoring.metrics.MetricStore;
import dev.watchkeeper.monitoring.metrics.promql.Evaluation.SeriesBuilder;
import dev.watchkeeper.monitoring.metrics.promql.Value.Matrix;
import dev.watchkeeper.monitoring.metrics.promql.Value.Sample;
import dev.watchkeeper.monitoring.metrics.promql.Value.Scalar;
import dev.watchkeeper.monitoring.metrics.promql.Value.Series;
import dev.watchkeeper.monitoring.metrics.promql.Value.Vector;

/**
 * Evaluates PromQL against the metric store with Prometheus's semantics: instant queries
 * at one time and range queries at every step from start to end. Times are in
 * milliseconds.
 */
public final class Engine {

	/** Prometheus refuses range queries with more points per series than this. */
	public static final long MAX_POINTS_PER_SERIES = 11_000;

	private final MetricStore store;

	private final long lookbackMillis;

	public Engine(MetricStore store, long lookbackMillis) {
		this.store = store;
		this.lookbackMillis = lookbackMillis;
	}

	/** Parses and evaluates at one instant. */
	public Value instant(String query, long timeMillis) {
		return instant(Parser.parse(query), timeMillis);
	}

	public Value instant(Expr expr, long timeMillis) {
		return new Evaluation(store, lookbackMillis).eval(expr, timeMillis);
	}

	/** Parses and evaluates at every step; the result's series are sorted by labels. */
	public Matrix range(String query, long startMillis, long endMillis, long stepMillis) {
		return range(Parser.parse(query), startMillis, endMillis, stepMillis);
	}

	public Matrix range(Expr expr, long startMillis, long endMillis, long stepMillis) {
		if (expr.type() != ValueType.SCALAR && expr.type() != ValueType.VECTOR) {
			throw new QueryException("invalid expression type \"" + expr.type().description()
					+ "\" for range query, must be Scalar or instant Vector");
		}
		if (stepMillis <= 0) {
			throw new IllegalArgumentException(
					"zero or negative query resolution step widths are not accepted. " + "Try a positive integer");
		}
		if (endMillis < startMillis) {
			throw new IllegalArgumentException("end timestamp must not be before start time");
		}
		if ((endMillis - startMillis) / stepMillis > MAX_POINTS_PER_SERIES) {
			throw new IllegalArgumentException("exceeded maximum resolution of 11,000 points per timeseries. "
					+ "Try decreasing the query resolution (?step=XX)");
		}
		Evaluation evaluation = new Evaluation(store, lookbackMillis);
		Map<Labels, SeriesBuilder> series = new HashMap<>();
		for (long t = startMillis; t <= endMillis; t += stepMillis) {
			Value v = evaluation.eval(expr, t);
			if (v instanceof Scalar s) {
				series.computeIfAbsent(Labels.EMPTY, (k) -> new SeriesBuilder()).add(t, s.value());
				continue;
			}
			for (Sample s : ((Vector) v).samples()) {
				series.computeIfAbsent(s.labels(), (k) -> new SeriesBuilder()).add(t, s.value());
			}
		}
		List<Series> out = new ArrayList<>(series.size());
		series.forEach((labels, b) -> out.add(new Series(labels, b.timestamps, b.values, b.size)));
		out.sort((a, b) -> a.labels().compareTo(b.labels()));
		return new Matrix(out);
	}

}
