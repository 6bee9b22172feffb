package dev.watchkeeper.monitoring.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.watchkeeper.monitoring.metrics.promql.Engine;
import dev.watchkeeper.monitoring.metrics.promql.Expr;
import dev.watchkeeper.monitoring.metrics.promql.Value;

/**
 * The metrics facade: samples in (import, scrapes), PromQL out. Everything is in memory
 * and bounded by retention and memory budget.
 */
public class Metrics {

	private final MetricStore store;

	private final Engine engine;

	private final Clock clock;

	public Metrics(MetricStore store, Engine engine, Clock clock) {
		this.store = store;
		this.engine = engine;
		this.clock = clock;
	}

	/** Counts of one import. */
	public record ImportResult(int stored, int duplicates, int outOfOrder, int refused) {
	}

	/**
	 * Imports samples in the text exposition format; samples without a timestamp take the
	 * current time. All lines are parsed before any sample is stored.
	 */
	public ImportResult importText(String text) {
		List<TextExposition.Sample> samples = TextExposition.parse(text, clock.millis());
		int stored = 0;
		int duplicates = 0;
		int outOfOrder = 0;
		int refused = 0;
		for (TextExposition.Sample s : samples) {
			switch (store.append(s.labels(), s.timestampMillis(), s.value())) {
				case STORED -> stored++;
				case DUPLICATE -> duplicates++;
				case OUT_OF_ORDER -> outOfOrder++;
				case OVER_BUDGET -> refused++;
			}
		}
		return new ImportResult(stored, duplicates, outOfOrder, refused);
	}

	public MetricStore.Result append(Labels labels, long timestampMillis, double value) {
		return store.append(labels, timestampMillis, value);
	}

	/** Evaluates PromQL at one instant. */
	public Value query(String promql, Instant at) {
		return engine.instant(promql, at.toEpochMilli());
	}

	/** Evaluates a parsed expression at one instant. */
	public Value query(Expr expr, Instant at) {
		return engine.instant(expr, at.toEpochMilli());
	}

	/** Evaluates a parsed expression at every step from start to end. */
	public Value.Matrix queryRange(Expr expr, Instant start, Instant end, long stepMillis) {
		return engine.range(expr, start.toEpochMilli(), end.toEpochMilli(), stepMillis);
	}

	/** Evaluates PromQL at every step from start to end. */
	public Value.Matrix queryRange(String promql, Instant start, Instant end, long stepMillis) {
		return engine.range(promql, start.toEpochMilli(), end.toEpochMilli(), stepMillis);
	}

	public List<Labels> series(List<LabelMatcher> matchers, Instant start, Instant end) {
		return store.series(matchers, start.toEpochMilli(), end.toEpochMilli());
	}

	public List<String> labelNames(List<LabelMatcher> matchers, Instant start, Instant end) {
		return store.labelNames(matchers, start.toEpochMilli(), end.toEpochMilli());
	}

	public List<String> labelValues(String name, List<LabelMatcher> matchers, Instant start, Instant end) {
		return store.labelValues(name, matchers, start.toEpochMilli(), end.toEpochMilli());
	}

	public MetricStore.Stats stats() {
		return store.stats();
	}

	public Instant now() {
		return clock.instant();
	}

}
