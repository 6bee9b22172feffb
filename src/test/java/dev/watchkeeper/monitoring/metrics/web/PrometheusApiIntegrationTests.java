package dev.watchkeeper.monitoring.metrics.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusApiIntegrationTests extends IntegrationTest {

	/**
	 * Seconds since the epoch of the first imported sample; one sample every 15 s for 10
	 * minutes.
	 */
	private static final long T0 = 1_700_000_000;

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	JsonMapper json;

	private String viewer;

	@BeforeEach
	void importSamples() throws Exception {
		viewer = fixtures.token(Role.VIEWER);
		StringBuilder body = new StringBuilder("# TYPE api_test_requests_total counter\n");
		for (int i = 0; i <= 40; i++) {
			long ms = (T0 + i * 15L) * 1000;
			body.append("api_test_requests_total{job=\"backend\",status=\"200\"} ")
				.append(i * 30)
				.append(' ')
				.append(ms)
				.append('\n');
			body.append("api_test_requests_total{job=\"backend\",status=\"500\"} ")
				.append(i * 3)
				.append(' ')
				.append(ms)
				.append('\n');
		}
		var response = post("/prometheus/api/v1/import/prometheus", fixtures.integrationKey(), "text/plain",
				body.toString());
		assertThat(response.statusCode()).isEqualTo(204);
	}

	@Test
	void grafanaStyleRangeQueriesGetPrometheusJson() throws Exception {
		String form = "query=" + enc("sum by (status) (rate(api_test_requests_total[1m]))") + "&start=" + (T0 + 120)
				+ "&end=" + (T0 + 240) + "&step=60";
		var response = post("/prometheus/api/v1/query_range", viewer, "application/x-www-form-urlencoded", form);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((t) -> assertThat(t).startsWith("application/json"));
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("status").asString()).isEqualTo("success");
		assertThat(body.path("data").path("resultType").asString()).isEqualTo("matrix");
		JsonNode series = body.path("data").path("result");
		assertThat(series).hasSize(2);
		assertThat(series.get(0).path("metric").path("status").asString()).isEqualTo("200");
		JsonNode first = series.get(0).path("values").get(0);
		assertThat(first.get(0).isNumber()).isTrue();
		assertThat(first.get(0).asLong()).isEqualTo(T0 + 120);
		assertThat(first.get(1).asString()).isEqualTo("2");
		assertThat(series.get(1).path("values")).hasSize(3);
		assertThat(series.get(1).path("values").get(2).get(1).asString()).isEqualTo("0.2");
	}

	@Test
	void instantQueriesAnswerVectorsAndScalarsOverGet() throws Exception {
		JsonNode vector = get("/prometheus/api/v1/query?query=" + enc("api_test_requests_total{status=\"500\"}")
				+ "&time=" + (T0 + 150.5));
		assertThat(vector.path("data").path("resultType").asString()).isEqualTo("vector");
		JsonNode sample = vector.path("data").path("result").get(0);
		assertThat(sample.path("metric").path("__name__").asString()).isEqualTo("api_test_requests_total");
		assertThat(sample.path("value").get(0).asDouble()).isEqualTo(T0 + 150.5);
		assertThat(sample.path("value").get(1).asString()).isEqualTo("30");
		JsonNode scalar = get("/prometheus/api/v1/query?query=" + enc("1 / 0") + "&time=" + T0);
		assertThat(scalar.path("data").path("resultType").asString()).isEqualTo("scalar");
		assertThat(scalar.path("data").path("result").get(1).asString()).isEqualTo("+Inf");
	}

	@Test
	void aParseErrorIsBadDataNamingThePosition() throws Exception {
		var response = send("GET", "/prometheus/api/v1/query?query=" + enc("sum(rate(x[5m])))"), viewer, null);
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("status").asString()).isEqualTo("error");
		assertThat(body.path("errorType").asString()).isEqualTo("bad_data");
		assertThat(body.path("error").asString())
			.isEqualTo("invalid parameter \"query\": 1:17: parse error: unexpected \")\"");
		var badStep = send("GET", "/prometheus/api/v1/query_range?query=up&start=1&end=2&step=x", viewer, null);
		assertThat(badStep.statusCode()).isEqualTo(400);
		assertThat(badStep.body()).contains("invalid parameter \\\"step\\\"");
	}

	@Test
	void seriesLabelsAndLabelValuesListWhatWasImported() throws Exception {
		JsonNode series = get(
				"/prometheus/api/v1/series?match%5B%5D=" + enc("api_test_requests_total{status=\"500\"}"));
		assertThat(series.path("data")).hasSize(1);
		assertThat(series.path("data").get(0).path("job").asString()).isEqualTo("backend");
		assertThat(get("/prometheus/api/v1/labels?match%5B%5D=api_test_requests_total").path("data").toString())
			.isEqualTo("[\"__name__\",\"job\",\"status\"]");
		assertThat(get("/prometheus/api/v1/label/status/values?match%5B%5D=api_test_requests_total").path("data")
			.toString()).isEqualTo("[\"200\",\"500\"]");
		assertThat(get("/prometheus/api/v1/label/__name__/values").path("data").toString())
			.contains("\"api_test_requests_total\"");
	}

	@Test
	void aBadImportLineIsRefusedNamingTheLineAndNothingIsStored() throws Exception {
		var response = post("/prometheus/api/v1/import/prometheus", fixtures.integrationKey(), "text/plain",
				"fresh_metric 1\nfresh_metric{oops} 2\n");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((t) -> assertThat(t).contains("problem+json"));
		assertThat(response.body()).contains("line 2");
		assertThat(get("/prometheus/api/v1/series?match%5B%5D=fresh_metric").path("data")).isEmpty();
	}

	@Test
	void viewersMayQueryButNotImport() throws Exception {
		var response = post("/prometheus/api/v1/import/prometheus", viewer, "text/plain", "x 1\n");
		assertThat(response.statusCode()).isEqualTo(403);
		var anonymous = send("GET", "/prometheus/api/v1/query?query=up", null, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	private JsonNode get(String path) throws Exception {
		var response = send("GET", path, viewer, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> post(String path, String token, String contentType, String body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", contentType)
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
