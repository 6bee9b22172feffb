package dev.watchkeeper.alerting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class AlertIntakeIntegrationTests extends IntegrationTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	JsonMapper json;

	private String responder;

	private String run;

	@BeforeEach
	void setUp() {
		responder = fixtures.token(Role.RESPONDER);
		run = "run-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private JsonNode alertsOfThisRun(String state) throws Exception {
		return json
			.readTree(send("GET", "/api/v1/alerts?label=run=" + run + "&state=" + state, responder, null).body());
	}

	@Test
	void prometheusStylePostsThroughTheAlertmanagerApiAreStoredWithAlertmanagersFingerprint() throws Exception {
		var response = send("POST", "/alertmanager/api/v2/alerts", responder,
				"""
						[{"labels":{"alertname":"HighErrorRate","service":"checkout","severity":"critical","run":"%s"},
						  "annotations":{"summary":"5xx above 5%%","runbook_url":"https://runbooks.example.com/high-error-rate"},
						  "startsAt":"%s","endsAt":"%s","generatorURL":"http://127.0.0.1:9090/graph"}]"""
					.formatted(run, Instant.now().minusSeconds(60), Instant.now().plusSeconds(240)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).isEmpty();

		JsonNode firing = alertsOfThisRun("firing");
		assertThat(firing.size()).isEqualTo(1);
		assertThat(firing.get(0).get("severity").asString()).isEqualTo("critical");
		assertThat(firing.get(0).get("fingerprint").asString()).isEqualTo(Fingerprint.of(java.util.Map.of("alertname",
				"HighErrorRate", "service", "checkout", "severity", "critical", "run", run)));
	}

	@Test
	void oneInvalidAlertRefusesTheWholeBatchWith400NamingIt() throws Exception {
		var response = send("POST", "/alertmanager/api/v2/alerts", responder, """
				[{"labels":{"alertname":"Good","run":"%s"}},{"labels":{"run":"%s","bad-label":"x"}}]""".formatted(run,
				run));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("alerts[1].labels.alertname").contains("alerts[1].labels.bad-label");
		assertThat(alertsOfThisRun("all").size()).as("nothing stored").isZero();
		assertThat(send("POST", "/alertmanager/api/v2/alerts", responder, "[{\"labels\":").statusCode()).isEqualTo(400);
	}

	@Test
	void theWebhookReceiverFiresAndResolves() throws Exception {
		String payload = """
				{"version":"4","status":"%s","receiver":"watchkeeper","groupKey":"{}","truncatedAlerts":0,"extra":"ignored",
				 "alerts":[{"status":"%s","labels":{"alertname":"DatabaseUnavailable","service":"ledger","severity":"warning","run":"%s"},
				   "annotations":{"summary":"db down"},"startsAt":"%s","endsAt":"%s","fingerprint":"ignored"}]}""";
		Instant start = Instant.now().minusSeconds(30);
		var fired = send("POST", "/api/v1/integrations/alertmanager", responder,
				payload.formatted("firing", "firing", run, start, "0001-01-01T00:00:00Z"));
		assertThat(fired.statusCode()).as(fired.body()).isEqualTo(200);
		assertThat(json.readTree(fired.body()).get("fired").asInt()).isEqualTo(1);
		JsonNode firing = alertsOfThisRun("firing");
		assertThat(firing.get(0).get("severity").asString()).as("warning is the handbook's medium").isEqualTo("medium");

		var resolved = send("POST", "/api/v1/integrations/alertmanager", responder,
				payload.formatted("resolved", "resolved", run, start, Instant.now().minusSeconds(1)));
		assertThat(json.readTree(resolved.body()).get("resolved").asInt()).isEqualTo(1);
		assertThat(alertsOfThisRun("firing").size()).isZero();
		assertThat(alertsOfThisRun("resolved").size()).isEqualTo(1);
	}

	@Test
	void aRepeatedPostRefreshesTheSameAlertAndAnAlertWithoutEndResolvesAfterTheTimeout() throws Exception {
		String body = """
				[{"labels":{"alertname":"DiskFull","run":"%s"},"annotations":{"summary":"disk %s"}}]""";
		var first = json.readTree(send("POST", "/api/v1/alerts", responder, body.formatted(run, "90%")).body());
		var second = json.readTree(send("POST", "/api/v1/alerts", responder, body.formatted(run, "95%")).body());
		assertThat(first.get("fired").asInt()).isEqualTo(1);
		assertThat(second.get("fired").asInt()).as("already firing").isZero();
		assertThat(second.get("fingerprints").get(0).asString()).isEqualTo(first.get("fingerprints").get(0).asString());
		JsonNode alert = alertsOfThisRun("firing").get(0);
		assertThat(alert.get("annotations").get("summary").asString()).isEqualTo("disk 95%");
		Duration untilEnd = Duration.between(Instant.now(), Instant.parse(alert.get("endsAt").asString()));
		assertThat(untilEnd).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));

		// a refresh repeating the annotations keeps them; one changing them back is
		// stored
		send("POST", "/api/v1/alerts", responder, body.formatted(run, "95%"));
		assertThat(alertsOfThisRun("firing").get(0).get("annotations").get("summary").asString()).isEqualTo("disk 95%");
		send("POST", "/api/v1/alerts", responder, body.formatted(run, "90%"));
		assertThat(alertsOfThisRun("firing").get(0).get("annotations").get("summary").asString()).isEqualTo("disk 90%");
	}

	@Test
	void aResolvedAlertPostedAgainContinuesItsOccurrenceOnlyIfItStartedBeforeTheEnd() throws Exception {
		String body = """
				[{"labels":{"alertname":"QueueBacklog","run":"%s"},"startsAt":"%s","endsAt":"%s"}]""";
		Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		Instant firstStart = now.minusSeconds(600);
		Instant firstEnd = now.minusSeconds(300);
		var fired = json
			.readTree(send("POST", "/api/v1/alerts", responder, body.formatted(run, firstStart, now.plusSeconds(300)))
				.body());
		assertThat(fired.get("fired").asInt()).isEqualTo(1);
		var resolved = json
			.readTree(send("POST", "/api/v1/alerts", responder, body.formatted(run, firstStart, firstEnd)).body());
		assertThat(resolved.get("resolved").asInt()).isEqualTo(1);
		JsonNode first = alertsOfThisRun("resolved").get(0);

		// starting before the stored end: the same occurrence fires again, from its
		// first start
		var again = json.readTree(send("POST", "/api/v1/alerts", responder,
				body.formatted(run, now.minusSeconds(400), now.plusSeconds(300)))
			.body());
		assertThat(again.get("fired").asInt()).isEqualTo(1);
		JsonNode continued = alertsOfThisRun("firing").get(0);
		assertThat(Instant.parse(continued.get("startsAt").asString())).isEqualTo(firstStart);
		assertThat(continued.get("receivedAt").asString()).isEqualTo(first.get("receivedAt").asString());

		// resolved again, then starting after that end: a new occurrence
		send("POST", "/api/v1/alerts", responder, body.formatted(run, firstStart, firstEnd));
		Instant laterStart = now.minusSeconds(60);
		var newOccurrence = json
			.readTree(send("POST", "/api/v1/alerts", responder, body.formatted(run, laterStart, now.plusSeconds(300)))
				.body());
		assertThat(newOccurrence.get("fired").asInt()).isEqualTo(1);
		JsonNode renewed = alertsOfThisRun("firing").get(0);
		assertThat(Instant.parse(renewed.get("startsAt").asString())).isEqualTo(laterStart);
		assertThat(Instant.parse(renewed.get("receivedAt").asString()))
			.isAfter(Instant.parse(first.get("receivedAt").asString()));

		// a refresh while firing fires nothing and keeps the earlier start
		var refresh = json.readTree(send("POST", "/api/v1/alerts", responder,
				body.formatted(run, now.minusSeconds(30), now.plusSeconds(300)))
			.body());
		assertThat(refresh.get("fired").asInt()).isZero();
		assertThat(Instant.parse(alertsOfThisRun("firing").get(0).get("startsAt").asString())).isEqualTo(laterStart);
	}

	@Test
	void postingNeedsAResponderAndReadingAViewer() throws Exception {
		String body = "[{\"labels\":{\"alertname\":\"A\",\"run\":\"" + run + "\"}}]";
		assertThat(send("POST", "/alertmanager/api/v2/alerts", null, body).statusCode()).isEqualTo(401);
		assertThat(send("POST", "/api/v1/alerts", fixtures.token(Role.VIEWER), body).statusCode()).isEqualTo(403);
		assertThat(send("GET", "/api/v1/alerts", fixtures.token(Role.VIEWER), null).statusCode()).isEqualTo(200);
		assertThat(alertsOfThisRun("all").size()).isZero();
	}

	@Test
	void badBodiesAreProblemsThatSayWhatIsWrongAndStoreNothing() throws Exception {
		var malformed = send("POST", "/api/v1/alerts", responder,
				"[{\"labels\":{\"alertname\":\"A\",\"run\":\"" + run + "\"},\"startsAt\":\"soon\"}]");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(malformed.body());
		assertThat(problem.get("type").asString()).isEqualTo("urn:watchkeeper:problem:malformed-body");
		assertThat(problem.get("detail").asString()).contains("startsAt is not an RFC 3339 time");
		assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/alerts");

		var invalid = send("POST", "/api/v1/integrations/alertmanager", responder,
				"{\"version\":\"4\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"run\":\"" + run + "\"}}]}");
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(invalid.body()).contains("alerts[0].labels.alertname");

		var notJson = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/alerts"))
			.header("Authorization", "Bearer " + responder)
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("alertname=A"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(notJson.statusCode()).isEqualTo(415);
		assertThat(notJson.body()).contains("unsupported-media-type");
		assertThat(alertsOfThisRun("all").size()).as("nothing stored").isZero();
	}

	@Test
	void theIntakeEndpointsAreInTheApiDocument() throws Exception {
		JsonNode paths = json.readTree(send("GET", "/api/openapi.json", null, null).body()).get("paths");
		assertThat(paths.get("/alertmanager/api/v2/alerts").get("post").get("requestBody").toString())
			.contains("PostableAlert");
		assertThat(paths.get("/api/v1/integrations/alertmanager").get("post").get("responses").get("200").toString())
			.contains("Receipt");
		assertThat(paths.get("/api/v1/alerts").has("get")).as("the list stays documented").isTrue();
		assertThat(paths.get("/api/v1/alerts").get("post").get("summary").asString()).isEqualTo("Post alerts (native)");
	}

}
