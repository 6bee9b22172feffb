package dev.watchkeeper.monitoring.metrics.remote;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.watchkeeper.TestClock;
import dev.watchkeeper.monitoring.metrics.MetricStore;
import dev.watchkeeper.monitoring.metrics.Metrics;
import dev.watchkeeper.monitoring.metrics.promql.Engine;
import dev.watchkeeper.monitoring.metrics.promql.Value;
import dev.watchkeeper.platform.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoteWriteTests {

	private final TestClock clock = new TestClock();

	private final MetricStore store = new MetricStore(clock, Duration.ofHours(24), 1L << 30);

	private final Metrics metrics = new Metrics(store, new Engine(store, 300_000), clock);

	private final RemoteWrite remoteWrite = new RemoteWrite(metrics, new RemoteWriteSettings(DataSize.ofMegabytes(1)));

	@Test
	void snappyRoundTripsLiteralsAndOverlappingCopies() {
		byte[] text = ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa http_requests_total{job=\"api\"} "
				+ "http_requests_total{job=\"api\"} " + "x".repeat(300))
			.getBytes(StandardCharsets.UTF_8);
		byte[] compressed = RemoteWriteEncoder.snappy(text);
		assertThat(compressed.length).isLessThan(text.length);
		assertThat(Snappy.decompress(compressed, 1 << 20)).isEqualTo(text);
		// the example of the format's description: a literal then a copy of offset 1
		byte[] spec = { 10, 0, 'a', 0x15, 1 };
		assertThat(new String(Snappy.decompress(spec, 100), StandardCharsets.US_ASCII)).isEqualTo("aaaaaaaaaa");
	}

	@Test
	void storesEverySampleOfAWriteRequest() {
		long now = clock.millis();
		List<RemoteWriteEncoder.Series> series = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			series.add(new RemoteWriteEncoder.Series(
					List.of("__name__", "http_requests_total", "instance", "10.0.0." + i + ":9100", "job", "node"),
					new long[] { now - 30_000, now - 15_000, now }, new double[] { i, i + 1, i + 2 }));
		}
		RemoteWrite.Result result = remoteWrite.write(RemoteWriteEncoder.snappy(RemoteWriteEncoder.request(series)));
		assertThat(result.series()).isEqualTo(50);
		assertThat(result.stored()).isEqualTo(150);
		Value v = metrics.query("sum(http_requests_total{job=\"node\"})", Instant.ofEpochMilli(now));
		assertThat(((Value.Vector) v).samples().get(0).value()).isEqualTo(50 * 49 / 2.0 + 100);

		// the same request again: every sample is a duplicate, nothing breaks
		RemoteWrite.Result again = remoteWrite.write(RemoteWriteEncoder.snappy(RemoteWriteEncoder.request(series)));
		assertThat(again.stored()).isZero();
		assertThat(again.duplicates() + again.outOfOrder()).isEqualTo(150);
	}

	@Test
	void corruptOrOversizedBodiesAreRefusedBeforeAnythingIsStored() {
		byte[] good = RemoteWriteEncoder
			.request(List.of(new RemoteWriteEncoder.Series(List.of("__name__", "refused_series"),
					new long[] { clock.millis() }, new double[] { 1 })));
		// the valid series first, then a series with a bad label name
		byte[] bad = RemoteWriteEncoder
			.request(List.of(new RemoteWriteEncoder.Series(List.of("__name__", "x", "0bad", "v"),
					new long[] { clock.millis() }, new double[] { 1 })));
		byte[] both = new byte[good.length + bad.length];
		System.arraycopy(good, 0, both, 0, good.length);
		System.arraycopy(bad, 0, both, good.length, bad.length);
		assertThatThrownBy(() -> remoteWrite.write(RemoteWriteEncoder.snappy(both))).isInstanceOf(DomainException.class)
			.hasMessageContaining("series 1: invalid label name \"0bad\"");
		assertThat(metrics.query("refused_series", clock.instant())).isEqualTo(new Value.Vector(List.of()));

		assertThatThrownBy(() -> remoteWrite.write(new byte[] { 5, 0x09, 1 }))
			.hasMessageContaining("snappy: invalid copy offset");
		byte[] huge = { (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f };
		assertThatThrownBy(() -> remoteWrite.write(huge)).hasMessageContaining("exceeds the limit");
		byte[] truncated = RemoteWriteEncoder.snappy(new byte[] { 0x0a, 0x05, 0x0a });
		assertThatThrownBy(() -> remoteWrite.write(truncated)).hasMessageContaining("runs past");
	}

}
