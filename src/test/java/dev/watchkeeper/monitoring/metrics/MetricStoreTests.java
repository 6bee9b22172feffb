package dev.watchkeeper.monitoring.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricStoreTests {

	private static final long HOUR = 3_600_000;

	private final Clock clock = Clock.fixed(Instant.ofEpochMilli(48 * HOUR), ZoneOffset.UTC);

	private MetricStore store(long budget) {
		return new MetricStore(clock, Duration.ofHours(24), budget);
	}

	@Test
	void selectsSeriesByEveryKindOfMatcherIncludingMissingLabels() {
		MetricStore store = store(1 << 30);
		store.append(Labels.of("__name__", "up", "job", "api", "instance", "a"), 1000, 1);
		store.append(Labels.of("__name__", "up", "job", "api", "instance", "b"), 1000, 0);
		store.append(Labels.of("__name__", "up", "job", "db"), 1000, 1);
		store.append(Labels.of("__name__", "other", "job", "api"), 1000, 1);

		assertThat(names(store, LabelMatcher.equal("__name__", "up"))).hasSize(3);
		assertThat(names(store, LabelMatcher.equal("__name__", "up"),
				LabelMatcher.of("job", LabelMatcher.Type.NOT_EQUAL, "api")))
			.containsExactly("up{job=\"db\"}");
		assertThat(names(store, LabelMatcher.of("instance", LabelMatcher.Type.REGEX, "a|b"))).hasSize(2);
		assertThat(names(store, LabelMatcher.of("instance", LabelMatcher.Type.REGEX, "a"),
				LabelMatcher.of("instance", LabelMatcher.Type.REGEX, "b")))
			.isEmpty();
		// an anchored regex: "a" does not match "ab"; a matcher matching "" selects
		// series without the label
		assertThat(names(store, LabelMatcher.equal("__name__", "up"),
				LabelMatcher.of("instance", LabelMatcher.Type.REGEX, "")))
			.containsExactly("up{job=\"db\"}");
		assertThat(names(store, LabelMatcher.equal("__name__", "up"),
				LabelMatcher.of("instance", LabelMatcher.Type.NOT_REGEX, "a.*")))
			.containsExactlyInAnyOrder("up{instance=\"b\", job=\"api\"}", "up{job=\"db\"}");
	}

	@Test
	void selectsAFewSeriesOfACommonLabelValueExactly() {
		MetricStore store = store(1 << 30);
		// job="backend" on 2,000 series, of which every 100th is "up" (20), some of them
		// with instances removed by retention, so postings have gaps and lengths differ
		// enough for the short list to be looked up in the long one
		for (int i = 0; i < 2000; i++) {
			String name = (i % 100 == 0) ? "up" : "requests";
			store.append(Labels.of("__name__", name, "job", "backend", "instance", "i-" + i), 1000, i);
		}
		store.append(Labels.of("__name__", "up", "job", "worker", "instance", "w"), 30 * HOUR, 1);
		store.append(Labels.of("__name__", "up", "job", "backend", "instance", "late"), 30 * HOUR, 1);
		store.enforceLimits();
		store.append(Labels.of("__name__", "up", "job", "backend", "instance", "new"), 47 * HOUR, 1);

		assertThat(names(store, LabelMatcher.equal("__name__", "up"), LabelMatcher.equal("job", "backend")))
			.containsExactlyInAnyOrder("up{instance=\"late\", job=\"backend\"}",
					"up{instance=\"new\", job=\"backend\"}");
		for (int i = 0; i < 2000; i++) {
			String name = (i % 100 == 0) ? "up" : "requests";
			store.append(Labels.of("__name__", name, "job", "backend", "instance", "i-" + i), 47 * HOUR, i);
		}
		assertThat(names(store, LabelMatcher.equal("__name__", "up"), LabelMatcher.equal("job", "backend")))
			.hasSize(22);
		assertThat(names(store, LabelMatcher.equal("job", "backend"), LabelMatcher.equal("__name__", "up"),
				LabelMatcher.of("instance", LabelMatcher.Type.REGEX, "i-(1|2)?00")))
			.containsExactlyInAnyOrder("up{instance=\"i-100\", job=\"backend\"}",
					"up{instance=\"i-200\", job=\"backend\"}");
		assertThat(names(store, LabelMatcher.equal("__name__", "up"),
				LabelMatcher.of("job", LabelMatcher.Type.NOT_EQUAL, "backend")))
			.containsExactly("up{instance=\"w\", job=\"worker\"}");
		assertThat(names(store, LabelMatcher.equal("__name__", "up"), LabelMatcher.equal("job", "nobody"))).isEmpty();
	}

	@Test
	void rejectsOutOfOrderSamplesAndKeepsStaleMarkersBitExact() {
		MetricStore store = store(1 << 30);
		Labels l = Labels.of("__name__", "x");
		assertThat(store.append(l, 2000, 1)).isEqualTo(MetricStore.Result.STORED);
		assertThat(store.append(l, 1000, 1)).isEqualTo(MetricStore.Result.OUT_OF_ORDER);
		assertThat(store.append(l, 2000, 1)).isEqualTo(MetricStore.Result.DUPLICATE);
		assertThat(store.append(l, 2000, 2)).isEqualTo(MetricStore.Result.OUT_OF_ORDER);
		store.append(l, 3000, StaleMarker.VALUE);
		SeriesData data = store.select(List.of(LabelMatcher.equal("__name__", "x"))).get(0);
		assertThat(data.size()).isEqualTo(2);
		assertThat(StaleMarker.is(data.values()[data.to() - 1])).isTrue();
		assertThat(StaleMarker.is(Double.NaN)).isFalse();
		assertThat(store.stats().samplesRejected()).isEqualTo(2);
	}

	@Test
	void dropsSamplesOlderThanTheRetentionAndForgetsEmptySeries() {
		MetricStore store = store(1 << 30);
		Labels old = Labels.of("__name__", "old");
		Labels recent = Labels.of("__name__", "recent");
		for (int i = 0; i < 100; i++) {
			store.append(old, i * 60_000L, i);
			store.append(recent, 47 * HOUR + i * 1000L, i);
		}
		store.append(old, 30 * HOUR, 1);
		store.enforceLimits();
		assertThat(names(store, LabelMatcher.of("__name__", LabelMatcher.Type.REGEX, ".+")))
			.containsExactlyInAnyOrder("old", "recent");
		assertThat(store.select(List.of(LabelMatcher.equal("__name__", "old"))).get(0).size()).isEqualTo(1);
		assertThat(store.stats().series()).isEqualTo(2);
	}

	@Test
	void refusesNewSeriesOverTheMemoryBudgetAndCountsThem() {
		MetricStore store = store(10_000);
		int stored = 0;
		for (int i = 0; i < 200; i++) {
			if (store.append(Labels.of("__name__", "m", "i", Integer.toString(i)), 1000,
					1) == MetricStore.Result.STORED) {
				stored++;
			}
		}
		assertThat(stored).isBetween(1, 199);
		assertThat(store.stats().seriesRefused()).isEqualTo(200 - stored);
	}

	@Test
	void dropsTheOldestSamplesWhenExistingSeriesOutgrowTheBudget() {
		MetricStore store = store(64_000);
		Labels l = Labels.of("__name__", "m");
		for (int i = 0; i < 4000; i++) {
			store.append(l, 47 * HOUR + i * 100L, i);
		}
		store.enforceLimits();
		assertThat(store.stats().bytes()).isLessThanOrEqualTo(64_000);
		assertThat(store.stats().samplesDroppedForBudget()).isPositive();
		SeriesData data = store.select(List.of(LabelMatcher.equal("__name__", "m"))).get(0);
		assertThat(data.values()[data.to() - 1]).isEqualTo(3999);
	}

	@Test
	void concurrentAppendsAndQueriesLoseNothing() throws Exception {
		MetricStore store = store(1L << 30);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<?>> futures = new ArrayList<>();
		for (int w = 0; w < 4; w++) {
			int writer = w;
			futures.add(pool.submit(() -> {
				for (int i = 0; i < 5000; i++) {
					store.append(
							Labels.of("__name__", "c", "w", Integer.toString(writer), "s", Integer.toString(i % 10)), i,
							i);
					if (i % 500 == 0) {
						store.select(List.of(LabelMatcher.equal("__name__", "c")));
					}
				}
			}));
		}
		for (Future<?> f : futures) {
			f.get(30, TimeUnit.SECONDS);
		}
		pool.shutdown();
		long samples = store.select(List.of(LabelMatcher.equal("__name__", "c")))
			.stream()
			.mapToLong(SeriesData::size)
			.sum();
		assertThat(samples).isEqualTo(20_000);
		assertThat(store.stats().series()).isEqualTo(40);
	}

	private static List<String> names(MetricStore store, LabelMatcher... matchers) {
		return store.select(List.of(matchers)).stream().map((d) -> d.labels().toString()).toList();
	}

}
