package dev.watchkeeper.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.watchkeeper.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Escalation waits are persistent timers: a step that comes due while the process is dead
 * (killed with {@code kill -9}) fires after the restart, once; and two nodes on one
 * PostgreSQL page each step once, not once per node.
 */
class EscalationProcessTests {

	private static final String ADMIN_TOKEN = "wk_escalation-process-test-token-0123456789";

	/** The shortest step timeout a policy may have. */
	private static final Duration STEP = Duration.ofMinutes(1);

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private static Map<String, String> environment() {
		Map<String, String> env = new HashMap<>();
		env.put("WATCHKEEPER_ADMIN_EMAIL", "admin@example.com");
		env.put("WATCHKEEPER_ADMIN_PASSWORD", "a long enough admin password");
		env.put("WATCHKEEPER_ADMIN_TOKEN", ADMIN_TOKEN);
		env.put("WATCHKEEPER_TIMER_POLL_INTERVAL", "200ms");
		// nodes share the key that signs page links and seals channel secrets
		env.put("SECRET_KEY", "escalation-process-test-secret-key-0123456789abcdef");
		return env;
	}

	@Test
	void aStepThatComesDueWhileTheProcessIsDeadFiresOnceAfterTheRestart() throws Exception {
		Path dataDir = IntegrationTest.newDataDirectory();
		Map<String, String> env = environment();
		String incident;
		List<String> people;
		try (var first = WatchkeeperProcess.start(dataDir, env)) {
			first.awaitHealthy(Duration.ofSeconds(120));
			awaitAdminToken(first);
			people = List.of(user(first, "first"), user(first, "second"));
			incident = declareUnderTwoStepPolicy(first, people);
			awaitPages(first, incident, 1, Duration.ofSeconds(20));
			assertThat(timeline(first, incident, "escalated")).isEmpty();
			first.kill9();
		}
		// dead past the first step's timeout
		Thread.sleep(STEP.plusSeconds(5).toMillis() - 20_000);
		try (var second = WatchkeeperProcess.start(dataDir, env)) {
			second.awaitHealthy(Duration.ofSeconds(120));
			awaitPages(second, incident, 2, Duration.ofSeconds(60));
			Thread.sleep(2_000);
			assertThat(timeline(second, incident, "escalated")).as(second.output()).hasSize(1);
			List<JsonNode> pages = timeline(second, incident, "paged");
			assertThat(pages).hasSize(2);
			assertThat(pages.get(1).get("text").asString()).as("the second step pages the second person")
				.contains("Step 2 of 2");
		}
	}

	@Test
	void twoNodesOnOneDatabasePageEachStepOnce() throws Exception {
		Map<String, String> env = environment();
		try (var first = WatchkeeperProcess.start(IntegrationTest.newDataDirectory(), env)) {
			first.awaitHealthy(Duration.ofSeconds(120));
			awaitAdminToken(first);
			Matcher port = Pattern.compile("Embedded PostgreSQL started on 127\\.0\\.0\\.1:(\\d+)")
				.matcher(first.output());
			assertThat(port.find()).as(first.output()).isTrue();
			Map<String, String> secondEnv = new HashMap<>(env);
			secondEnv.put("DATABASE_URL", "postgresql://postgres@127.0.0.1:" + port.group(1) + "/postgres");
			try (var second = WatchkeeperProcess.start(IntegrationTest.newDataDirectory(), secondEnv)) {
				second.awaitHealthy(Duration.ofSeconds(120));
				List<String> people = List.of(user(first, "first"), user(first, "second"));
				String incident = declareUnderTwoStepPolicy(second, people);
				awaitPages(first, incident, 2, STEP.plusSeconds(40));
				// the second step's timeout ends the policy: nothing more, on either node
				Thread.sleep(3_000);
				assertThat(timeline(first, incident, "paged")).as("each person paged once").hasSize(2);
				assertThat(timeline(second, incident, "escalated")).as("one step change, not one per node").hasSize(1);
			}
		}
	}

	/** A user whose only contact method is their email; its id. */
	private String user(WatchkeeperProcess app, String name) throws Exception {
		String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
		var created = send(app, "POST", "/api/v1/users", """
				{"email":"%s@example.com","name":"%s","timeZone":"UTC","role":"responder",
				 "password":"a long enough password"}""".formatted(unique, capitalised(unique)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body()).get("id").asString();
	}

	private static String capitalised(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/**
	 * A team and service whose policy pages the first person, then after a minute the
	 * second; an incident declared for the service. Its id.
	 */
	private String declareUnderTwoStepPolicy(WatchkeeperProcess app, List<String> people) throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		var team = send(app, "POST", "/api/v1/teams", """
				{"slug":"team-%s","name":"Team %s","description":"escalation test"}""".formatted(run, run));
		assertThat(team.statusCode()).as(team.body()).isEqualTo(201);
		String teamId = json.readTree(team.body()).get("id").asString();
		var service = send(app, "POST", "/api/v1/services", """
				{"slug":"svc-%s","name":"Service %s","ownerTeamId":"%s","tier":2}""".formatted(run, run, teamId));
		assertThat(service.statusCode()).as(service.body()).isEqualTo(201);
		String serviceId = json.readTree(service.body()).get("id").asString();
		var policy = send(app, "POST", "/api/v1/escalation-policies", """
				{"name":"Two steps %s","repeat":0,"steps":[
				 {"targets":[{"kind":"user","ref":"%s"}],"timeout":"1m"},
				 {"targets":[{"kind":"user","ref":"%s"}],"timeout":"1m"}]}""".formatted(run, people.get(0),
				people.get(1)));
		assertThat(policy.statusCode()).as(policy.body()).isEqualTo(201);
		String policyId = json.readTree(policy.body()).get("id").asString();
		var assigned = send(app, "PUT", "/api/v1/escalation-policies/assignments/services/" + serviceId, """
				{"policyId":"%s"}""".formatted(policyId));
		assertThat(assigned.statusCode()).as(assigned.body()).isBetween(200, 204);
		var declared = send(app, "POST", "/api/v1/incidents", """
				{"title":"Checkout is down %s","severity":"SEV-1","serviceId":"%s"}""".formatted(run, serviceId));
		assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
		return json.readTree(declared.body()).get("id").asString();
	}

	private void awaitPages(WatchkeeperProcess app, String incident, int count, Duration limit) throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		while (timeline(app, incident, "paged").size() < count && System.nanoTime() < deadline) {
			Thread.sleep(250);
		}
		assertThat(timeline(app, incident, "paged")).as(app.output()).hasSize(count);
	}

	private List<JsonNode> timeline(WatchkeeperProcess app, String incident, String kind) throws Exception {
		var response = send(app, "GET", "/api/v1/incidents/" + incident + "/timeline", null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<JsonNode> entries = new ArrayList<>();
		for (JsonNode entry : json.readTree(response.body())) {
			if (kind.equals(entry.get("kind").asString())) {
				entries.add(entry);
			}
		}
		return entries;
	}

	private void awaitAdminToken(WatchkeeperProcess app) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (send(app, "GET", "/api/v1/me", null).statusCode() != 200 && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
	}

	private HttpResponse<String> send(WatchkeeperProcess app, String method, String path, String body)
			throws Exception {
		var request = HttpRequest.newBuilder(URI.create(app.url(path)))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
