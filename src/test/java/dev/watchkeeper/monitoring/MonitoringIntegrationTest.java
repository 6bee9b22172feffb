package dev.watchkeeper.monitoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.TestClock;
import dev.watchkeeper.alerting.Alert;
import dev.watchkeeper.alerting.Alerts;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the monitoring module's full-app tests: one shared context with a
 * {@link TestClock}, timers polled every 100 ms, one-second check intervals allowed and a
 * 64 KB body cap.
 */
@Import(TestClock.Setup.class)
@TestPropertySource(properties = { "db-scheduler.polling-interval=100ms", "watchkeeper.monitoring.min-interval=1s",
		"watchkeeper.monitoring.write-interval=100ms", "watchkeeper.monitoring.body-limit=64KB",
		"watchkeeper.monitoring.ping-body-limit=1KB" })
abstract class MonitoringIntegrationTest extends IntegrationTest {

	static final Duration PATIENCE = Duration.ofSeconds(15);

	@Autowired
	TestClock clock;

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	JsonMapper json;

	@Autowired
	Alerts alerts;

	private final List<String> created = new ArrayList<>();

	String viewer;

	String manager;

	@BeforeEach
	void tokens() {
		viewer = fixtures.token(Role.VIEWER);
		manager = fixtures.token(Role.MANAGER);
	}

	/** A new service running in production, with a runbook; returns its slug. */
	String service() throws Exception {
		String slug = "svc-" + UUID.randomUUID().toString().substring(0, 8);
		var response = send("POST", "/api/v1/services", manager, """
				{"slug":"%s","name":"%s","runbookUrl":"https://runbooks.example.com/%s",
				 "environments":[{"name":"production","url":"https://example.com"}]}""".formatted(slug, slug, slug));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return slug;
	}

	JsonNode create(String body) throws Exception {
		var response = send("POST", "/api/v1/checks", manager, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode check = json.readTree(response.body());
		created.add(check.get("id").asString());
		return check;
	}

	/** Checks of a test stop running after it, so they do not load the next. */
	@AfterEach
	void deleteChecks() throws Exception {
		for (String id : created) {
			send("DELETE", "/api/v1/checks/" + id, manager, null);
		}
		created.clear();
	}

	JsonNode get(String path) throws Exception {
		var response = send("GET", path, viewer, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	/** Polls the check until {@code done} holds, at most {@link #PATIENCE}. */
	JsonNode awaitCheck(String id, Predicate<JsonNode> done, String what) throws Exception {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (true) {
			JsonNode check = get("/api/v1/checks/" + id);
			if (done.test(check)) {
				return check;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s for " + what + "; the check is " + check
						+ " with results " + get("/api/v1/checks/" + id + "/results?limit=5"));
			}
			Thread.sleep(100);
		}
	}

	static boolean status(JsonNode check, String status) {
		return status.equals(check.get("state").get("status").asString());
	}

	/** The alerts of a check by its labels, firing or not. */
	List<Alert> alertsOf(String service, String check) {
		return alerts.list(Map.of("service", service, "check", check), null, 10);
	}

}
