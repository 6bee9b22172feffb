package dev.watchkeeper.monitoring;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import dev.watchkeeper.alerting.Alert;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Heartbeat checks through the Healthchecks.io ping API. */
class HeartbeatIntegrationTests extends MonitoringIntegrationTest {

	private HttpResponse<String> ping(String method, String path, String body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode heartbeat(String service, String name, String settings) throws Exception {
		return create("""
				{"name":"%s","kind":"heartbeat","service":"%s","environment":"production","severity":"high",
				 "runbookUrl":"https://runbooks.example.com/backups","heartbeat":%s}""".formatted(name, service,
				settings));
	}

	@Test
	void startAndSuccessPairedByRidReportTheDurationAndALateNextPingAlerts() throws Exception {
		String service = service();
		JsonNode check = heartbeat(service, "nightly-backup", """
				{"periodSeconds":86400,"graceSeconds":3600}""");
		String id = check.get("id").asString();
		String pingUrl = check.get("pingUrl").asString();
		String rid = UUID.randomUUID().toString();

		var start = ping("GET", pingUrl + "/start?rid=" + rid, null);
		assertThat(start.statusCode()).isEqualTo(200);
		assertThat(start.body()).isEqualTo("OK");
		// another run without the rid must not be paired with it
		assertThat(ping("GET", pingUrl + "/start?rid=" + UUID.randomUUID(), null).statusCode()).isEqualTo(200);
		clock.advance(Duration.ofSeconds(95));
		var done = ping("POST", pingUrl + "?rid=" + rid, "backup of 12 GB written");
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).isEqualTo("OK");

		JsonNode up = get("/api/v1/checks/" + id);
		assertThat(up.get("state").get("status").asString()).isEqualTo("up");
		assertThat(up.get("state").get("lastDurationMs").asLong()).isBetween(95_000L, 100_000L);
		JsonNode latest = get("/api/v1/checks/" + id + "/pings?limit=1").get(0);
		assertThat(latest.get("kind").asString()).isEqualTo("success");
		assertThat(latest.get("rid").asString()).isEqualTo(rid);
		assertThat(latest.get("durationMs").asLong()).isBetween(95_000L, 100_000L);
		assertThat(latest.get("body").asString()).isEqualTo("backup of 12 GB written");
		assertThat(alertsOf(service, "nightly-backup")).isEmpty();

		// the next ping is due a day later, with an hour's grace: step past it
		clock.advance(Duration.ofHours(25).plusMinutes(1));
		JsonNode late = awaitCheck(id, c -> status(c, "down"), "the late deadline to fire");
		assertThat(late.get("state").get("lastMessage").asString()).startsWith("late: expected a ping by");
		Alert alert = alertsOf(service, "nightly-backup").get(0);
		assertThat(alert.labels()).containsEntry("alertname", "CheckDown")
			.containsEntry("service", service)
			.containsEntry("environment", "production")
			.containsEntry("check", "nightly-backup")
			.containsEntry("severity", "high");
		assertThat(alert.annotations()).containsEntry("runbook_url", "https://runbooks.example.com/backups");
		assertThat(alert.firingAt(clock.instant())).isTrue();

		assertThat(ping("HEAD", pingUrl, null).statusCode()).isEqualTo(200);
		assertThat(status(get("/api/v1/checks/" + id), "up")).isTrue();
		assertThat(alertsOf(service, "nightly-backup").get(0).firingAt(clock.instant())).as("resolved").isFalse();
	}

	@Test
	void failuresNonZeroExitStatusesAndTooShortRunsTakeTheCheckDown() throws Exception {
		String service = service();
		JsonNode check = heartbeat(service, "etl", """
				{"cron":"0 2 * * *","timeZone":"Europe/Berlin","graceSeconds":600,"minDurationSeconds":60}""");
		String id = check.get("id").asString();
		String pingUrl = check.get("pingUrl").asString();

		assertThat(ping("POST", pingUrl + "/fail", "disk full").statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/checks/" + id).get("state").get("lastMessage").asString())
			.isEqualTo("the job reported failure");
		assertThat(status(get("/api/v1/checks/" + id), "down")).isTrue();

		assertThat(ping("GET", pingUrl + "/0", null).statusCode()).isEqualTo(200);
		assertThat(status(get("/api/v1/checks/" + id), "up")).isTrue();
		assertThat(ping("GET", pingUrl + "/3", null).statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/checks/" + id).get("state").get("lastMessage").asString())
			.isEqualTo("the job exited with status 3");

		ping("GET", pingUrl + "/start", null);
		clock.advance(Duration.ofSeconds(5));
		ping("GET", pingUrl, null);
		JsonNode tooShort = get("/api/v1/checks/" + id);
		assertThat(tooShort.get("state").get("status").asString()).isEqualTo("down");
		assertThat(tooShort.get("state").get("lastMessage").asString()).startsWith("the run took 5.")
			.endsWith("shorter than the minimum 1 min 0 s");
	}

	@Test
	void logPingsKeepATruncatedBodyAndUnknownKeysAndSignalsAre404() throws Exception {
		String service = service();
		JsonNode check = heartbeat(service, "reports", """
				{"periodSeconds":3600}""");
		String id = check.get("id").asString();
		String pingUrl = check.get("pingUrl").asString();
		var log = ping("POST", pingUrl + "/log", "z".repeat(5000));
		assertThat(log.statusCode()).isEqualTo(200);
		JsonNode kept = get("/api/v1/checks/" + id + "/pings").get(0);
		assertThat(kept.get("kind").asString()).isEqualTo("log");
		assertThat(kept.get("body").asString()).hasSize(1024);
		assertThat(kept.get("truncated").asBoolean()).isTrue();
		assertThat(status(get("/api/v1/checks/" + id), "pending")).as("a log line changes nothing").isTrue();

		var unknown = ping("GET", "/ping/" + UUID.randomUUID(), null);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).isEqualTo("not found");
		assertThat(ping("GET", pingUrl + "/reboot", null).statusCode()).isEqualTo(404);
		assertThat(ping("GET", pingUrl + "/256", null).statusCode()).isEqualTo(404);
		assertThat(ping("GET", pingUrl + "?rid=nope", null).statusCode()).isEqualTo(400);
	}

}
