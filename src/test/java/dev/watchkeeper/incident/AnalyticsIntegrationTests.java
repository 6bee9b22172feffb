package dev.watchkeeper.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceDraft;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.Team;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MTTA, MTTR and within-target shares per severity, service and owner team over a period.
 */
class AnalyticsIntegrationTests extends IncidentIntegrationTest {

	/** The test clock runs on between steps. */
	private static final Duration SLACK = Duration.ofSeconds(10);

	@Autowired
	Services services;

	@Test
	void meanTimesAndSharesWithinTargetArePerSeverityServiceAndTeam() throws Exception {
		Team payments = fixtures.team();
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		Service checkout = services.create(new ServiceDraft("checkout-" + suffix, "Checkout " + suffix, null,
				payments.id().value(), 1, null, List.of(), List.of()));
		clock.advance(Duration.ofDays(400));
		Instant from = clock.instant();

		// SEV-1 on checkout: acknowledged after 10 min (target 15), resolved after 1 h
		// (target 2 h)
		String first = declareOn(checkout, "SEV-1", "Checkout down");
		clock.advance(Duration.ofMinutes(10));
		post("/api/v1/incidents/" + first + "/acknowledge", responder, null, 200);
		clock.advance(Duration.ofMinutes(50));
		post("/api/v1/incidents/" + first + "/resolve", responder, "{}", 200);

		// SEV-1 on checkout: acknowledged after 20 min, resolved after 3 h: both targets
		// missed
		String second = declareOn(checkout, "SEV-1", "Checkout down again");
		clock.advance(Duration.ofMinutes(20));
		post("/api/v1/incidents/" + second + "/acknowledge", responder, null, 200);
		clock.advance(Duration.ofMinutes(160));
		post("/api/v1/incidents/" + second + "/resolve", responder, "{}", 200);

		// SEV-3 without a service, still open and within its targets
		declare("SEV-3", "Slow exports");
		clock.advance(Duration.ofMinutes(1));
		Instant to = clock.instant();

		JsonNode report = get("/api/v1/incident-analytics?from=" + from + "&to=" + to);
		JsonNode overall = report.get("overall");
		assertThat(overall.get("incidents").asInt()).isEqualTo(3);
		assertThat(overall.get("acknowledged").asInt()).isEqualTo(2);
		assertThat(duration(overall, "mtta")).isCloseTo(Duration.ofMinutes(15), SLACK);
		assertThat(duration(overall, "mttr")).isCloseTo(Duration.ofHours(2), SLACK);
		assertThat(overall.get("acknowledgeMeasured").asInt()).as("the open SEV-3 has time left").isEqualTo(2);
		assertThat(overall.get("acknowledgedWithinTargetShare").asDouble()).isEqualTo(0.5);
		assertThat(overall.get("resolvedWithinTargetShare").asDouble()).isEqualTo(0.5);

		JsonNode sev1 = group(report, "bySeverity", "SEV-1");
		assertThat(sev1.get("incidents").asInt()).isEqualTo(2);
		assertThat(group(report, "bySeverity", "SEV-2").get("incidents").asInt()).isZero();
		assertThat(duration(group(report, "byService", checkout.id().toString()), "mttr"))
			.isCloseTo(Duration.ofHours(2), SLACK);
		assertThat(label(report, "byService", checkout.id().toString())).isEqualTo(checkout.name());
		assertThat(group(report, "byService", "none").get("incidents").asInt()).isEqualTo(1);
		assertThat(group(report, "byTeam", payments.id().toString()).get("incidents").asInt()).isEqualTo(2);
		assertThat(label(report, "byTeam", payments.id().toString())).isEqualTo(payments.name());

		assertThat(send("GET", "/api/v1/incident-analytics?from=" + to + "&to=" + from, viewer, null).statusCode())
			.isEqualTo(422);
		assertThat(send("GET", "/api/v1/incident-analytics?from=last-week", viewer, null).body()).contains("from");
	}

	private String declareOn(Service service, String severity, String title) throws Exception {
		var response = send("POST", "/api/v1/incidents", responder, """
				{"title":"%s","severity":"%s","serviceId":"%s"}""".formatted(title, severity, service.id()));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body()).get("id").asString();
	}

	private static Duration duration(JsonNode stats, String field) {
		return Duration.parse(stats.get(field).asString());
	}

	private static JsonNode group(JsonNode report, String breakdown, String key) {
		for (JsonNode group : report.get(breakdown)) {
			if (key.equals(group.get("key").asString())) {
				return group.get("stats");
			}
		}
		throw new AssertionError("no group " + key + " in " + report.get(breakdown));
	}

	private static String label(JsonNode report, String breakdown, String key) {
		for (JsonNode group : report.get(breakdown)) {
			if (key.equals(group.get("key").asString())) {
				return group.get("label").asString();
			}
		}
		throw new AssertionError("no group " + key);
	}

}
