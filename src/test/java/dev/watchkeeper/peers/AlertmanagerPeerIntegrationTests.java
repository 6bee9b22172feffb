package dev.watchkeeper.peers;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.WebhookPeer;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Alertmanager 0.25 forwards to Watchkeeper through {@code webhook_configs} with
 * an integration key, and Watchkeeper's own notification follows to a signed webhook. The
 * same Alertmanager receiver also posts to a local capture server, so the test can
 * compare what Alertmanager sent (its {@code fingerprint} fields) with what Watchkeeper
 * stored.
 */
class AlertmanagerPeerIntegrationTests extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	JsonMapper json;

	private HttpServer capture;

	/** Alertmanager's webhook alerts by their labels' alertname and instance. */
	private final Map<String, JsonNode> captured = new ConcurrentHashMap<>();

	@BeforeEach
	void startCaptureServer() throws Exception {
		capture = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		capture.createContext("/capture", exchange -> {
			JsonNode payload = json
				.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			for (JsonNode alert : payload.get("alerts")) {
				captured.put(alert.get("labels").get("instance").asString() + "/" + alert.get("status").asString(),
						alert);
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		capture.start();
	}

	@AfterEach
	void stopCaptureServer() {
		capture.stop(0);
	}

	@Test
	void alertsForwardedByAlertmanagerArriveWithItsFingerprintsAndResolve() throws Exception {
		String run = "run-" + UUID.randomUUID().toString().substring(0, 8);
		String viewer = fixtures.token(Role.VIEWER);
		String service = "payments-" + run;
		var created = send("POST", "/api/v1/services", fixtures.token(Role.MANAGER), """
				{"slug":"%s","name":"Payments %s","tier":1}""".formatted(service, run));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String key = fixtures.integrationKey(service, null);
		String secret = WebhookPeer.newSecret();
		try (var receiver = WebhookPeer.start()) {
			String manager = fixtures.token(Role.MANAGER);
			var channel = send("POST", "/api/v1/channels", manager, """
					{"name":"am-%s","kind":"webhook","url":"%s","signingSecret":"%s"}""".formatted(run, receiver.url(),
					secret));
			assertThat(channel.statusCode()).as(channel.body()).isEqualTo(201);
			var routing = send("PUT", "/api/v1/alerting/config", manager, WebhookPeer.routingFor(run, "am-" + run));
			assertThat(routing.statusCode()).as(routing.body()).isEqualTo(200);
			forwardAndCompare(run, viewer, service, key, secret, receiver);
		}
	}

	private void forwardAndCompare(String run, String viewer, String service, String key, String secret,
			WebhookPeer receiver) throws Exception {
		String configuration = """
				route:
				  receiver: watchkeeper
				  group_by: ['alertname']
				  group_wait: 0s
				  group_interval: 1s
				  repeat_interval: 1h
				receivers:
				  - name: watchkeeper
				    webhook_configs:
				      - url: http://127.0.0.1:%d/api/v1/integrations/alertmanager
				        send_resolved: true
				        http_config:
				          authorization:
				            credentials: %s
				      - url: http://127.0.0.1:%d/capture
				        send_resolved: true
				""".formatted(port, key, capture.getAddress().getPort());
		try (var alertmanager = PeerProcess.alertmanager(configuration)) {
			Instant now = Instant.now();
			String alerts = """
					[{"labels":{"alertname":"PeerTestDatabaseDown","run":"%1$s","instance":"db-1","service":"ledger","severity":"critical"},
					  "annotations":{"runbook_url":"https://runbooks.example.com/database-down"},"startsAt":"%2$s"},
					 {"labels":{"alertname":"PeerTestDatabaseDown","run":"%1$s","instance":"db-2","service":"ledger","severity":"critical"},
					  "annotations":{"runbook_url":"https://runbooks.example.com/database-down"},"startsAt":"%2$s"},
					 {"labels":{"alertname":"PeerTestDatabaseDown","run":"%1$s","instance":"db-3","severity":"warning"},
					  "startsAt":"%2$s"}]"""
				.formatted(run, now.minusSeconds(30));
			var posted = http.send(HttpRequest.newBuilder(alertmanager.url("/api/v2/alerts"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(alerts))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

			JsonNode firing = Eventually.get("three alerts forwarded by Alertmanager to be firing in Watchkeeper", WAIT,
					alertmanager, () -> alerts(run, "firing", viewer, 3));
			Map<String, JsonNode> byInstance = byInstance(firing);
			JsonNode sentDb1 = Eventually.get("Alertmanager's webhook to reach the capture server", WAIT, alertmanager,
					() -> captured.get("db-1/firing"));
			assertThat(byInstance.get("db-1").get("fingerprint").asString()).as("Alertmanager's own fingerprint")
				.isEqualTo(sentDb1.get("fingerprint").asString());
			assertThat(byInstance.get("db-2").get("fingerprint").asString()).isEqualTo(
					Eventually.get("db-2 at the capture server", WAIT, alertmanager, () -> captured.get("db-2/firing"))
						.get("fingerprint")
						.asString());
			assertThat(byInstance.get("db-1").get("labels").get("service").asString()).as("kept as sent")
				.isEqualTo("ledger");
			assertThat(byInstance.get("db-3").get("labels").get("service").asString())
				.as("added by the service's integration key")
				.isEqualTo(service);
			assertThat(byInstance.get("db-1").get("annotations").get("runbook_url").asString())
				.isEqualTo("https://runbooks.example.com/database-down");
			assertThat(byInstance.get("db-1").get("source").asString()).isEqualTo("alertmanager-webhook");

			var notice = receiver.await("from Watchkeeper about the forwarded alerts", WAIT,
					body -> body.contains(run) && body.contains("\"status\":\"firing\""));
			assertThat(WebhookPeer.signedWith(secret, notice)).as("signature of " + notice).isTrue();
			assertThat(notice.body()).contains("PeerTestDatabaseDown").contains("db-1");

			// db-1 ends now: Alertmanager sends it as resolved
			var resolve = http.send(HttpRequest.newBuilder(alertmanager.url("/api/v2/alerts"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"""
								[{"labels":{"alertname":"PeerTestDatabaseDown","run":"%s","instance":"db-1","service":"ledger","severity":"critical"},
								  "startsAt":"%s","endsAt":"%s"}]"""
							.formatted(run, now.minusSeconds(30), Instant.now())))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(resolve.statusCode()).as(resolve.body()).isEqualTo(200);
			JsonNode resolved = Eventually.get("db-1 to be resolved in Watchkeeper", WAIT, alertmanager,
					() -> alerts(run, "resolved", viewer, 1));
			assertThat(resolved.get(0).get("fingerprint").asString())
				.isEqualTo(byInstance.get("db-1").get("fingerprint").asString());
			assertThat(alerts(run, "firing", viewer, 2)).as("the other two still fire").isNotNull();
		}
	}

	private static Map<String, JsonNode> byInstance(JsonNode alerts) {
		Map<String, JsonNode> result = new HashMap<>();
		alerts.forEach(alert -> result.put(alert.get("labels").get("instance").asString(), alert));
		return new TreeMap<>(result);
	}

	/** The alerts of this run in this state once there are exactly {@code count}. */
	private JsonNode alerts(String run, String state, String token, int count) throws Exception {
		var response = send("GET", "/api/v1/alerts?label=run=" + run + "&state=" + state, token, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode alerts = json.readTree(response.body());
		return alerts.size() == count ? alerts : null;
	}

}
