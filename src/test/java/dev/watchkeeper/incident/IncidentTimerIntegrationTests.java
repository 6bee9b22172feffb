package dev.watchkeeper.incident;

import java.time.Duration;
import java.time.Instant;

import dev.watchkeeper.incident.IncidentEvents.IncidentSlaBreached;
import dev.watchkeeper.incident.IncidentEvents.IncidentUpdateDue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLA breaches and update reminders fire from persistent timers as the clock passes them.
 */
class IncidentTimerIntegrationTests extends IncidentIntegrationTest {

	@Test
	void anUnacknowledgedSev1BreachesItsAcknowledgementTargetOnceAtFifteenMinutes() throws Exception {
		JsonNode incident = declare("SEV-1", "Checkout is down");
		String id = incident.get("id").asString();
		Instant due = Instant.parse(incident.get("acknowledgeDueAt").asString());
		assertThat(due).isEqualTo(Instant.parse(incident.get("declaredAt").asString()).plus(Duration.ofMinutes(15)));

		clock.advance(Duration.ofMinutes(14));
		letTimersRun();
		assertThat(timeline(id, "sla_breached")).as("a minute before the target").isEmpty();

		clock.advance(Duration.ofMinutes(2));
		var breaches = awaitTimeline(id, "sla_breached", entries -> !entries.isEmpty());
		assertThat(breaches).singleElement().satisfies(entry -> {
			assertThat(entry.get("text").asString()).contains("Acknowledgement target missed").contains("15 min");
			assertThat(Instant.parse(entry.get("at").asString())).isEqualTo(due);
		});
		assertThat(get("/api/v1/incidents/" + id).get("acknowledgeBreachedAt").asString()).isEqualTo(due.toString());
		assertThat(events.of(IncidentSlaBreached.class, id(incident))).singleElement()
			.isEqualTo(new IncidentSlaBreached(id(incident), "acknowledge", Duration.ofMinutes(15), due));

		clock.advance(Duration.ofMinutes(30));
		letTimersRun();
		assertThat(timeline(id, "sla_breached")).as("still one breach; the resolution target is 2 h").hasSize(1);

		post("/api/v1/incidents/" + id + "/acknowledge", responder, null, 200);
		assertThat(events.of(IncidentSlaBreached.class, id(incident))).hasSize(1);
	}

	@Test
	void anIncidentAcknowledgedInTimeNeverBreaches() throws Exception {
		JsonNode incident = declare("critical", "Search is slow");
		String id = incident.get("id").asString();
		clock.advance(Duration.ofMinutes(10));
		post("/api/v1/incidents/" + id + "/acknowledge", responder, null, 200);

		clock.advance(Duration.ofMinutes(20));
		letTimersRun();

		assertThat(timeline(id, "sla_breached")).isEmpty();
		assertThat(events.of(IncidentSlaBreached.class, id(incident))).isEmpty();
		assertThat(get("/api/v1/incidents/" + id).has("acknowledgeBreachedAt")).isFalse();
	}

	@Test
	void resolvingLateRecordsTheResolutionBreachEvenBeforeItsTimerRuns() throws Exception {
		JsonNode incident = declare("SEV-3", "Exports are late");
		String id = incident.get("id").asString();
		post("/api/v1/incidents/" + id + "/acknowledge", responder, null, 200);
		clock.advance(Duration.ofHours(25));
		post("/api/v1/incidents/" + id + "/resolve", responder, "{}", 200);
		letTimersRun();

		assertThat(timeline(id, "sla_breached")).singleElement()
			.satisfies(entry -> assertThat(entry.get("text").asString()).contains("Resolution target missed"));
		assertThat(events.of(IncidentSlaBreached.class, id(incident))).singleElement()
			.satisfies(event -> assertThat(event.kind()).isEqualTo("resolve"));
	}

	@Test
	void raisingTheSeverityPastItsTargetBreachesAtOnceAtTheNewTarget() throws Exception {
		JsonNode incident = declare("SEV-3", "Logins fail for some users");
		String id = incident.get("id").asString();
		clock.advance(Duration.ofMinutes(20));
		JsonNode raised = post("/api/v1/incidents/" + id + "/severity", manager, """
				{"severity":"P0"}""", 200);
		assertThat(raised.get("severity").asString()).isEqualTo("SEV-1");

		var breaches = awaitTimeline(id, "sla_breached", entries -> !entries.isEmpty());
		assertThat(Instant.parse(breaches.get(0).get("at").asString()))
			.isEqualTo(Instant.parse(incident.get("declaredAt").asString()).plus(Duration.ofMinutes(15)));
		assertThat(timeline(id, "severity_changed")).singleElement()
			.satisfies(entry -> assertThat(entry.get("text").asString()).startsWith("Severity: SEV-3 → SEV-1"));
	}

	@Test
	void aStatusUpdateIsRemindedPerTheSeverityCadenceAndAnUpdateResetsIt() throws Exception {
		JsonNode incident = declare("SEV-1", "Payments fail");
		String id = incident.get("id").asString();
		post("/api/v1/incidents/" + id + "/acknowledge", responder, null, 200);

		clock.advance(Duration.ofMinutes(29));
		letTimersRun();
		assertThat(timeline(id, "update_due")).isEmpty();

		clock.advance(Duration.ofMinutes(2));
		awaitTimeline(id, "update_due", entries -> entries.size() == 1);
		assertThat(events.of(IncidentUpdateDue.class, id(incident))).hasSize(1);

		clock.advance(Duration.ofMinutes(20));
		post("/api/v1/incidents/" + id + "/notes", responder, """
				{"text":"Provider is rolling back","statusUpdate":true}""", 201);
		clock.advance(Duration.ofMinutes(20));
		letTimersRun();
		assertThat(timeline(id, "update_due")).as("the update moved the next reminder").hasSize(1);

		clock.advance(Duration.ofMinutes(11));
		awaitTimeline(id, "update_due", entries -> entries.size() == 2);
	}

}
