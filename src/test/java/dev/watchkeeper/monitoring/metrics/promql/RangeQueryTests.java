package dev.watchkeeper.monitoring.metrics.promql;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.watchkeeper.monitoring.metrics.Labels;
import dev.watchkeeper.monitoring.metrics.MetricStore;
import dev.watchkeeper.monitoring.metrics.SeriesData;
import dev.watchkeeper.monitoring.metrics.StaleMarker;
import dev.watchkeeper.monitoring.metrics.promql.Value.Matrix;
import dev.watchkeeper.monitoring.metrics.promql.Value.Sample;
import dev.watchkeeper.monitoring.metrics.promql.Value.Series;
import dev.watchkeeper.monitoring.metrics.promql.Value.Vector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A range query evaluates step after step, each finding its samples from where the step
 * before found them; every point must still be what an instant query at that step gives.
 */
class RangeQueryTests {

	private static final long MINUTE = 60_000;

	private static final long START = 100 * MINUTE;

	private final MetricStore store = new MetricStore(
			Clock.fixed(Instant.ofEpochMilli(START + 200 * MINUTE), ZoneOffset.UTC), Duration.ofHours(24), 1 << 30);

	private final Engine engine = new Engine(store, 5 * MINUTE);

	RangeQueryTests() {
		Random random = new Random(7);
		for (int series = 0; series < 12; series++) {
			Labels labels = Labels.of("__name__", "requests_total", "instance", "i-" + series, "status",
					(series % 3 == 0) ? "500" : "200");
			double value = 0;
			long t = START + random.nextInt(30_000);
			while (t < START + 120 * MINUTE) {
				// irregular intervals, gaps longer than the lookback, resets and stale
				// markers
				value = (random.nextInt(40) == 0) ? 0 : value + random.nextInt(10);
				store.append(labels, t, (random.nextInt(50) == 0) ? StaleMarker.VALUE : value);
				t += (random.nextInt(25) == 0) ? 7 * MINUTE : 5_000 + random.nextInt(25_000);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "requests_total", "requests_total offset 3m", "rate(requests_total[2m])",
			"sum by (status) (increase(requests_total[5m]))", "max_over_time(rate(requests_total[1m])[10m:1m])",
			"requests_total - requests_total offset 1m", "count_over_time(requests_total[90s] offset 30s)",
			"sum by (status) (rate(requests_total[5m])) / ignoring(status) group_left sum(rate(requests_total[5m]))" })
	void everyStepOfARangeQueryIsTheInstantQueryAtThatStep(String query) {
		for (long step : new long[] { 7_000, 15_000, 60_000, 17 * MINUTE }) {
			long from = START - 10 * MINUTE;
			long to = START + 130 * MINUTE;
			Matrix range = engine.range(query, from, to, step);
			Map<Labels, Map<Long, Double>> points = new HashMap<>();
			for (Series s : range.series()) {
				for (int i = 0; i < s.size(); i++) {
					points.computeIfAbsent(s.labels(), (k) -> new HashMap<>()).put(s.timestamps()[i], s.values()[i]);
				}
			}
			int compared = 0;
			for (long t = from; t <= to; t += step) {
				Vector instant = (Vector) engine.instant(query, t);
				for (Sample sample : instant.samples()) {
					Double got = points.getOrDefault(sample.labels(), Map.of()).get(t);
					assertThat(got).as("%s at %d step %d %s", query, t, step, sample.labels()).isNotNull();
					assertThat(Double.doubleToLongBits(got)).as("%s at %d", query, t)
						.isEqualTo(Double.doubleToLongBits(sample.value()));
					compared++;
				}
				long at = t;
				long inRange = points.values().stream().filter((byTime) -> byTime.containsKey(at)).count();
				assertThat(inRange).as("%s: points at %d", query, t).isEqualTo(instant.samples().size());
			}
			assertThat(compared).as(query).isPositive();
		}
	}

	@Test
	void aHintedSearchFindsWhatABinarySearchFinds() {
		Random random = new Random(11);
		long[] times = new long[300];
		long t = 1_000;
		for (int i = 0; i < times.length; i++) {
			t += 1 + random.nextInt((i % 50 == 0) ? 100_000 : 20_000);
			times[i] = t;
		}
		SeriesData data = new SeriesData(Labels.of("__name__", "x"), times, new double[times.length], 3, 280);
		for (int probe = 0; probe < 5_000; probe++) {
			long at = random.nextLong(t + 50_000);
			int atOrAfter = data.firstAtOrAfter(at);
			int after = data.firstAfter(at);
			for (int hint : List.of(0, 3, Math.max(3, atOrAfter - 1), atOrAfter, Math.max(3, atOrAfter - 40))) {
				assertThat(data.firstAtOrAfter(at, Math.min(hint, atOrAfter))).isEqualTo(atOrAfter);
			}
			for (int hint : List.of(0, Math.max(3, after - 1), after, Math.max(3, after - 100))) {
				assertThat(data.firstAfter(at, Math.min(hint, after))).isEqualTo(after);
			}
		}
	}

}
