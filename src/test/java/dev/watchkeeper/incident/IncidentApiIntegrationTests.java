package dev.watchkeeper.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceDraft;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.incident.IncidentEvents.IncidentAcknowledged;
import dev.watchkeeper.incident.IncidentEvents.IncidentClosed;
import dev.watchkeeper.incident.IncidentEvents.IncidentOpened;
import dev.watchkeeper.incident.IncidentEvents.IncidentStatusChanged;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Declaring and working an incident over the API: rules, roles and the timeline. */
class IncidentApiIntegrationTests extends IncidentIntegrationTest {

	@Autowired
	Services services;

	@Test
	void aDeclaredIncidentHasItsSeverityTargetsChannelAndTimeline() throws Exception {
		Service checkout = services.create(new ServiceDraft("checkout-" + System.nanoTime() % 100000, "Checkout", null,
				null, 1, null, List.of(), List.of()));
		var response = send("POST", "/api/v1/incidents", responder,
				"""
						{"title":"Checkout: payments fail!","severity":"P1","serviceId":"%s","summary":"Card payments time out"}"""
					.formatted(checkout.id()));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode incident = json.readTree(response.body());

		Instant declared = Instant.parse(incident.get("declaredAt").asString());
		assertThat(incident.get("severity").asString()).as("P1 is an alias of SEV-2").isEqualTo("SEV-2");
		assertThat(incident.get("status").asString()).isEqualTo("triggered");
		assertThat(incident.get("service").get("name").asString()).isEqualTo("Checkout");
		assertThat(incident.get("channel").asString())
			.isEqualTo("#incident-" + LocalDate.ofInstant(declared, ZoneOffset.UTC) + "-checkout-payments-fail");
		assertThat(Instant.parse(incident.get("acknowledgeDueAt").asString()))
			.isEqualTo(declared.plus(Duration.ofHours(1)));
		assertThat(Instant.parse(incident.get("resolveDueAt").asString()))
			.isEqualTo(declared.plus(Duration.ofHours(8)));
		assertThat(incident.get("reference").asString()).isEqualTo("INC-" + incident.get("number").asLong());
		assertThat(get("/api/v1/incidents/" + incident.get("reference").asString()).get("id").asString())
			.isEqualTo(incident.get("id").asString());
		assertThat(timeline(incident.get("id").asString(), "declared")).singleElement()
			.satisfies(entry -> assertThat(entry.get("text").asString())
				.isEqualTo("Declared SEV-2: Checkout: payments fail!"));
		assertThat(timeline(incident.get("id").asString(), "escalation").get(0).get("text").asString())
			.as("escalation starts as it opens")
			.startsWith("Escalating through policy");
		assertThat(events.of(IncidentOpened.class, id(incident))).hasSize(1);

		JsonNode twin = declare("SEV-2", "Checkout: payments fail!");
		assertThat(twin.get("channel").asString()).as("a second incident of the same name that day")
			.isEqualTo(incident.get("channel").asString() + "-2");
	}

	@Test
	void badDeclarationsAreRefusedNamingEveryFieldAndNothingIsWritten() throws Exception {
		long before = get("/api/v1/incidents?size=1").get("total").asLong();
		var response = send("POST", "/api/v1/incidents", responder, """
				{"title":"","severity":"SEV-9","serviceId":"00000000-0000-0000-0000-000000000001"}""");
		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("title", "severity", "serviceId");
		assertThat(response.body()).contains("SEV-1, SEV-2, SEV-3, SEV-4");
		assertThat(send("POST", "/api/v1/incidents", responder, "{\"title\":\"x\"}").body()).contains("severity");
		assertThat(send("POST", "/api/v1/incidents", responder, "not json").statusCode()).isEqualTo(400);
		assertThat(send("GET", "/api/v1/incidents?status=sleeping", viewer, null).statusCode()).isEqualTo(422);
		assertThat(get("/api/v1/incidents?size=1").get("total").asLong()).isEqualTo(before);
	}

