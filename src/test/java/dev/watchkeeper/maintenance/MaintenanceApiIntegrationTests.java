package dev.watchkeeper.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Scheduling, refusing, approving and cancelling windows over the API. */
class MaintenanceApiIntegrationTests extends MaintenanceIntegrationTest {

	String body(String slug, Instant start, Instant end, String extra) {
		return """
				{"title":"Database upgrade","description":"Read-only for a while","rollbackPlan":"Promote the old primary",
				 "services":["%s"],"startsAt":"%s","endsAt":"%s"%s}"""
			.formatted(slug, start, end, extra);
	}

	Instant inDays(int days) {
		return clock.instant().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.HOURS);
	}

	@Test
	void scheduledWorkIsSavedAndAnnouncedAndShowsAsScheduled() throws Exception {
		var db = service("db");
		Instant start = inDays(3);

		var created = send("POST", "/api/v1/maintenance/windows", responder,
				body(db.slug(), start, start.plus(Duration.ofHours(2)), ""));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode view = json.readTree(created.body());
		UUID id = UUID.fromString(view.get("window").get("id").asString());
		assertThat(view.get("state").asString()).isEqualTo("scheduled");
		assertThat(view.get("next").get("startsAt").asString()).isEqualTo(start.toString());
		assertThat(events.of(id)).containsExactly("WindowScheduled@" + start);

		var listed = send("GET", "/api/v1/maintenance/windows?state=open&service=" + db.slug(), viewer, null);
		assertThat(listed.body()).contains(id.toString());
	}

	@Test
	void refusalsSayWhyAndNameTheField() throws Exception {
		var db = service("db");
		Instant start = inDays(3);

		var backwards = send("POST", "/api/v1/maintenance/windows", responder,
				body(db.slug(), start, start.minus(Duration.ofHours(1)), ""));
		assertThat(backwards.statusCode()).isEqualTo(422);
		assertThat(backwards.body()).contains("\"endsAt\"").contains("must be after startsAt");

		var tooLong = send("POST", "/api/v1/maintenance/windows", responder,
				body(db.slug(), start, start.plus(Duration.ofHours(5)), ""));
		assertThat(tooLong.statusCode()).isEqualTo(422);
		assertThat(tooLong.body()).contains("lasts 5 h").contains("at most 4 h");

		Instant soon = clock.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
		var noNotice = send("POST", "/api/v1/maintenance/windows", responder,
				body(db.slug(), soon, soon.plus(Duration.ofHours(1)), ""));
		assertThat(noNotice.statusCode()).isEqualTo(422);
		assertThat(noNotice.body()).contains("\"startsAt\"").contains("48 h notice");

		var unknown = send("POST", "/api/v1/maintenance/windows", responder,
				body("no-such-service", start, start.plus(Duration.ofHours(1)), ""));
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(unknown.body()).contains("services[0]").contains("no service 'no-such-service'");

		var garbled = send("POST", "/api/v1/maintenance/windows", responder, "{\"title\":\"x\",\"startsAt\":\"soon\"}");
		assertThat(garbled.statusCode()).isEqualTo(400);

		assertThat(send("GET", "/api/v1/maintenance/windows?service=" + db.slug(), viewer, null).body())
			.as("nothing half-written")
			.contains("\"total\":0");
	}

	@Test
	void emergencyWorkWaitsForAManagersApprovalWhichIsRecordedWithAFollowUp() throws Exception {
		var db = service("db");
		Instant start = clock.instant().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
		Instant end = start.plus(Duration.ofHours(1));

		var requested = send("POST", "/api/v1/maintenance/windows", responder, body(db.slug(), start, end,
				",\"emergency\":true,\"emergencyReason\":\"The certificate expires in an hour\""));
		assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
		UUID id = UUID.fromString(json.readTree(requested.body()).get("window").get("id").asString());
		assertThat(json.readTree(requested.body()).get("state").asString()).isEqualTo("awaiting approval");
		assertThat(events.of(id)).as("does nothing yet").isEmpty();

		var byResponder = send("POST", "/api/v1/maintenance/windows/" + id + "/approve", responder, "{}");
		assertThat(byResponder.statusCode()).isEqualTo(403);

		var approved = send("POST", "/api/v1/maintenance/windows/" + id + "/approve", manager,
				"{\"note\":\"CHG-2211\"}");
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		JsonNode view = json.readTree(approved.body());
		assertThat(view.get("window").get("approval").asString()).isEqualTo("approved");
		assertThat(view.get("window").get("decisionNote").asString()).isEqualTo("CHG-2211");
		assertThat(view.get("followUp").get("dueAt").asString()).isEqualTo(end.plus(Duration.ofHours(48)).toString());
		assertThat(events.of(id)).containsExactly("WindowScheduled@" + start);

		var again = send("POST", "/api/v1/maintenance/windows/" + id + "/approve", manager, "{}");
		assertThat(again.statusCode()).isEqualTo(409);

		var done = send("POST", "/api/v1/maintenance/windows/" + id + "/follow-up/done", responder,
				"{\"note\":\"https://wiki.example.com/pm/cert\"}");
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(json.readTree(done.body()).get("doneAt").isNull()).isFalse();
	}

	@Test
	void aCancelledWindowIsAnnouncedAsCancelledAndCannotChange() throws Exception {
		var db = service("db");
		Instant start = inDays(4);
		var created = send("POST", "/api/v1/maintenance/windows", responder,
				body(db.slug(), start, start.plus(Duration.ofHours(1)), ""));
		UUID id = UUID.fromString(json.readTree(created.body()).get("window").get("id").asString());
		var refused = send("DELETE", "/api/v1/services/" + db.slug(), manager, null);
		assertThat(refused.statusCode()).as("a service named by a window to come is not deleted").isEqualTo(409);
		assertThat(refused.body()).contains("service-in-use").contains("1 maintenance window to come or in force");

		var cancelled = send("POST", "/api/v1/maintenance/windows/" + id + "/cancel", responder, null);

		assertThat(json.readTree(cancelled.body()).get("state").asString()).isEqualTo("cancelled");
		assertThat(events.of(id)).containsExactly("WindowScheduled@" + start, "WindowCancelled@" + start);
		var changed = send("PUT", "/api/v1/maintenance/windows/" + id, responder,
				body(db.slug(), start, start.plus(Duration.ofHours(2)), ""));
		assertThat(changed.statusCode()).isEqualTo(409);
		assertThat(send("DELETE", "/api/v1/services/" + db.slug(), manager, null).statusCode())
			.as("a cancelled window does not hold its services")
			.isEqualTo(204);
	}

	@Test
	void anIcalendarRruleIsImportedAsARecurringWindowInItsZone() throws Exception {
		var db = service("db");
		int year = clock.instant().atZone(java.time.ZoneOffset.UTC).getYear() + 1;
		String ics = """
				BEGIN:VCALENDAR
				VERSION:2.0
				PRODID:-//Example//Changes//EN
				BEGIN:VEVENT
				UID:monthly@example.com
				DTSTAMP:20261124T120000Z
				SUMMARY:Monthly database maintenance
				DTSTART;TZID=Europe/Berlin:%d0103T030000
				DURATION:PT3H
				RRULE:FREQ=MONTHLY;BYDAY=1SU
				END:VEVENT
				END:VCALENDAR
				""".formatted(year).replace("\n", "\r\n");

		var imported = send("POST",
				"/api/v1/maintenance/windows/import?service=" + db.slug() + "&rollbackPlan=Fail%20back", responder,
				ics);

		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
		JsonNode window = json.readTree(imported.body()).get(0).get("window");
		assertThat(window.get("kind").asString()).isEqualTo("rrule");
		assertThat(window.get("timeZone").asString()).isEqualTo("Europe/Berlin");
		var summer = json
			.readTree(send("GET", "/api/v1/maintenance/windows/" + window.get("id").asString() + "/occurrences?from="
					+ year + "-07-01T00:00:00Z&to=" + year + "-07-31T00:00:00Z", viewer, null)
				.body());
		assertThat(summer.get(0).get("startsAt").asString()).as("03:00 in Berlin in summer").endsWith("T01:00:00Z");

		var garbage = send("POST", "/api/v1/maintenance/windows/import?service=" + db.slug() + "&rollbackPlan=x",
				responder, "not a calendar");
		assertThat(garbage.statusCode()).isEqualTo(422);
		assertThat(garbage.body()).contains("\"calendar\"");
	}

	@Test
	void thePolicyAndTheHandbooksDefaultWindowAreData() throws Exception {
		var policy = json.readTree(send("GET", "/api/v1/maintenance/policy", viewer, null).body());

		assertThat(policy.get("maxDuration").asString()).isEqualTo("PT4H");
		assertThat(policy.get("minNotice").asString()).isEqualTo("PT48H");
		assertThat(policy.get("defaultWindow").toString()).contains("sunday")
			.contains("1:7")
			.contains("02:00")
			.contains("06:00");
	}

}
