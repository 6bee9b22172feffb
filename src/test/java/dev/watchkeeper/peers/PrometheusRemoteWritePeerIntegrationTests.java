package dev.watchkeeper.peers;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the real Prometheus 2.42 on loopback: it scrapes a target and pushes the
 * samples to Watchkeeper by remote write (protobuf + snappy, as Prometheus encodes it),
 * and a Watchkeeper rule group evaluates against Prometheus's query API as its external
 * source.
 */
class PrometheusRemoteWritePeerIntegrationTests extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(45);

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	JsonMapper json;

	private JsonNode query(String viewer, String promql) throws Exception {
		long now = System.currentTimeMillis() / 1000;
		var response = send("GET",
				"/prometheus/api/v1/query?time=" + now + "&query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8),
				viewer, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).get("data").get("result");
	}

	@Test
	void prometheusPushesByRemoteWriteAndARuleGroupEvaluatesAgainstItsQueryApi() throws Exception {
		String run = "rw" + UUID.randomUUID().toString().substring(0, 8);
		String key = fixtures.integrationKey();
		String viewer = fixtures.token(Role.VIEWER);
		String manager = fixtures.token(Role.MANAGER);
		HttpServer target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		target.createContext("/metrics", (exchange) -> {
			byte[] body = """
					# HELP peer_queue_depth Jobs waiting.
					# TYPE peer_queue_depth gauge
					peer_queue_depth{queue="a\\"b"} 42
					# TYPE peer_jobs_total counter
					peer_jobs_total 1234
					""".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		target.start();
		String configuration = """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				scrape_configs:
				  - job_name: %s
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				remote_write:
				  - url: http://127.0.0.1:%d/prometheus/api/v1/write
				    authorization:
				      credentials: %s
				    queue_config:
				      batch_send_deadline: 1s
				      min_backoff: 100ms
				""".formatted(run, target.getAddress().getPort(), port, key);
		try (var prometheus = PeerProcess.prometheus(configuration, List.of())) {
			JsonNode pushed = Eventually.get("the scraped samples to arrive by remote write", WAIT, prometheus, () -> {
				JsonNode r = query(viewer, "peer_queue_depth{job=\"" + run + "\"}");
				return r.isEmpty() ? null : r;
			});
			assertThat(pushed.get(0).get("metric").get("queue").asString()).isEqualTo("a\"b");
			assertThat(pushed.get(0).get("value").get(1).asString()).isEqualTo("42");
			Eventually.get("up from Prometheus", WAIT, prometheus,
					() -> query(viewer, "up{job=\"" + run + "\"} == 1").isEmpty() ? null : true);

			var rules = send("PUT", "/api/v1/monitoring/rules/file", manager, """
					groups:
					  - name: external-%s
					    interval: 1s
					    source: {type: prometheus, url: "http://127.0.0.1:%d"}
					    rules:
					      - record: peer:queue_depth:max
					        expr: max by (job) (peer_queue_depth{job="%s"})
					      - alert: PeerBacklog
					        expr: peer_queue_depth{job="%s"} > 5
					        labels: {severity: medium, run: %s}
					        annotations:
					          summary: "{{ $value }} jobs waiting in {{ $labels.queue }}"
					          runbook_url: https://runbooks.example.com/backlog
					""".formatted(run, prometheus.url("").getPort(), run, run, run));
			assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
			try {
				JsonNode alert = Eventually.get("the rule on the external source to fire", WAIT, prometheus, () -> {
					var response = send("GET", "/api/v1/alerts?state=firing&label="
							+ URLEncoder.encode("run=" + run, StandardCharsets.UTF_8), viewer, null);
					JsonNode list = json.readTree(response.body());
					return list.isEmpty() ? null : list.get(0);
				});
				assertThat(alert.get("labels").get("alertname").asString()).isEqualTo("PeerBacklog");
				assertThat(alert.get("annotations").get("summary").asString()).isEqualTo("42 jobs waiting in a\"b");
				Eventually.get("the recording rule written into the embedded store", WAIT, prometheus,
						() -> query(viewer, "peer:queue_depth:max{job=\"" + run + "\"}").isEmpty() ? null : true);
			}
			finally {
				send("DELETE", "/api/v1/monitoring/rules/file", manager, null);
			}
		}
		finally {
			target.stop(0);
		}
	}

}
