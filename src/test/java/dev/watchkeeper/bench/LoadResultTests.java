package dev.watchkeeper.bench;

import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoadResultTests {

	@Test
	void percentilesAreNearestRank() {
		long[] oneToHundred = LongStream.rangeClosed(1, 100).toArray();
		assertThat(LoadResult.percentile(oneToHundred, 50)).isEqualTo(50);
		assertThat(LoadResult.percentile(oneToHundred, 95)).isEqualTo(95);
		assertThat(LoadResult.percentile(oneToHundred, 99.9)).isEqualTo(100);
		assertThat(LoadResult.percentile(oneToHundred, 100)).isEqualTo(100);
		assertThat(LoadResult.percentile(new long[] { 7 }, 95)).isEqualTo(7);
		assertThat(LoadResult.percentile(new long[0], 95)).isZero();
	}

	@Test
	void unfinishedRequestsAreLeftOutOfLatenciesButCounted() {
		long[] latency = { 3_000_000, -1, 1_000_000, 2_000_000 };
		var result = LoadResult.of(4, latency, latency.clone(), Map.of(200, 2L, 503, 1L), Map.of(), 0, 1_000_000_000,
				0);
		assertThat(result.completed()).isEqualTo(3);
		assertThat(result.errors()).isEqualTo(1);
		assertThat(result.latencies()).containsExactly(1_000_000, 2_000_000, 3_000_000);
		assertThat(result.report(LoadSettings.parse("--url", "http://127.0.0.1:1/", "--duration", "1")))
			.contains("scheduled 4, completed 3, non-2xx 1, failed 0")
			.contains("unfinished 1")
			.contains("p95=3.00");
	}

}