	@Test
	void anIncidentMovesThroughItsStatusesAndClosesAtResolutionWithoutPostmortem() throws Exception {
		JsonNode incident = declare("SEV-3", "Reports are slow");
		String path = "/api/v1/incidents/" + incident.get("id").asString();
		clock.advance(Duration.ofMinutes(3));

		JsonNode investigating = post(path + "/status", responder, "{\"status\":\"investigating\"}", 200);
		assertThat(investigating.get("status").asString()).isEqualTo("investigating");
		assertThat(investigating.get("acknowledgedAt").isNull()).as("moving past triggered acknowledges").isFalse();
		assertThat(post(path + "/acknowledge", responder, null, 409).get("detail").asString())
			.contains("was acknowledged by");
		assertThat(post(path + "/status", responder, "{\"status\":\"triggered\"}", 422).get("detail").asString())
			.contains("cannot go back to triggered");
		post(path + "/status", responder, "{\"status\":\"identified\"}", 200);
		post(path + "/status", responder, "{\"status\":\"monitoring\"}", 200);
		assertThat(post(path + "/status", responder, "{\"status\":\"monitoring\"}", 409).get("detail").asString())
			.contains("already monitoring");

		JsonNode resolved = post(path + "/resolve", responder, "{\"note\":\"Index rebuilt\"}", 200);
		assertThat(resolved.get("status").asString()).as("SEV-3 needs no post-mortem").isEqualTo("closed");
		assertThat(resolved.has("postmortemId")).isFalse();
		assertThat(timeline(incident.get("id").asString(), null)).extracting(e -> e.get("kind").asString())
			.filteredOn(kind -> !kind.equals("escalation"))
			.containsExactly("declared", "acknowledged", "status_changed", "status_changed", "status_changed",
					"resolved", "closed");
		assertThat(timeline(incident.get("id").asString(), "resolved").get(0).get("text").asString())
			.isEqualTo("Resolved after 3 min: Index rebuilt");
		assertThat(events.of(IncidentStatusChanged.class, id(incident))).extracting(IncidentStatusChanged::to)
			.containsExactly(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED, IncidentStatus.MONITORING,
					IncidentStatus.RESOLVED, IncidentStatus.CLOSED);
		assertThat(events.of(IncidentAcknowledged.class, id(incident))).hasSize(1);
		assertThat(events.of(IncidentClosed.class, id(incident))).hasSize(1);

		JsonNode closed = post(path + "/acknowledge", responder, null, 409);
		assertThat(closed.get("type").asString()).isEqualTo("urn:watchkeeper:problem:incident-closed");
		assertThat(closed.get("detail").asString()).contains("is closed").contains("can no longer be acknowledged");
		assertThat(post(path + "/notes", responder, "{\"text\":\"late note\"}", 409).get("detail").asString())
			.contains("is closed");
		assertThat(post(path + "/severity", manager, "{\"severity\":\"SEV-1\"}", 409).get("detail").asString())
			.contains("severity can no longer change");
	}

	@Test
	void rolesAreAssignedClearedAndWrittenOnTheTimeline() throws Exception {
		User ana = fixtures.user(Role.RESPONDER);
		User ben = fixtures.user(Role.VIEWER);
		JsonNode incident = declare("SEV-2", "Queue backlog");
		String path = "/api/v1/incidents/" + incident.get("id").asString();

		var response = send("PUT", path + "/roles/commander", responder, "{\"userId\":\"%s\"}".formatted(ana.id()));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(json.readTree(response.body()).get("roles").get("commander").get("name").asString())
			.isEqualTo(ana.name());
		send("PUT", path + "/roles/scribe", responder, "{\"userId\":\"%s\"}".formatted(ben.id()));
		send("PUT", path + "/roles/commander", responder, "{\"userId\":\"%s\"}".formatted(ben.id()));
		JsonNode cleared = json.readTree(send("PUT", path + "/roles/scribe", responder, "{\"userId\":null}").body());
		assertThat(cleared.get("roles").has("scribe")).isFalse();

		assertThat(timeline(incident.get("id").asString(), "role_assigned")).extracting(e -> e.get("text").asString())
			.containsExactly(ana.name() + " is now incident commander", ben.name() + " is now scribe",
					ben.name() + " is now incident commander (was " + ana.name() + ")",
					ben.name() + " is no longer scribe");
		assertThat(send("PUT", path + "/roles/boss", responder, "{\"userId\":null}").statusCode()).isEqualTo(422);
		var unknown = send("PUT", path + "/roles/scribe", responder,
				"{\"userId\":\"00000000-0000-0000-0000-000000000002\"}");
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(unknown.body()).contains("userId");
	}

