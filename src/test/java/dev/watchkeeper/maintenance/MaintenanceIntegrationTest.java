package dev.watchkeeper.maintenance;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.TestClock;
import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceDraft;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the maintenance module's full-app tests: one shared context with a
 * {@link TestClock} the tests step forward, and timers polled every 100 ms.
 */
@Import({ TestClock.Setup.class, MaintenanceEventRecorder.class })
@TestPropertySource(
		properties = { "db-scheduler.polling-interval=100ms", "watchkeeper.alerting.dispatch.poll-interval=100ms" })
abstract class MaintenanceIntegrationTest extends IntegrationTest {

	/** Long enough for a due timer or alert group to be polled and handled. */
	static final Duration LATENCY = Duration.ofSeconds(15);

	@Autowired
	TestClock clock;

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	JsonMapper json;

	@Autowired
	Services services;

	@Autowired
	MaintenanceEventRecorder events;

	String viewer;

	String responder;

	String manager;

	@BeforeEach
	void tokens() {
		viewer = fixtures.token(Role.VIEWER);
		responder = fixtures.token(Role.RESPONDER);
		manager = fixtures.token(Role.MANAGER);
	}

	/** A new catalog service with a unique slug starting with {@code prefix}. */
	Service service(String prefix) {
		String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		return services.create(new ServiceDraft(slug, prefix, null, null, 2, null, List.of(),
				List.of(new Service.Environment("production", null))));
	}

	/** Waits, at most {@link #LATENCY}, until the condition holds. */
	static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + LATENCY.toNanos();
		while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(condition.getAsBoolean()).as(what).isTrue();
	}

}
