package dev.watchkeeper.monitoring;

import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.watchkeeper.alerting.Alert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** HTTP checks against a real HTTP server on 127.0.0.1. */
class HttpCheckIntegrationTests extends MonitoringIntegrationTest {

	private static final WireMockServer TARGET = new WireMockServer(
			options().bindAddress("127.0.0.1").dynamicPort().containerThreads(60));

	@BeforeAll
	static void startTarget() {
		TARGET.start();
	}

	@AfterAll
	static void stopTarget() {
		TARGET.stop();
	}

	private String check(String service, String name, String path, int timeoutMs, String conditions) throws Exception {
		return create("""
				{"name":"%s","kind":"http","service":"%s","environment":"production","intervalSeconds":1,
				 "timeoutMs":%d,"failureThreshold":2,"successThreshold":1,"severity":"high",
				 "http":{"url":"http://127.0.0.1:%d%s","headers":{"Accept":"application/json"},"conditions":%s}}"""
			.formatted(name, service, timeoutMs, TARGET.port(), path, conditions)).get("id").asString();
	}

	@Test
	void aFailingDependencyTakesTheCheckDownWithAnAlertNamingItAndRecoveryResolvesIt() throws Exception {
		String service = service();
		TARGET.stubFor(WireMock.get(urlEqualTo("/" + service + "/health"))
			.willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json").withBody("""
					{"status":"unhealthy","version":"1.0.0","timestamp":"2026-01-15T10:30:00Z",
					 "checks":{"database":"unhealthy","redis":"healthy","external_api":"healthy"}}""")));
		String id = check(service, "health", "/" + service + "/health", 800,
				"[\"$.checks.* == \\\"healthy\\\"\", \"$.status == \\\"healthy\\\"\", \"status == 200\"]");

		JsonNode down = awaitCheck(id, c -> status(c, "down"), "the check to go down");
		assertThat(down.get("state").get("lastMessage").asString())
			.isEqualTo("$.checks.database is unhealthy, expected == \"healthy\"");
		assertThat(down.get("state").get("consecutiveFailures").asInt()).isGreaterThanOrEqualTo(2);
		Alert alert = alertsOf(service, "health").get(0);
		assertThat(alert.labels()).containsEntry("alertname", "CheckDown")
			.containsEntry("environment", "production")
			.containsEntry("severity", "high");
		assertThat(alert.annotations().get("summary")).contains("$.checks.database is unhealthy");
		assertThat(alert.annotations()).containsEntry("runbook_url", "https://runbooks.example.com/" + service);
		assertThat(alert.firingAt(clock.instant())).isTrue();
		TARGET.verify(getRequestedFor(urlEqualTo("/" + service + "/health")).withHeader("Accept",
				WireMock.equalTo("application/json")));

		TARGET.stubFor(WireMock.get(urlEqualTo("/" + service + "/health"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"status":"healthy","checks":{"database":"healthy","redis":"healthy"}}""")));
		awaitCheck(id, c -> status(c, "up"), "the check to come back up");
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (alertsOf(service, "health").get(0).firingAt(clock.instant()) && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(alertsOf(service, "health").get(0).firingAt(clock.instant())).as("resolved").isFalse();
		assertThat(get("/api/v1/checks/" + id + "/uptime").get("day").asDouble()).isBetween(0.01, 0.99);
	}

	@Test
	void aSlowAnswerFailsAtTheTimeoutAndADribbledBodyDoesNotHoldAWorker() throws Exception {
		String service = service();
		TARGET.stubFor(WireMock.get(urlEqualTo("/" + service + "/slow"))
			.willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
		TARGET.stubFor(WireMock.get(urlEqualTo("/" + service + "/dribble"))
			.willReturn(aResponse().withStatus(200).withBody("x".repeat(2000)).withChunkedDribbleDelay(50, 5000)));
		String slow = check(service, "slow", "/" + service + "/slow", 300, "[]");
		String dribble = check(service, "dribble", "/" + service + "/dribble", 400, "[]");

		JsonNode timedOut = awaitCheck(slow, c -> status(c, "down"), "the slow check to go down");
		assertThat(timedOut.get("state").get("lastMessage").asString()).isEqualTo("timed out after 300 ms");
		JsonNode dribbled = awaitCheck(dribble, c -> status(c, "down"), "the dribbling check to go down");
		assertThat(dribbled.get("state").get("lastMessage").asString()).isEqualTo("timed out after 400 ms");
		// runs keep coming once a second: nothing is stuck
		Instant first = Instant.parse(get("/api/v1/checks/" + slow).get("state").get("lastRunAt").asString());
		awaitCheck(slow, c -> Instant.parse(c.get("state").get("lastRunAt").asString()).isAfter(first.plusMillis(1500)),
				"two more runs");
	}

	@Test
	void aBodyOverTheCapFailsWithoutBeingReadWhole() throws Exception {
		String service = service();
		TARGET.stubFor(WireMock.get(urlEqualTo("/" + service + "/huge"))
			.willReturn(aResponse().withStatus(200).withBody("y".repeat(5 * 1024 * 1024))));
		String id = check(service, "huge", "/" + service + "/huge", 900, "[]");
		JsonNode down = awaitCheck(id, c -> status(c, "down"), "the huge check to go down");
		assertThat(down.get("state").get("lastMessage").asString())
			.isEqualTo("the response body is larger than 65536 bytes");
		assertThat(alertsOf(service, "huge").get(0).firingAt(clock.instant())).isTrue();

		assertThat(send("PUT", "/api/v1/checks/" + id, manager, """
				{"name":"huge","kind":"http","service":"%s","environment":"production","intervalSeconds":1,
				 "timeoutMs":900,"enabled":false,"http":{"url":"http://127.0.0.1:%d/%s/huge"}}""".formatted(service,
				TARGET.port(), service))
			.statusCode()).isEqualTo(200);
		assertThat(alertsOf(service, "huge").get(0).firingAt(clock.instant())).as("pausing resolves").isFalse();
		assertThat(get("/api/v1/checks/" + id).get("state").get("status").asString()).isEqualTo("pending");
	}

	@Test
	void runsFollowTheScheduleStartToStartWithoutDrift() throws Exception {
		String service = service();
		TARGET.stubFor(WireMock.get(urlEqualTo("/" + service + "/ok"))
			.willReturn(aResponse().withStatus(200).withFixedDelay(100)));
		String id = check(service, "steady", "/" + service + "/ok", 900, "[]");
		JsonNode up = awaitCheck(id, c -> status(c, "up"), "the check to come up");
		Instant nextRun = Instant.parse(up.get("state").get("nextRunAt").asString());
		Thread.sleep(4200);
		JsonNode results = get("/api/v1/checks/" + id + "/results?limit=20");
		assertThat(results.size()).isGreaterThanOrEqualTo(4);
		long slot = Math.floorMod(nextRun.toEpochMilli(), 1000);
		for (JsonNode result : results) {
			Instant at = Instant.parse(result.get("at").asString());
			long offset = Math.floorMod(at.toEpochMilli() - slot, 1000);
			assertThat(Math.min(offset, 1000 - offset)).as("run at %s is on its slot %s ms: %s", at, slot, results)
				.isLessThan(250);
		}
		assertThat(Duration
			.between(Instant.parse(results.get(results.size() - 1).get("at").asString()),
					Instant.parse(results.get(0).get("at").asString()))
			.toMillis()).as("start to start, not end to start: %s runs", results.size())
			.isBetween((results.size() - 1) * 1000L - 300, (results.size() - 1) * 1000L + 300);
	}

}