	@Test
	void eachChangeNeedsItsRoleAndTheRefusalSaysWhich() throws Exception {
		JsonNode incident = declare("SEV-4", "Typo on the pricing page");
		String path = "/api/v1/incidents/" + incident.get("id").asString();

		JsonNode viewerAck = post(path + "/acknowledge", viewer, null, 403);
		assertThat(viewerAck.get("detail").asString())
			.isEqualTo("Acknowledging incidents needs the responder role; you act as viewer");
		assertThat(post("/api/v1/incidents", viewer, "{\"title\":\"x\",\"severity\":\"SEV-4\"}", 403).get("detail")
			.asString()).contains("responder role");
		JsonNode responderSeverity = post(path + "/severity", responder, "{\"severity\":\"SEV-2\"}", 403);
		assertThat(responderSeverity.get("detail").asString())
			.isEqualTo("Changing an incident's severity needs the manager role; you act as responder");
		assertThat(post(path + "/close", responder, null, 403).get("detail").asString()).contains("manager role");
		assertThat(get(path).get("severity").asString()).as("nothing changed").isEqualTo("SEV-4");

		assertThat(post(path + "/severity", manager, "{\"severity\":\"high\"}", 200).get("severity").asString())
			.isEqualTo("SEV-2");
		assertThat(post(path + "/severity", manager, "{\"severity\":\"SEV-7\"}", 422).get("detail").asString())
			.contains("SEV-7");
		assertThat(post(path + "/close", manager, null, 409).get("detail").asString())
			.contains("resolve it before closing it");
		post(path + "/notes", responder, "{\"text\":\"Fixed in CMS\"}", 201);
		assertThat(
				post(path + "/notes", responder, "{\"text\":\"\"}", 422).get("errors").get(0).get("field").asString())
			.isEqualTo("text");
	}

	@Test
	void theListFiltersByStatusSeverityAndService() throws Exception {
		Service search = services.create(new ServiceDraft("search-" + System.nanoTime() % 100000, "Search", null, null,
				2, null, List.of(), List.of()));
		var declared = send("POST", "/api/v1/incidents", responder, """
				{"title":"Search returns nothing","severity":"SEV-1","serviceId":"%s"}""".formatted(search.id()));
		String id = json.readTree(declared.body()).get("id").asString();

		JsonNode bySevice = get("/api/v1/incidents?service=" + search.id());
		assertThat(bySevice.get("total").asInt()).isEqualTo(1);
		assertThat(bySevice.get("items").get(0).get("id").asString()).isEqualTo(id);
		assertThat(get("/api/v1/incidents?service=" + search.id() + "&severity=SEV-2").get("total").asInt()).isZero();
		assertThat(get("/api/v1/incidents?service=" + search.id() + "&status=open").get("total").asInt()).isEqualTo(1);
		assertThat(get("/api/v1/incidents?service=" + search.id() + "&status=resolved").get("total").asInt()).isZero();
		assertThat(get("/api/v1/incidents/severities").get("levels").get(0).get("acknowledgeWithin").asString())
			.isEqualTo("PT15M");
	}

	@Test
	void otherModulesWriteOnTheTimeline(@Autowired Incidents incidents) throws Exception {
		JsonNode incident = declare("SEV-2", "Disk full on db-2");
		var entry = incidents.appendTimeline(id(incident), "alert_attached", "Alert DiskFull attached",
				java.util.Map.of("fingerprint", "abc123"));
		assertThat(entry.kind()).isEqualTo("alert_attached");
		assertThat(timeline(incident.get("id").asString(), "alert_attached")).singleElement()
			.satisfies(e -> assertThat(e.get("data").get("fingerprint").asString()).isEqualTo("abc123"));
	}

}
