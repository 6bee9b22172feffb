package dev.watchkeeper.monitoring.metrics.remote;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import dev.watchkeeper.monitoring.metrics.MetricsIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RemoteWriteIntegrationTests extends MetricsIntegrationTest {

	private HttpResponse<String> post(String credential, String contentType, byte[] body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/prometheus/api/v1/write"))
			.header("Content-Encoding", "snappy")
			.header("Content-Type", contentType)
			.header("X-Prometheus-Remote-Write-Version", "0.1.0")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (credential != null) {
			request.header("Authorization", "Bearer " + credential);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aRemoteWriteRequestIsStoredAndQueryable() throws Exception {
		long now = clock.millis();
		byte[] body = RemoteWriteEncoder.snappy(RemoteWriteEncoder.request(List.of(
				new RemoteWriteEncoder.Series(
						List.of("__name__", "rw_temperature_celsius", "job", "rw-test", "room", "a"),
						new long[] { now - 15_000, now }, new double[] { 20.5, 21.25 }),
				new RemoteWriteEncoder.Series(
						List.of("__name__", "rw_temperature_celsius", "job", "rw-test", "room", "b"),
						new long[] { now }, new double[] { 19 }))));

		assertThat(post(null, "application/x-protobuf", body).statusCode()).isEqualTo(401);
		assertThat(post(viewer, "application/x-protobuf", body).statusCode()).isEqualTo(403);
		var stored = post(fixtures.integrationKey(), "application/x-protobuf", body);
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(204);

		var result = instant("rw_temperature_celsius{job=\"rw-test\"}");
		assertThat(result).hasSize(2);
		assertThat(instant("rw_temperature_celsius{room=\"a\"}").get(0).get("value").get(1).asString())
			.isEqualTo("21.25");

		var corrupt = post(responder, "application/x-protobuf", new byte[] { 5, 0x09, 1 });
		assertThat(corrupt.statusCode()).isEqualTo(400);
		assertThat(corrupt.body()).contains("snappy");
		var v2 = post(responder, "application/x-protobuf;proto=io.prometheus.write.v2.Request", body);
		assertThat(v2.statusCode()).isEqualTo(415);
	}

}
