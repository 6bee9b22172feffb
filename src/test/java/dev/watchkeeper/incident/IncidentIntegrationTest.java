package dev.watchkeeper.incident;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.TestClock;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the incident module's full-app tests: one shared context with a
 * {@link TestClock} the tests step forward, and timers polled every 100 ms.
 */
@Import({ TestClock.Setup.class, IncidentEventRecorder.class })
@TestPropertySource(properties = "db-scheduler.polling-interval=100ms")
abstract class IncidentIntegrationTest extends IntegrationTest {

	/** Long enough for a due timer to be polled and run. */
	static final Duration TIMER_LATENCY = Duration.ofSeconds(10);

	@Autowired
	TestClock clock;

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	JsonMapper json;

	@Autowired
	IncidentEventRecorder events;

	String viewer;

	String responder;

	String manager;

	@BeforeEach
	void tokens() {
		viewer = fixtures.token(Role.VIEWER);
		responder = fixtures.token(Role.RESPONDER);
		manager = fixtures.token(Role.MANAGER);
	}

	/** Declares through the API and returns the incident. */
	JsonNode declare(String severity, String title) throws Exception {
		var response = send("POST", "/api/v1/incidents", responder, """
				{"title":"%s","severity":"%s"}""".formatted(title, severity));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body());
	}

	JsonNode post(String path, String token, String body, int expected) throws Exception {
		var response = send("POST", path, token, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
		return json.readTree(response.body());
	}

	JsonNode get(String path) throws Exception {
		var response = send("GET", path, viewer, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	List<JsonNode> timeline(String incidentId, String kind) throws Exception {
		List<JsonNode> entries = new ArrayList<>();
		for (JsonNode entry : get("/api/v1/incidents/" + incidentId + "/timeline")) {
			if (kind == null || kind.equals(entry.get("kind").asString())) {
				entries.add(entry);
			}
		}
		return entries;
	}

	/** Polls the timeline until {@code done} holds for the entries of {@code kind}. */
	List<JsonNode> awaitTimeline(String incidentId, String kind, Predicate<List<JsonNode>> done) throws Exception {
		long deadline = System.nanoTime() + TIMER_LATENCY.toNanos();
		while (true) {
			List<JsonNode> entries = timeline(incidentId, kind);
			if (done.test(entries)) {
				return entries;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Waited " + TIMER_LATENCY.toSeconds() + " s for " + kind + " on " + incidentId
						+ "; the timeline has " + timeline(incidentId, null));
			}
			Thread.sleep(100);
		}
	}

	/** Lets several timer polls pass, for asserting that nothing fires. */
	static void letTimersRun() throws InterruptedException {
		Thread.sleep(800);
	}

	static UUID id(JsonNode incident) {
		return UUID.fromString(incident.get("id").asString());
	}

}
