package dev.watchkeeper.monitoring.metrics.rules;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import dev.watchkeeper.WebhookPeer;
import dev.watchkeeper.alerting.Alerts;
import dev.watchkeeper.alerting.PostableAlert;
import dev.watchkeeper.monitoring.metrics.MetricsIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance test of issue 5: a rule with {@code for: 5m} over a real scrape goes
 * pending, fires, reaches a channel and resolves; time is stepped, not slept.
 */
class AlertRuleIntegrationTests extends MetricsIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	Alerts alerts;

	private final AtomicReference<String> exposition = new AtomicReference<>("");

	private HttpServer target;

	@BeforeEach
	void startTarget() throws IOException {
		target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		target.createContext("/metrics", (exchange) -> {
			byte[] body = exposition.get().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		target.start();
	}

	@AfterEach
	void stopTarget() throws Exception {
		target.stop(0);
		send("DELETE", "/api/v1/monitoring/rules/file", manager, null);
	}

	private JsonNode rule(String name) throws Exception {
		JsonNode status = json.readTree(send("GET", "/api/v1/monitoring/rules", viewer, null).body());
		for (JsonNode group : status.get("groups")) {
			for (JsonNode rule : group.get("rules")) {
				if (rule.get("name").asString().equals(name)) {
					return rule;
				}
			}
		}
		return null;
	}

	private JsonNode alertsOf(String run, boolean firing) throws Exception {
		var response = send("GET", "/api/v1/alerts?state=" + (firing ? "firing" : "resolved") + "&label="
				+ URLEncoder.encode("run=" + run, StandardCharsets.UTF_8), viewer, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	@Test
	void aRuleWithForFiveMinutesOverARealScrapeGoesPendingFiresReachesAChannelAndResolves() throws Exception {
		String run = "r" + UUID.randomUUID().toString().substring(0, 8);
		exposition.set("# TYPE mailer_queue_depth gauge\nmailer_queue_depth{queue=\"outbound\"} 250\n");
		try (var receiver = WebhookPeer.start()) {
			var channel = send("POST", "/api/v1/channels", manager, """
					{"name":"rules-%s","kind":"webhook","url":"%s"}""".formatted(run, receiver.url()));
			assertThat(channel.statusCode()).as(channel.body()).isEqualTo(201);
			var routing = send("PUT", "/api/v1/alerting/config", manager, WebhookPeer.routingFor(run, "rules-" + run));
			assertThat(routing.statusCode()).as(routing.body()).isEqualTo(200);
			var scrape = send("POST", "/api/v1/monitoring/scrape-targets", manager, """
					{"url":"http://127.0.0.1:%d/metrics","job":"mailer-%s","interval":"1s"}"""
				.formatted(target.getAddress().getPort(), run));
			assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(201);
			var rules = send("PUT", "/api/v1/monitoring/rules/file", manager, """
					groups:
					  - name: mailer
					    interval: 1s
					    rules:
					      - record: queue:mailer_queue_depth:max
					        expr: max by (job) (mailer_queue_depth{job="mailer-%s"})
					      - alert: MailQueueBacklog
					        expr: queue:mailer_queue_depth:max > 100
					        for: 5m
					        labels:
					          severity: high
					          run: %s
					        annotations:
					          summary: "{{ $labels.job }} has {{ $value }} mails waiting"
					          runbook_url: https://runbooks.example.com/mail-queue
					""".formatted(run, run));
			assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);

			JsonNode pending = await("the rule to go pending", WAIT, () -> {
				JsonNode r = rule("MailQueueBacklog");
				return r != null && "pending".equals(r.path("state").asString()) ? r : null;
			});
			assertThat(pending.get("alerts").get(0).get("labels").get("job").asString()).isEqualTo("mailer-" + run);
			assertThat(receiver.awaitBodies(1, Duration.ofSeconds(2))).as("nothing is sent while pending").isEmpty();

			// step the clock a minute at a time, letting a scrape and an evaluation
			// happen after each step, until the alert has been pending for five minutes
			for (int minute = 1; minute <= 5; minute++) {
				clock.advance(Duration.ofMinutes(1));
				long stepped = clock.millis();
				await("an evaluation after the step", WAIT, () -> {
					JsonNode r = rule("MailQueueBacklog");
					return r != null && r.hasNonNull("lastEvaluation")
							&& java.time.Instant.parse(r.get("lastEvaluation").asString()).toEpochMilli() >= stepped
							&& r.path("lastError").isMissingNode() ? r : null;
				});
			}
			JsonNode firing = await("the rule to fire", WAIT, () -> {
				JsonNode r = rule("MailQueueBacklog");
				return "firing".equals(r.path("state").asString()) ? r : null;
			});
			assertThat(firing.get("alerts").get(0).get("state").asString()).isEqualTo("firing");

			var fired = receiver.await("about the firing alert", WAIT,
					(body) -> body.contains(run) && body.contains("\"status\":\"firing\""));
			assertThat(fired.body()).contains("MailQueueBacklog", "mailer-" + run + " has 250 mails waiting",
					"https://runbooks.example.com/mail-queue");
			JsonNode held = alertsOf(run, true);
			assertThat(held.toString()).contains("MailQueueBacklog", "\"source\":\"rules\"");
			assertThat(instant("ALERTS{alertname=\"MailQueueBacklog\",alertstate=\"firing\"}")).hasSize(1);
			// Prometheus's own shape, for Grafana
			JsonNode promAlerts = json.readTree(send("GET", "/prometheus/api/v1/alerts", viewer, null).body());
			JsonNode backlog = null;
			for (JsonNode a : promAlerts.get("data").get("alerts")) {
				if (a.get("labels").get("alertname").asString().equals("MailQueueBacklog")) {
					backlog = a;
				}
			}
			assertThat(backlog).isNotNull();
			assertThat(backlog.get("state").asString()).isEqualTo("firing");
			assertThat(backlog.get("value").asString()).isEqualTo("2.5e+02");
			JsonNode promRules = json.readTree(send("GET", "/prometheus/api/v1/rules", viewer, null).body());
			assertThat(promRules.get("status").asString()).isEqualTo("success");
			assertThat(promRules.get("data").get("groups").get(0).get("rules").get(1).get("duration").asDouble())
				.isEqualTo(300);

			// the queue drains: the next scrape and evaluation resolve the alert
			exposition.set("mailer_queue_depth{queue=\"outbound\"} 3\n");
			await("the rule to resolve", WAIT, () -> {
				JsonNode r = rule("MailQueueBacklog");
				return "inactive".equals(r.path("state").asString()) ? r : null;
			});
			receiver.await("about the resolved alert", WAIT,
					(body) -> body.contains(run) && body.contains("\"status\":\"resolved\""));
			assertThat(alertsOf(run, false).toString()).contains("MailQueueBacklog");
			assertThat(instant("queue:mailer_queue_depth:max{job=\"mailer-" + run + "\"}").get(0)
				.get("value")
				.get(1)
				.asString()).isEqualTo("3");
			String targetId = json.readTree(scrape.body()).get("id").asString();
			assertThat(send("DELETE", "/api/v1/monitoring/scrape-targets/" + targetId, manager, null).statusCode())
				.isEqualTo(204);
		}
	}

	@Test
	void aRuleWhoseAlertAlertingStillHoldsAsFiringFiresAtOnceAfterARestart() throws Exception {
		String run = "r" + UUID.randomUUID().toString().substring(0, 8);
		java.time.Instant started = clock.instant()
			.minus(Duration.ofMinutes(10))
			.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		// what the rules handed to alerting before the restart
		alerts.receive(List.of(new PostableAlert(Map.of("alertname", "Restored", "run", run, "severity", "high"),
				Map.of("runbook_url", "https://runbooks.example.com/restored"), started,
				clock.instant().plus(Duration.ofMinutes(4)), null)), "rules");
		var rules = send("PUT", "/api/v1/monitoring/rules/file", manager, """
				groups:
				  - name: restored
				    interval: 1s
				    rules:
				      - alert: Restored
				        expr: vector(1)
				        for: 5m
				        labels: {severity: high, run: %s}
				        annotations: {runbook_url: "https://runbooks.example.com/restored"}
				      - alert: NotHeld
				        expr: vector(1)
				        for: 5m
				        labels: {severity: high, run: %s}
				        annotations: {runbook_url: "https://runbooks.example.com/restored"}
				""".formatted(run, run));
		assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
		JsonNode restored = await("the held alert to fire at the first evaluation", WAIT, () -> {
			JsonNode r = rule("Restored");
			return r != null && r.hasNonNull("lastEvaluation") ? r : null;
		});
		assertThat(restored.get("state").asString()).isEqualTo("firing");
		assertThat(java.time.Instant.parse(restored.get("alerts").get(0).get("activeAt").asString()))
			.isEqualTo(started.minus(Duration.ofMinutes(5)));
		assertThat(rule("NotHeld").get("state").asString()).as("a rule without a held alert waits for `for`")
			.isEqualTo("pending");
		JsonNode held = alertsOf(run, true);
		assertThat(held.get(0).get("startsAt").asString()).isEqualTo(started.toString());
	}

	@Test
	void anInvalidRuleFileIsRefusedWith400NamingGroupRuleAndPosition() throws Exception {
		var parseError = send("PUT", "/api/v1/monitoring/rules/file", manager, """
				groups:
				  - name: api
				    rules:
				      - alert: Slow
				        expr: sum(rate(x[5m]) > 1
				        annotations: {runbook_url: "https://runbooks.example.com/slow"}
				""");
		assertThat(parseError.statusCode()).as(parseError.body()).isEqualTo(400);
		assertThat(parseError.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode error = json.readTree(parseError.body()).get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("groups[0].rules[0].expr");
		assertThat(error.get("message").asString()).startsWith("group \"api\", rule \"Slow\": 1:")
			.contains("parse error");

		var noRunbook = send("PUT", "/api/v1/monitoring/rules/file", manager, """
				{"groups":[{"name":"api","rules":[{"alert":"Down","expr":"up == 0"}]}]}""");
		assertThat(noRunbook.statusCode()).isEqualTo(400);
		assertThat(noRunbook.body()).contains("groups[0].rules[0].annotations.runbook_url", "runbook_url");

		assertThat(send("PUT", "/api/v1/monitoring/rules/file", responder, "groups: []").statusCode()).isEqualTo(403);
		JsonNode file = json.readTree(send("GET", "/api/v1/monitoring/rules/file", viewer, null).body());
		assertThat(file.get("shipped").asBoolean()).as("nothing was stored").isTrue();
		assertThat(file.get("content").asString()).contains("SlowResponseTime");
	}

	@Test
	void theShippedRulesEvaluateOverWatchkeepersOwnMetrics() throws Exception {
		// the self-scrape reads the names the shipped rules use from Watchkeeper's
		// /metrics
		for (String name : new String[] { "http_requests_total", "http_request_duration_seconds_bucket",
				"hikaricp_connections_active", "hikaricp_connections_max", "process_cpu_usage" }) {
			send("GET", "/api/v1/me", viewer, null);
			await(name + " scraped from Watchkeeper's own /metrics", WAIT,
					() -> instant(name + "{job=\"watchkeeper\"}").isEmpty() ? null : true);
		}
		JsonNode evaluated = await("the shipped rules evaluated", Duration.ofSeconds(70), () -> {
			JsonNode r = rule("SlowResponseTime");
			return r != null && r.hasNonNull("lastEvaluation") ? r : null;
		});
		assertThat(evaluated.get("health").asString()).isEqualTo("ok");
	}

}
