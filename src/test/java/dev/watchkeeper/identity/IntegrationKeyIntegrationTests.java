package dev.watchkeeper.identity;

import java.time.Duration;
import java.util.UUID;

import dev.watchkeeper.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IntegrationKeyIntegrationTests extends IntegrationTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	JsonMapper json;

	private String manager;

	private String viewer;

	private String run;

	@BeforeEach
	void setUp() {
		manager = fixtures.token(Role.MANAGER);
		viewer = fixtures.token(Role.VIEWER);
		run = "run-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private String newService() throws Exception {
		String slug = "svc-" + run;
		var created = send("POST", "/api/v1/services", manager, """
				{"slug":"%s","name":"Service %s","tier":2}""".formatted(slug, run));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return slug;
	}

	/** Posts one native alert of this run with the key; the answer's status. */
	private int postAlert(String secret, String alertname) throws Exception {
		return send("POST", "/api/v1/alerts", secret, """
				[{"labels":{"alertname":"%s","run":"%s"}}]""".formatted(alertname, run)).statusCode();
	}

	private JsonNode alertsOfThisRun() throws Exception {
		return json.readTree(send("GET", "/api/v1/alerts?label=run=" + run, viewer, null).body());
	}

	private JsonNode keyNamed(String name) throws Exception {
		var list = send("GET", "/api/v1/integration-keys", viewer, null);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).as("secrets are never listed").doesNotContain("\"secret\"");
		for (JsonNode key : json.readTree(list.body())) {
			if (key.get("name").asString().equals(name)) {
				return key;
			}
		}
		throw new AssertionError("no key named " + name + " in " + list.body());
	}

	@Test
	void aServiceKeyPostsAlertsThatGetTheServiceLabelAndStopsWorkingWhenRevoked() throws Exception {
		String service = newService();
		var created = send("POST", "/api/v1/integration-keys", manager, """
				{"name":"prometheus-%s","service":"%s"}""".formatted(run, service));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode body = json.readTree(created.body());
		String secret = body.get("secret").asString();
		assertThat(secret).startsWith("wki_").startsWith(body.get("key").get("prefix").asString());
		assertThat(keyNamed("prometheus-" + run).hasNonNull("lastUsedAt")).isFalse();

		var posted = send("POST", "/alertmanager/api/v2/alerts", secret, """
				[{"labels":{"alertname":"DiskFull","run":"%s"}},
				 {"labels":{"alertname":"DiskFull","run":"%s","instance":"b","service":"ledger"}}]""".formatted(run,
				run));
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
		JsonNode alerts = alertsOfThisRun();
		assertThat(alerts.size()).isEqualTo(2);
		assertThat(alerts.valueStream().map(a -> a.get("labels").get("service").asString()))
			.as("added only where the label was missing")
			.containsExactlyInAnyOrder(service, "ledger");
		assertThat(keyNamed("prometheus-" + run).hasNonNull("lastUsedAt")).as("last use recorded").isTrue();

		String id = body.get("key").get("id").asString();
		assertThat(send("DELETE", "/api/v1/integration-keys/" + id, manager, null).statusCode()).isEqualTo(204);
		var refused = send("POST", "/api/v1/alerts", secret, """
				[{"labels":{"alertname":"AfterRevoke","run":"%s"}}]""".formatted(run));
		assertThat(refused.statusCode()).as("revoked at once on this node").isEqualTo(401);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(alertsOfThisRun().size()).as("nothing stored after revocation").isEqualTo(2);
		assertThat(keyNamed("prometheus-" + run).hasNonNull("revokedAt")).isTrue();

		String admin = fixtures.token(Role.ADMIN);
		for (String action : new String[] { "integration_key.created", "integration_key.revoked" }) {
			JsonNode audit = json.readTree(
					send("GET", "/api/v1/audit?action=" + action + "&targetId=" + id + "&from=2000-01-01T00:00:00Z",
							admin, null)
						.body());
			assertThat(audit.get("total").asInt()).as(action).isEqualTo(1);
			assertThat(audit.get("items").get(0).toString()).as("no secret in the audit log").doesNotContain(secret);
		}
	}

	@Test
	void aTeamKeyAddsTheTeamLabelThroughEveryIntakeEndpoint() throws Exception {
		Team team = fixtures.team();
		String secret = fixtures.integrationKey(null, team.slug());
		assertThat(postAlert(secret, "Native")).isEqualTo(200);
		assertThat(send("POST", "/api/v1/integrations/alertmanager", secret, """
				{"version":"4","status":"firing","alerts":[{"status":"firing",
				 "labels":{"alertname":"Forwarded","run":"%s","team":"someone-else"}}]}""".formatted(run)).statusCode())
			.isEqualTo(200);
		JsonNode alerts = alertsOfThisRun();
		assertThat(alerts.valueStream()
			.map(a -> a.get("labels").get("alertname").asString() + ":" + a.get("labels").get("team").asString()))
			.containsExactlyInAnyOrder("Native:" + team.slug(), "Forwarded:someone-else");
	}

	@Test
	void aRenamedTeamLabelsTheNextAlertWithItsNewSlug() throws Exception {
		Team team = fixtures.team();
		String secret = fixtures.integrationKey(null, team.slug());
		assertThat(postAlert(secret, "BeforeRename")).isEqualTo(200);
		String renamed = team.slug() + "-new";
		var update = send("PUT", "/api/v1/teams/" + team.slug(), manager, """
				{"slug":"%s","name":"Renamed"}""".formatted(renamed));
		assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
		assertThat(postAlert(secret, "AfterRename")).isEqualTo(200);
		assertThat(alertsOfThisRun().valueStream()
			.map(a -> a.get("labels").get("alertname").asString() + ":" + a.get("labels").get("team").asString()))
			.containsExactlyInAnyOrder("BeforeRename:" + team.slug(), "AfterRename:" + renamed);
	}

	@Test
	void aTeamKeyStopsWorkingAtOnceWhenItsTeamIsDeleted() throws Exception {
		Team team = fixtures.team();
		String secret = fixtures.integrationKey(null, team.slug());
		assertThat(postAlert(secret, "BeforeDelete")).isEqualTo(200);
		var deleted = send("DELETE", "/api/v1/teams/" + team.slug(), manager, null);
		assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
		assertThat(postAlert(secret, "AfterDelete")).isEqualTo(401);
	}

	@Test
	void aKeyRevokedOnAnotherNodeStopsWorkingHereWithinTwoSeconds(@Autowired JdbcClient jdbc) throws Exception {
		String secret = fixtures.integrationKey();
		String alert = """
				[{"labels":{"alertname":"Elsewhere","run":"%s"}}]""".formatted(run);
		assertThat(send("POST", "/api/v1/alerts", secret, alert).statusCode()).isEqualTo(200);
		// what another node's revocation leaves behind: the row, and no word to this node
		jdbc.sql("UPDATE identity_integration_keys SET revoked_at = now() WHERE key_hash = :hash")
			.param("hash", ApiTokens.hash(secret))
			.update();
		assertThat(send("POST", "/api/v1/alerts", secret, alert).statusCode()).as("this node still trusts what it read")
			.isEqualTo(200);
		await().atMost(RecentCredentials.TTL.plusSeconds(1))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> send("POST", "/api/v1/alerts", secret, alert).statusCode() == 401);
	}

	@Test
	void anUnknownKeyIsRefusedWith401AndNothingIsStored() throws Exception {
		var response = send("POST", "/alertmanager/api/v2/alerts", "wki_" + UUID.randomUUID(), """
				[{"labels":{"alertname":"Unknown","run":"%s"}}]""".formatted(run));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("invalid-token");
		assertThat(alertsOfThisRun().size()).isZero();
	}

	@Test
	void aKeyMustBeBoundToExactlyOneExistingServiceOrTeam() throws Exception {
		String service = newService();
		String team = fixtures.team().slug();
		for (String body : new String[] {
				"{\"name\":\"both\",\"service\":\"%s\",\"team\":\"%s\"}".formatted(service, team),
				"{\"name\":\"neither\"}", "{\"name\":\"ghost\",\"service\":\"no-such-service\"}",
				"{\"name\":\"\",\"team\":\"%s\"}".formatted(team) }) {
			var response = send("POST", "/api/v1/integration-keys", manager, body);
			assertThat(response.statusCode()).as(body).isEqualTo(422);
			assertThat(response.body()).as(body).contains("\"field\"");
		}
		assertThat(send("POST", "/api/v1/integration-keys", fixtures.token(Role.RESPONDER), """
				{"name":"not allowed","team":"%s"}""".formatted(team)).statusCode()).isEqualTo(403);
	}

	@Test
	void aRenamedServiceIsLabelledWithItsCurrentSlug() throws Exception {
		String service = newService();
		String secret = fixtures.integrationKey(service, null);
		String renamed = service + "-new";
		var update = send("PUT", "/api/v1/services/" + service, manager, """
				{"slug":"%s","name":"Renamed","tier":2}""".formatted(renamed));
		assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
		assertThat(postAlert(secret, "AfterRename")).isEqualTo(200);
		assertThat(alertsOfThisRun().get(0).get("labels").get("service").asString()).isEqualTo(renamed);
	}

}
