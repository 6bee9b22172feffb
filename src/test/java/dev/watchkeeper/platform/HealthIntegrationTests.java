package dev.watchkeeper.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.watchkeeper.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class HealthIntegrationTests extends IntegrationTest {

	@Autowired
	JsonMapper json;

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void healthAnswersWithTheHandbookDocumentWhenTheDatabaseIsUp() throws Exception {
		var response = get("/health");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("status").asString()).isEqualTo("healthy");
		assertThat(body.get("version").asString()).isNotBlank();
		assertThat(body.get("timestamp").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
		assertThat(body.get("checks").get("database").asString()).isEqualTo("healthy");
	}

	@Test
	void livenessAndReadinessAnswerWithoutAuthentication() throws Exception {
		assertThat(get("/health/live").statusCode()).isEqualTo(200);
		var ready = get("/health/ready");
		assertThat(ready.statusCode()).isEqualTo(200);
		assertThat(ready.body()).contains("\"database\":\"healthy\"");
	}

	@Test
	void echoesTheCallersRequestIdAndGeneratesOneOtherwise() throws Exception {
		assertThat(get("/health", "X-Request-ID", "abc-123").headers().firstValue("X-Request-ID")).hasValue("abc-123");
		assertThat(get("/health").headers().firstValue("X-Request-ID").orElseThrow()).matches("[0-9a-f-]{36}");
	}

	@Test
	void metricsExposeRequestCountsLatencyHistogramJvmAndPool() throws Exception {
		get("/health");
		var metrics = get("/metrics");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
		assertThat(metrics.body()).contains("http_requests_total{")
			.contains("http_request_duration_seconds_bucket{")
			.contains("route=\"/health\"")
			.contains("jvm_memory_used_bytes")
			.contains("hikaricp_connections_active");
	}

	@Test
	void unknownApiPathsAnswerWithProblemJson() throws Exception {
		var response = get("/api/v1/nothing-here", "Authorization", "Bearer wk_not-a-token");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

}
