package dev.watchkeeper.monitoring.metrics;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;

import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.TestClock;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the scrape, rule and remote-write tests: one shared context whose clock the
 * tests step forward.
 */
@Import(TestClock.Setup.class)
public abstract class MetricsIntegrationTest extends IntegrationTest {

	@Autowired
	protected TestClock clock;

	@Autowired
	protected IdentityFixtures fixtures;

	@Autowired
	protected JsonMapper json;

	protected String viewer;

	protected String responder;

	protected String manager;

	@BeforeEach
	void metricsTokens() {
		viewer = fixtures.token(Role.VIEWER);
		responder = fixtures.token(Role.RESPONDER);
		manager = fixtures.token(Role.MANAGER);
	}

	/** The samples of an instant query now, through the Prometheus API. */
	protected JsonNode instant(String query) throws Exception {
		var response = send("GET", "/prometheus/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
				viewer, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).get("data").get("result");
	}

	/** Polls until {@code value} answers non-null; fails after {@code wait}. */
	protected static <T> T await(String what, Duration wait, Callable<T> value) throws Exception {
		long deadline = System.nanoTime() + wait.toNanos();
		T last = null;
		while (System.nanoTime() < deadline) {
			last = value.call();
			if (last != null) {
				return last;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Not within " + wait + ": " + what);
	}

}
