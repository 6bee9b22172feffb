package dev.watchkeeper.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.incident.IncidentEvents.ActionItemOverdue;
import dev.watchkeeper.incident.IncidentEvents.PostmortemReminderDue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Post-mortems from resolution to publication, with reminders and overdue action items.
 */
class PostmortemIntegrationTests extends IncidentIntegrationTest {

	@Test
	void resolvingASev2CreatesAPostmortemDueIn48HoursPrefilledWithTheTimeline() throws Exception {
		JsonNode incident = declare("SEV-2", "Orders stuck in pending");
		String path = "/api/v1/incidents/" + incident.get("id").asString();
		post(path + "/acknowledge", responder, null, 200);
		post(path + "/notes", responder, "{\"text\":\"Consumer lag on orders topic\"}", 201);
		clock.advance(Duration.ofMinutes(40));
		JsonNode resolved = post(path + "/resolve", responder, "{\"note\":\"Consumers restarted\"}", 200);

		assertThat(resolved.get("status").asString()).as("open until the post-mortem is published")
			.isEqualTo("resolved");
		JsonNode postmortem = get("/api/v1/postmortems/" + resolved.get("postmortemId").asString());
		assertThat(Instant.parse(postmortem.get("dueAt").asString()))
			.isEqualTo(Instant.parse(resolved.get("resolvedAt").asString()).plus(Duration.ofHours(48)));
		assertThat(postmortem.get("status").asString()).isEqualTo("draft");
		assertThat(postmortem.get("incidentReference").asString()).isEqualTo(incident.get("reference").asString());
		assertThat(postmortem.get("timeline").asString()).contains("Declared SEV-2: Orders stuck in pending")
			.contains("Consumer lag on orders topic")
			.contains("Resolved after 40 min: Consumers restarted")
			.contains(" UTC — ");
		assertThat(timeline(incident.get("id").asString(), "postmortem_created")).hasSize(1);
	}

	@Test
	void remindersComeBeforeAtAndAfterTheDueTimeUntilPublishedAndPublishingCloses() throws Exception {
		JsonNode incident = declare("SEV-1", "Data loss in uploads");
		String id = incident.get("id").asString();
		JsonNode resolved = post("/api/v1/incidents/" + id + "/resolve", responder, "{}", 200);
		String postmortem = "/api/v1/postmortems/" + resolved.get("postmortemId").asString();

		clock.advance(Duration.ofHours(23));
		letTimersRun();
		assertThat(timeline(id, "postmortem_reminder")).isEmpty();
		clock.advance(Duration.ofHours(2));
		assertThat(
				awaitTimeline(id, "postmortem_reminder", entries -> entries.size() == 1).get(0).get("text").asString())
			.startsWith("The post-mortem is due in 23 h");
		clock.advance(Duration.ofHours(24));
		assertThat(
				awaitTimeline(id, "postmortem_reminder", entries -> entries.size() == 2).get(1).get("text").asString())
			.startsWith("The post-mortem is 1 h overdue");
		assertThat(get(postmortem).get("overdue").asBoolean()).isTrue();

		var edited = send("PUT", postmortem, responder, """
				{"timeline":"09:00 upload bucket policy changed","rootCause":"","learnings":""}""");
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		assertThat(post(postmortem + "/status", responder, "{\"status\":\"in_review\"}", 200).get("status").asString())
			.isEqualTo("in_review");
		assertThat(post(postmortem + "/publish", responder, null, 403).get("detail").asString())
			.contains("manager role");
		JsonNode incomplete = post(postmortem + "/publish", manager, null, 422);
		assertThat(incomplete.get("errors").findValuesAsString("field")).containsExactly("rootCause", "learnings");
		assertThat(post("/api/v1/incidents/" + id + "/close", manager, null, 409).get("detail").asString())
			.contains("post-mortem published");

		send("PUT", postmortem, responder,
				"""
						{"timeline":"09:00 upload bucket policy changed","rootCause":"A policy change removed the retention rule",
						 "learnings":"Policy changes go through review"}""");
		JsonNode published = post(postmortem + "/publish", manager, null, 200);
		assertThat(published.get("status").asString()).isEqualTo("published");
		assertThat(get("/api/v1/incidents/" + id).get("status").asString()).isEqualTo("closed");
		assertThat(send("PUT", postmortem, responder, "{\"rootCause\":\"x\"}").statusCode()).isEqualTo(409);

		clock.advance(Duration.ofHours(30));
		letTimersRun();
		assertThat(timeline(id, "postmortem_reminder")).as("no reminder after publication").hasSize(2);
		assertThat(timeline(id, "reminder")).as("each reminder reached whoever declared it")
			.hasSize(2)
			.allSatisfy(entry -> assertThat(entry.get("text").asString()).startsWith("Reminded ")
				.contains("about the post-mortem by email"));
		assertThat(events.of(PostmortemReminderDue.class, id(incident))).hasSize(2);
	}

