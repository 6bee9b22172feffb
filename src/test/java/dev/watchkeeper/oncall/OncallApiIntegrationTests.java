package dev.watchkeeper.oncall;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.OrgRoles;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.Team;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.identity.User;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class OncallApiIntegrationTests extends IntegrationTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	Teams teams;

	@Autowired
	OrgRoles orgRoles;

	@Autowired
	JsonMapper json;

	private String manager;

	private String responder;

	private String viewer;

	private User ada;

	private User bob;

	private Team team;

	@BeforeEach
	void setUp() {
		manager = fixtures.token(Role.MANAGER);
		responder = fixtures.token(Role.RESPONDER);
		viewer = fixtures.token(Role.VIEWER);
		ada = fixtures.user(Role.RESPONDER);
		bob = fixtures.user(Role.RESPONDER);
		User lead = fixtures.user(Role.MANAGER);
		String slug = "core-" + UUID.randomUUID().toString().substring(0, 8);
		team = teams.create(new Teams.TeamDraft(slug, "Core " + slug, null, lead.id(), null, List.of()));
	}

	/**
	 * Primary weekly on Monday 09:00 Berlin (Ada, then Bob); secondary business hours
	 * (Bob, then Ada).
	 */
	private String schedule(String start, String zone) {
		return """
				{"name":"Core platform","teamId":"%s","timeZone":"%s","layers":[
				  {"name":"Primary","participants":["%s","%s"],"shift":"weekly","handoffDay":"monday","handoffTime":"09:00",
				   "startDate":"%s"},
				  {"name":"Secondary","participants":["%s","%s"],"shift":"weekly","handoffDay":"monday","handoffTime":"09:00",
				   "startDate":"%s","restrictions":[{"days":["mon","tue","wed","thu","fri"],"start":"09:00","end":"17:00"}]}]}"""
			.formatted(team.id(), zone, ada.id(), bob.id(), start, bob.id(), ada.id(), start);
	}

	private JsonNode body(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	private List<String> fields(HttpResponse<String> response) {
		List<String> fields = new ArrayList<>();
		body(response).get("errors").forEach(error -> fields.add(error.get("field").asString()));
		return fields;
	}

	private String create(String body) throws Exception {
		var created = send("POST", "/api/v1/schedules", manager, body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return body(created).get("id").asString();
	}

	@Test
	void aManagerCreatesAScheduleAndEveryoneSeesItsShiftsAndWhoIsOnCall() throws Exception {
		assertThat(send("POST", "/api/v1/schedules", responder, schedule("2030-01-07", "Europe/Berlin")).statusCode())
			.as("responders do not edit schedules")
			.isEqualTo(403);
		String id = create(schedule("2030-01-07", "Europe/Berlin"));

		var shifts = send("GET", "/api/v1/schedules/" + id + "/shifts?from=2030-01-07T08:00:00Z&weeks=2", viewer, null);
		assertThat(shifts.statusCode()).as(shifts.body()).isEqualTo(200);
		JsonNode primary = body(shifts).get("shifts");
		assertThat(primary.get(0).get("user").get("email").asString()).isEqualTo(ada.email());
		assertThat(primary.get(0).get("end").asString()).isEqualTo("2030-01-14T08:00:00Z");
		assertThat(primary.get(1).get("user").get("email").asString()).isEqualTo(bob.email());
		assertThat(body(shifts).get("warnings").toString()).as("nights and weekends have only the primary")
			.doesNotContain("\"gap\"");

		var now = send("GET", "/api/v1/oncall?team=" + team.slug() + "&at=2030-01-08T10:00:00Z", viewer, null);
		assertThat(now.statusCode()).as(now.body()).isEqualTo(200);
		JsonNode people = body(now).get("teams").get(0).get("people");
		assertThat(people.get(0).get("email").asString()).as("primary first").isEqualTo(ada.email());
		assertThat(people.get(1).get("email").asString()).isEqualTo(bob.email());

		var night = send("GET", "/api/v1/schedules/" + id + "/on-call?at=2030-01-08T20:00:00Z", viewer, null);
		assertThat(body(night).get("layers").get(1).has("user")).as("secondary is business hours only").isFalse();

		var lead = send("GET", "/api/v1/oncall/resolve?kind=team_role&ref=lead&team=" + team.slug(), viewer, null);
		assertThat(body(lead).get(0).get("id").asString()).isEqualTo(team.leadId().toString());
		var onCall = send("GET",
				"/api/v1/oncall/resolve?kind=team_role&ref=on_call&team=" + team.id() + "&at=2030-01-15T10:00:00Z",
				viewer, null);
		assertThat(body(onCall).get(0).get("email").asString()).as("the second week is Bob's").isEqualTo(bob.email());
	}

	@Test
	void badSchedulesAreRefusedNamingTheField() throws Exception {
		var zone = send("POST", "/api/v1/schedules", manager, schedule("2030-01-07", "Mars/Olympus_Mons"));
		assertThat(zone.statusCode()).isEqualTo(422);
		assertThat(fields(zone)).containsExactly("timeZone");

		String gap = schedule("2030-01-07", "Europe/Berlin").replace(
				"\"shift\":\"weekly\",\"handoffDay\":\"monday\"," + "\"handoffTime\":\"09:00\",\n   \"startDate\"",
				"\"shift\":\"daily\",\"handoffTime\":\"02:30\",\"startDate\"");
		var dst = send("POST", "/api/v1/schedules", manager, gap);
		assertThat(dst.statusCode()).as(dst.body()).isEqualTo(422);
		assertThat(fields(dst)).as("both layers hand off daily at 02:30")
			.containsExactly("layers[0].handoffTime", "layers[1].handoffTime");
		assertThat(dst.body()).contains("2030-03-31").contains("daylight saving");

		var unknown = send("POST", "/api/v1/schedules", manager,
				schedule("2030-01-07", "UTC").replace(ada.id().toString(), UUID.randomUUID().toString()));
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(fields(unknown)).containsExactly("layers[0].participants[0]", "layers[1].participants[1]");

		var empty = send("POST", "/api/v1/schedules", manager, "{\"name\":\"\",\"layers\":[]}");
		assertThat(fields(empty)).containsExactly("name", "layers");
		assertThat(send("GET", "/api/v1/schedules?team=" + team.slug(), viewer, null).body()).as("nothing half-written")
			.contains("\"total\":0");
	}

	@Test
	void respondersCreateOverridesThatTakePrecedenceAndAreAudited() throws Exception {
		String id = create(schedule("2030-01-07", "Europe/Berlin"));
		User carol = fixtures.user(Role.RESPONDER);
		String override = """
				{"layer":"1","userId":"%s","coveredUserId":"%s","start":"2030-01-08T18:00","end":"2030-01-09T09:00",
				 "note":"covers the evening"}""".formatted(carol.id(), ada.id());
		assertThat(send("POST", "/api/v1/schedules/" + id + "/overrides", viewer, override).statusCode())
			.isEqualTo(403);

		var backwards = send("POST", "/api/v1/schedules/" + id + "/overrides", responder,
				override.replace("2030-01-09T09:00", "2030-01-08T17:00"));
		assertThat(backwards.statusCode()).isEqualTo(422);
		assertThat(fields(backwards)).containsExactly("end");

		var created = send("POST", "/api/v1/schedules/" + id + "/overrides", responder, override);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(body(created).get("start").asString()).as("read in Berlin time").isEqualTo("2030-01-08T17:00:00Z");

		var covered = send("GET", "/api/v1/schedules/" + id + "/on-call?at=2030-01-08T17:00:00Z", viewer, null);
		assertThat(body(covered).get("layers").get(0).get("user").get("email").asString()).isEqualTo(carol.email());
		var after = send("GET", "/api/v1/schedules/" + id + "/on-call?at=2030-01-09T08:00:00Z", viewer, null);
		assertThat(body(after).get("layers").get(0).get("user").get("email").asString()).isEqualTo(ada.email());

		String admin = fixtures.token(Role.ADMIN);
		var audit = send("GET", "/api/v1/audit?action=override.created", admin, null);
		assertThat(audit.body()).contains(body(created).get("id").asString());
		assertThat(send("GET", "/api/v1/audit?action=schedule.created", admin, null).body()).contains(id);

		String overrideId = body(created).get("id").asString();
		assertThat(send("DELETE", "/api/v1/schedules/" + id + "/overrides/" + overrideId, responder, null).statusCode())
			.isEqualTo(204);
		var back = send("GET", "/api/v1/schedules/" + id + "/on-call?at=2030-01-08T17:00:00Z", viewer, null);
		assertThat(body(back).get("layers").get(0).get("user").get("email").asString()).isEqualTo(ada.email());
	}

	@Test
	void theHandbookDefaultPolicyAndItsValidation() throws Exception {
		var fallback = send("GET", "/api/v1/escalation-policies/effective?team=" + team.id(), viewer, null);
		assertThat(fallback.statusCode()).isEqualTo(200);
		JsonNode steps = body(fallback).get("steps");
		assertThat(steps).hasSize(4);
		assertThat(steps.get(0).get("targets").get(0).get("ref").asString()).isEqualTo("on_call");
		assertThat(steps.get(3).get("targets").get(0).get("ref").asString()).isEqualTo("CTO");
		assertThat(steps.get(0).get("timeout").asString()).isEqualTo("5m");

		String scheduleId = create(schedule("2030-01-07", "UTC"));
		String bad = """
				{"name":"Broken","repeat":12,"steps":[
				  {"targets":[],"timeout":"5m"},
				  {"targets":[{"kind":"user","ref":"%s"}],"timeout":"0m"},
				  {"targets":[{"kind":"schedule","ref":"%s"},{"kind":"org_role","ref":"Chief Happiness Officer"}],"timeout":"-5m"},
				  {"targets":[{"kind":"team_role","ref":"intern"}],"timeout":"1h"}]}"""
			.formatted(UUID.randomUUID(), UUID.randomUUID());
		var refused = send("POST", "/api/v1/escalation-policies", manager, bad);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(fields(refused)).containsExactly("repeat", "steps[0].targets", "steps[1].timeout",
				"steps[1].targets[0].ref", "steps[2].timeout", "steps[2].targets[0].ref", "steps[2].targets[1].ref",
				"steps[3].targets[0].ref");

		String good = """
				{"name":"Core %s","repeat":2,"steps":[
				  {"targets":[{"kind":"schedule","ref":"%s"}],"timeout":"5m"},
				  {"targets":[{"kind":"user","ref":"%s"},{"kind":"org_role","ref":"cto"}],"timeout":"PT15M"}]}"""
			.formatted(team.slug(), scheduleId, bob.id());
		assertThat(send("POST", "/api/v1/escalation-policies", responder, good).statusCode()).isEqualTo(403);
		var created = send("POST", "/api/v1/escalation-policies", manager, good);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String policyId = body(created).get("id").asString();
		assertThat(body(created).get("steps").get(1).get("targets").get(1).get("ref").asString())
			.as("the role's stored spelling")
			.isEqualTo("CTO");

		assertThat(send("PUT", "/api/v1/escalation-policies/assignments/teams/" + team.id(), manager,
				"{\"policyId\":\"" + policyId + "\"}")
			.statusCode()).isEqualTo(204);
		var effective = send("GET", "/api/v1/escalation-policies/effective?team=" + team.id(), viewer, null);
		assertThat(body(effective).get("id").asString()).isEqualTo(policyId);
		assertThat(body(effective).get("repeat").asInt()).isEqualTo(2);

		var inUse = send("DELETE", "/api/v1/escalation-policies/" + policyId, manager, null);
		assertThat(inUse.statusCode()).isEqualTo(409);
		var scheduleInUse = send("DELETE", "/api/v1/schedules/" + scheduleId, manager, null);
		assertThat(scheduleInUse.statusCode()).isEqualTo(409);
		assertThat(scheduleInUse.body()).contains("Core " + team.slug());
		var builtIn = send("PUT", "/api/v1/escalation-policies/" + EscalationPolicies.DEFAULT_POLICY_ID, manager, good);
		assertThat(builtIn.statusCode()).isEqualTo(409);

		assertThat(send("DELETE", "/api/v1/escalation-policies/assignments/teams/" + team.id(), manager, null)
			.statusCode()).isEqualTo(204);
		assertThat(send("DELETE", "/api/v1/escalation-policies/" + policyId, manager, null).statusCode())
			.isEqualTo(204);
	}

	@Test
	void respondersSetTheirOwnNotificationRulesAndOnlyTheirOwn() throws Exception {
		User me = fixtures.user(Role.RESPONDER);
		String token = fixtures.token(me);
		var defaults = send("GET", "/api/v1/users/" + me.id() + "/notification-rules", viewer, null);
		assertThat(body(defaults).get("usesDefault").asBoolean()).isTrue();
		assertThat(body(defaults).get("plan").get(0).get("kind").asString()).isEqualTo("email");
		assertThat(body(defaults).get("plan").get(0).get("delaySeconds").asLong()).isZero();

		var refused = send("PUT", "/api/v1/users/" + me.id() + "/notification-rules", token,
				"{\"rules\":[{\"kind\":\"sms\",\"delay\":\"5m\"},{\"kind\":\"email\",\"delay\":\"25h\"}]}");
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(fields(refused)).containsExactly("rules[0].kind", "rules[1].delay");

		var set = send("PUT", "/api/v1/users/" + me.id() + "/notification-rules", token,
				"{\"rules\":[{\"kind\":\"email\",\"delay\":\"10m\"}]}");
		assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
		assertThat(body(set).get("plan").get(0).get("delaySeconds").asLong()).isEqualTo(600);

		assertThat(send("PUT", "/api/v1/users/" + ada.id() + "/notification-rules", token,
				"{\"rules\":[{\"kind\":\"email\",\"delay\":\"10m\"}]}")
			.statusCode()).as("someone else's").isEqualTo(403);
		assertThat(send("DELETE", "/api/v1/users/" + me.id() + "/notification-rules", fixtures.token(Role.ADMIN), null)
			.statusCode()).as("an admin resets anyone's").isEqualTo(204);
		assertThat(
				body(send("GET", "/api/v1/users/" + me.id() + "/notification-rules", viewer, null)).get("usesDefault")
					.asBoolean())
			.isTrue();
	}

	@Test
	void theICalFeedParsesMatchesTheShiftsAndDiesWhenRotated() throws Exception {
		String today = Instant.now().truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10);
		String id = create(schedule(today, "America/New_York"));
		assertThat(send("GET", "/api/v1/schedules/" + id + "/feed", viewer, null).statusCode()).isEqualTo(404);
		assertThat(send("POST", "/api/v1/schedules/" + id + "/feed", viewer, null).statusCode()).isEqualTo(403);
		var made = send("POST", "/api/v1/schedules/" + id + "/feed", manager, null);
		assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
		String url = body(made).get("url").asString();
		assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/oncall/ical/[A-Za-z0-9_-]{43}\\.ics");
		assertThat(body(send("GET", "/api/v1/schedules/" + id + "/feed", viewer, null)).get("url").asString())
			.isEqualTo(url);

		var feed = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.headers().firstValue("Content-Type"))
			.hasValueSatisfying(v -> assertThat(v).startsWith("text/calendar"));
		Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
		calendar.validate();
		List<String> fromFeed = new ArrayList<>();
		for (Object component : calendar.getComponents(Component.VEVENT)) {
			VEvent event = (VEvent) component;
			fromFeed.add(Instant.from(event.<Temporal>getStartDate().orElseThrow().getDate()) + "/"
					+ Instant.from(event.<Temporal>getEndDate().orElseThrow().getDate()) + " "
					+ event.getSummary().getValue());
		}
		Instant from = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(14, ChronoUnit.DAYS);
		var shifts = send("GET", "/api/v1/schedules/" + id + "/shifts?from=" + from + "&weeks=14", viewer, null);
		List<String> fromApi = new ArrayList<>();
		body(shifts).get("shifts")
			.forEach(s -> fromApi
				.add(Instant.parse(s.get("start").asString()) + "/" + Instant.parse(s.get("end").asString()) + " "
						+ s.get("user").get("name").asString() + " on call (" + s.get("layerName").asString() + ")"));
		assertThat(fromFeed).isNotEmpty().containsExactlyInAnyOrderElementsOf(fromApi);

		var rotated = send("POST", "/api/v1/schedules/" + id + "/feed", manager, null);
		assertThat(body(rotated).get("url").asString()).isNotEqualTo(url);
		var old = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(old.statusCode()).as("the old link is dead").isEqualTo(404);

		// guessing links: after the limit (20 misses) the address gets 429 for every link
		int status = 0;
		for (int i = 0; i < 25 && status != 429; i++) {
			status = http
				.send(HttpRequest.newBuilder(URI.create(url.replaceAll("ical/.*", "ical/" + "x".repeat(43) + ".ics")))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		assertThat(status).isEqualTo(429);
	}

}
