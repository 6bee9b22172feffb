package dev.watchkeeper.peers;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.WebhookPeer;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.Team;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Prometheus 2.42 uses the running Watchkeeper as its Alertmanager
 * ({@code path_prefix: /alertmanager}, an integration key as bearer credentials): a rule
 * that fires shows up as a firing alert and reaches a local webhook receiver as a signed
 * notification; when the rule stops firing the alert is resolved and the resolved notice
 * arrives.
 */
class PrometheusPeerIntegrationTests extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	JsonMapper json;

	@Test
	void aFiringRuleIsNotifiedToASignedWebhookAndSoIsItsResolution() throws Exception {
		String run = "run-" + UUID.randomUUID().toString().substring(0, 8);
		Team team = fixtures.team();
		String key = fixtures.integrationKey(null, team.slug());
		String viewer = fixtures.token(Role.VIEWER);
		String manager = fixtures.token(Role.MANAGER);
		String secret = WebhookPeer.newSecret();
		try (var receiver = WebhookPeer.start()) {
			var channel = send("POST", "/api/v1/channels", manager, """
					{"name":"peer-%s","kind":"webhook","url":"%s","signingSecret":"%s"}""".formatted(run,
					receiver.url(), secret));
			assertThat(channel.statusCode()).as(channel.body()).isEqualTo(201);
			var routing = send("PUT", "/api/v1/alerting/config", manager, WebhookPeer.routingFor(run, "peer-" + run));
			assertThat(routing.statusCode()).as(routing.body()).isEqualTo(200);
			fireAndResolve(run, key, viewer, team, secret, receiver);
		}
	}

	private void fireAndResolve(String run, String key, String viewer, Team team, String secret, WebhookPeer receiver)
			throws Exception {
		String configuration = """
				global:
				  evaluation_interval: 1s
				  scrape_interval: 15s
				rule_files: ['%%DIR%%/rules.yml']
				alerting:
				  alertmanagers:
				    - path_prefix: /alertmanager
				      authorization:
				        credentials: %s
				      static_configs:
				        - targets: ['127.0.0.1:%d']
				""".formatted(key, port);
		try (var prometheus = PeerProcess.prometheus(configuration,
				List.of(new PeerProcess.NamedFile("rules.yml", rules(run, "vector(1)"))))) {
			JsonNode firing = Eventually.get("Prometheus's alert to arrive firing in Watchkeeper", WAIT, prometheus,
					() -> alerts(run, "firing", viewer));
			assertThat(firing.size()).isEqualTo(1);
			JsonNode alert = firing.get(0);
			assertThat(alert.get("labels").get("alertname").asString()).isEqualTo("PeerTestHighErrorRate");
			assertThat(alert.get("labels").get("severity").asString()).isEqualTo("critical");
			assertThat(alert.get("labels").get("service").asString()).isEqualTo("checkout");
			assertThat(alert.get("labels").get("team").asString()).as("added by the team's integration key")
				.isEqualTo(team.slug());
			assertThat(alert.get("annotations").get("runbook_url").asString())
				.isEqualTo("https://runbooks.example.com/high-error-rate");
			assertThat(alert.get("source").asString()).isEqualTo("alertmanager-api");
			assertThat(alert.get("generatorUrl").asString()).startsWith("http://");

			var fired = receiver.await("about the firing alert", WAIT,
					body -> body.contains(run) && body.contains("\"status\":\"firing\""));
			assertThat(WebhookPeer.signedWith(secret, fired)).as("signature of " + fired).isTrue();
			assertThat(fired.body()).contains("PeerTestHighErrorRate")
				.contains("https://runbooks.example.com/high-error-rate");

			// the same rule (name and labels) with an expression that returns nothing
			prometheus.write("rules.yml", rules(run, "vector(1) == 2"));
			var reload = http.send(java.net.http.HttpRequest.newBuilder(prometheus.url("/-/reload"))
				.POST(java.net.http.HttpRequest.BodyPublishers.noBody())
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);

			JsonNode resolved = Eventually.get("the alert to be resolved in Watchkeeper after the rule stopped", WAIT,
					prometheus, () -> alerts(run, "resolved", viewer));
			assertThat(resolved.get(0).get("fingerprint").asString()).isEqualTo(alert.get("fingerprint").asString());

			var resolvedNotice = receiver.await("about the resolved alert", WAIT,
					body -> body.contains(run) && body.contains("\"status\":\"resolved\""));
			assertThat(WebhookPeer.signedWith(secret, resolvedNotice)).isTrue();
			assertThat(resolvedNotice.id()).as("a new notice, not a retry of the first").isNotEqualTo(fired.id());
		}
	}

	private static String rules(String run, String expression) {
		return """
				groups:
				  - name: watchkeeper-peer-test
				    interval: 1s
				    rules:
				      - alert: PeerTestHighErrorRate
				        expr: %s
				        for: 0s
				        labels:
				          severity: critical
				          service: checkout
				          run: %s
				        annotations:
				          summary: 5xx above 5%% for checkout
				          runbook_url: https://runbooks.example.com/high-error-rate
				""".formatted(expression, run);
	}

	/** The alerts of this run in this state, or null while there are none. */
	private JsonNode alerts(String run, String state, String token) throws Exception {
		var response = send("GET", "/api/v1/alerts?label=run=" + run + "&state=" + state, token, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode alerts = json.readTree(response.body());
		return alerts.isEmpty() ? null : alerts;
	}

}