	@Test
	void anActionItemPastItsDueDateIsReportedOverdueOnce() throws Exception {
		User owner = fixtures.user(Role.RESPONDER);
		JsonNode incident = declare("SEV-2", "Cache stampede");
		String id = incident.get("id").asString();
		JsonNode resolved = post("/api/v1/incidents/" + id + "/resolve", responder, "{}", 200);
		String items = "/api/v1/postmortems/" + resolved.get("postmortemId").asString() + "/action-items";
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

		JsonNode late = post(items, responder, """
				{"title":"Add request coalescing","ownerId":"%s","dueDate":"%s"}""".formatted(owner.id(), today), 201);
		JsonNode done = post(items, responder, """
				{"title":"Write the runbook","ownerId":"%s","dueDate":"%s"}""".formatted(owner.id(), today), 201);
		var finished = send("PUT", items + "/" + done.get("id").asString(), responder, """
				{"title":"Write the runbook","ownerId":"%s","dueDate":"%s","status":"done"}""".formatted(owner.id(),
				today));
		assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
		assertThat(late.get("overdue").asBoolean()).isFalse();

		clock.advance(Duration.ofDays(1));
		var overdue = awaitTimeline(id, "action_item_overdue", entries -> !entries.isEmpty());
		assertThat(overdue).singleElement()
			.satisfies(entry -> assertThat(entry.get("text").asString())
				.isEqualTo("Action item overdue: Add request coalescing (" + owner.name() + ", due " + today + ")"));
		assertThat(events.of(ActionItemOverdue.class, id(incident))).singleElement()
			.satisfies(event -> assertThat(event.ownerId()).isEqualTo(owner.id().value()));
		// the owner is told, through their contact method (their email)
		var told = awaitTimeline(id, "reminder",
				entries -> entries.stream().anyMatch(e -> e.get("text").asString().contains("action item")));
		assertThat(told.stream().map(e -> e.get("text").asString()).filter(text -> text.contains("action item")))
			.containsExactly("Reminded " + owner.name()
					+ " about the overdue action item \"Add request coalescing\" by email (" + owner.email() + ")");
		var listed = json.readTree(send("GET", "/api/v1/action-items?overdue=true", viewer, null).body());
		assertThat(listed.findValuesAsString("id")).contains(late.get("id").asString())
			.doesNotContain(done.get("id").asString());

		clock.advance(Duration.ofDays(2));
		letTimersRun();
		assertThat(timeline(id, "action_item_overdue")).hasSize(1);
	}

	@Test
	void badActionItemsAreRefusedNamingTheFields() throws Exception {
		JsonNode incident = declare("SEV-1", "TLS certificate expired");
		JsonNode resolved = post("/api/v1/incidents/" + incident.get("id").asString() + "/resolve", responder, "{}",
				200);
		String items = "/api/v1/postmortems/" + resolved.get("postmortemId").asString() + "/action-items";
		JsonNode problem = post(items, responder, """
				{"title":"","ownerId":"%s"}""".formatted(UUID.randomUUID()), 422);
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("title", "ownerId", "dueDate");
		assertThat(post(items, responder, "{\"title\":\"x\",\"dueDate\":\"next week\"}", 422).get("errors")
			.get(0)
			.get("field")
			.asString()).isEqualTo("dueDate");
		assertThat(post(items, viewer, "{}", 403).get("detail").asString()).contains("responder role");
		assertThat(get("/api/v1/postmortems/" + resolved.get("postmortemId").asString()).get("actionItems")).isEmpty();
	}

}
