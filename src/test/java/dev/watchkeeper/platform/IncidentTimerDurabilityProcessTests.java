package dev.watchkeeper.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incident's SLA timer survives {@code kill -9}: the process dies while the
 * acknowledgement target is still ahead, and the restarted process on the same database
 * records the breach once, at the target.
 */
class IncidentTimerDurabilityProcessTests {

	private static final String ADMIN_TOKEN = "wk_incident-process-test-token-0123456789ab";

	/**
	 * Long enough to declare and kill before it passes, short enough to keep the test
	 * quick.
	 */
	private static final Duration ACKNOWLEDGE_WITHIN = Duration.ofSeconds(8);

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anAcknowledgementTargetPassingWhileTheProcessIsDeadIsRecordedOnceAfterRestart() throws Exception {
		Path dataDir = IntegrationTest.newDataDirectory();
		Path policy = dataDir.resolve("severity-policy.yaml");
		Files.writeString(policy, """
				severities:
				  - name: SEV-1
				    aliases: [critical]
				    acknowledge_within: %ds
				    resolve_within: 1h
				    postmortem_required: true
				""".formatted(ACKNOWLEDGE_WITHIN.toSeconds()));
		Map<String, String> env = Map.of("WATCHKEEPER_ADMIN_EMAIL", "admin@example.com", "WATCHKEEPER_ADMIN_PASSWORD",
				"a long enough admin password", "WATCHKEEPER_ADMIN_TOKEN", ADMIN_TOKEN,
				"WATCHKEEPER_INCIDENT_SEVERITY_POLICY", policy.toString(), "WATCHKEEPER_TIMER_POLL_INTERVAL", "200ms");
		String id;
		Instant due;
		try (var first = WatchkeeperProcess.start(dataDir, env)) {
			first.awaitHealthy(Duration.ofSeconds(120));
			awaitAdminToken(first);
			var declared = send(first, "POST", "/api/v1/incidents", """
					{"title":"Checkout is down","severity":"critical"}""");
			assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
			JsonNode incident = json.readTree(declared.body());
			id = incident.get("id").asString();
			due = Instant.parse(incident.get("acknowledgeDueAt").asString());
			assertThat(breaches(first, id)).isEmpty();
			assertThat(Instant.now()).as("killed before the target passes").isBefore(due.minusSeconds(2));
			first.kill9();
		}
		try (var second = WatchkeeperProcess.start(dataDir, env)) {
			second.awaitHealthy(Duration.ofSeconds(120));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (breaches(second, id).isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(200);
			}
			List<JsonNode> breaches = breaches(second, id);
			assertThat(breaches).as(second.output()).hasSize(1);
			assertThat(Instant.parse(breaches.get(0).get("at").asString())).isEqualTo(due);
			// a few more polls: it does not fire again
			Thread.sleep(1500);
			assertThat(breaches(second, id)).hasSize(1);
			JsonNode incident = json.readTree(send(second, "GET", "/api/v1/incidents/" + id, null).body());
			assertThat(incident.get("acknowledgeBreachedAt").asString()).isEqualTo(due.toString());
		}
	}

	private List<JsonNode> breaches(WatchkeeperProcess app, String id) throws Exception {
		var response = send(app, "GET", "/api/v1/incidents/" + id + "/timeline", null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<JsonNode> breaches = new ArrayList<>();
		for (JsonNode entry : json.readTree(response.body())) {
			if ("sla_breached".equals(entry.get("kind").asString())) {
				breaches.add(entry);
			}
		}
		return breaches;
	}

	private void awaitAdminToken(WatchkeeperProcess app) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (send(app, "GET", "/api/v1/me", null).statusCode() != 200 && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
	}

	private HttpResponse<String> send(WatchkeeperProcess app, String method, String path, String body)
			throws Exception {
		var request = HttpRequest.newBuilder(URI.create(app.url(path)))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
