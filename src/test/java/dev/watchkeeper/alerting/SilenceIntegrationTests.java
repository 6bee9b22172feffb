package dev.watchkeeper.alerting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

class SilenceIntegrationTests extends IntegrationTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	JsonMapper json;

	private String responder;

	private String run;

	@BeforeEach
	void setUp() throws Exception {
		responder = fixtures.token(Role.RESPONDER);
		run = "run-" + UUID.randomUUID().toString().substring(0, 8);
		send("POST", "/api/v1/alerts", responder, """
				[{"labels":{"alertname":"HighErrorRate","service":"checkout","run":"%s"}},
				 {"labels":{"alertname":"HighErrorRate","service":"billing","run":"%s"}}]""".formatted(run, run));
	}

	private String silence(String serviceRegex, Instant start, Instant end) {
		return """
				{"matchers":[{"name":"run","op":"=","value":"%s"},{"name":"service","op":"=~","value":"%s"}],
				 "startsAt":%s,"endsAt":"%s","comment":"deploying"}""".formatted(run, serviceRegex,
				start == null ? "null" : "\"" + start + "\"", end);
	}

	private JsonNode alert(String service) throws Exception {
		JsonNode alerts = json.readTree(
				send("GET", "/api/v1/alerts?label=run=" + run + "&label=service=" + service, responder, null).body());
		return alerts.get(0);
	}

	@Test
	void anActiveSilenceMarksTheAlertsItMatchesAndExpiringItUnmutesThem() throws Exception {
		var created = send("POST", "/api/v1/silences", responder,
				silence("check.*", null, Instant.now().plusSeconds(3600)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = json.readTree(created.body()).get("id").asString();
		assertThat(json.readTree(created.body()).get("createdBy").asString()).contains("@example.com");

		assertThat(alert("checkout").get("silencedBy").get(0).asString()).isEqualTo(id);
		assertThat(alert("checkout").get("alertname")).as("alert fields stay at the top level").isNull();
		assertThat(alert("checkout").get("labels").get("service").asString()).isEqualTo("checkout");
		assertThat(alert("billing").get("silencedBy").size()).isZero();

		assertThat(send("DELETE", "/api/v1/silences/" + id, responder, null).statusCode()).isEqualTo(200);
		assertThat(alert("checkout").get("silencedBy").size()).isZero();
		assertThat(send("DELETE", "/api/v1/silences/" + id, responder, null).statusCode()).isEqualTo(409);
	}

	@Test
	void aSilenceScheduledAheadDoesNotMuteYet() throws Exception {
		var created = send("POST", "/api/v1/silences", responder,
				silence("check.*", Instant.now().plusSeconds(3600), Instant.now().plusSeconds(7200)));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(alert("checkout").get("silencedBy").size()).isZero();
		var listed = json.readTree(send("GET", "/api/v1/silences", responder, null).body());
		assertThat(listed.valueStream().map(s -> s.get("id").asString()))
			.contains(json.readTree(created.body()).get("id").asString());
	}

	@Test
	void badSilencesAreRefusedWhenSavedNotWhenUsed() throws Exception {
		var badRegex = send("POST", "/api/v1/silences", responder,
				silence("check(", null, Instant.now().plusSeconds(60)));
		assertThat(badRegex.statusCode()).isEqualTo(422);
		assertThat(badRegex.body()).contains("invalid regular expression");
		var matchesEverything = send("POST", "/api/v1/silences", responder, """
				{"matchers":[{"name":"service","op":"=~","value":".*"}],"endsAt":"%s","comment":"x"}"""
			.formatted(Instant.now().plusSeconds(60)));
		assertThat(matchesEverything.statusCode()).isEqualTo(422);
		var noComment = send("POST", "/api/v1/silences", responder,
				silence("x", null, Instant.now().minusSeconds(60)).replace("\"deploying\"", "\"\""));
		assertThat(noComment.statusCode()).isEqualTo(422);
		assertThat(noComment.body()).contains("\"field\":\"endsAt\"").contains("\"field\":\"comment\"");
		assertThat(send("POST", "/api/v1/silences", fixtures.token(Role.VIEWER), "{}").statusCode()).isEqualTo(403);
	}

}
