package dev.watchkeeper.notification;

import java.time.Duration;
import java.util.UUID;

import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of notification tests: the app with fast retries (100 ms back-off base, 6 s until
 * giving up), the SMTP peer configured, and helpers to create channels and enqueue.
 */
@TestPropertySource(properties = { "watchkeeper.notification.poll-interval=200ms",
		"watchkeeper.notification.backoff-base=100ms", "watchkeeper.notification.backoff-max=1s",
		"watchkeeper.notification.max-retry-duration=6s", "watchkeeper.notification.lease=10s",
		"watchkeeper.notification.request-timeout=3s", "watchkeeper.notification.external-url=http://watchkeeper.test",
		"watchkeeper.notification.people.slack-channel=people-slack",
		"watchkeeper.notification.people.signing-secret=" + NotificationIntegrationTest.PEOPLE_SECRET })
@Import(DeliveryFailedRecorder.class)
abstract class NotificationIntegrationTest extends IntegrationTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	JsonMapper json;

	@Autowired
	Notifications notifications;

	@Autowired
	Deliveries deliveries;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeliveryFailedRecorder failures;

	/** Signs posts to people's webhooks and the SMS/voice gateway in these tests. */
	static final String PEOPLE_SECRET = "whsec_cGVvcGxlLXNpZ25pbmctc2VjcmV0LWZvci10ZXN0cw==";

	String manager;

	String viewer;

	@DynamicPropertySource
	static void smtpPeer(DynamicPropertyRegistry registry) {
		registry.add("watchkeeper.notification.smtp.host", () -> "127.0.0.1");
		registry.add("watchkeeper.notification.smtp.port", () -> NotificationTestPeers.SMTP.getSmtp().getPort());
		registry.add("watchkeeper.notification.smtp.from", () -> "watchkeeper@example.com");
		registry.add("watchkeeper.notification.people.gateway-url", () -> NotificationTestPeers.url("/sms-gateway"));
	}

	@BeforeEach
	void tokens() {
		manager = fixtures.token(Role.MANAGER);
		viewer = fixtures.token(Role.VIEWER);
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	JsonNode createChannel(String body) throws Exception {
		var response = send("POST", "/api/v1/channels", manager, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body());
	}

	/** Enqueues as routing does, in a transaction of its own; the delivery's id. */
	UUID enqueue(String channel, Notice notice, String key) {
		Boolean enqueued = transactions.execute(tx -> notifications.enqueue(channel, notice, key));
		assertThat(enqueued).isTrue();
		return jdbc.sql("SELECT id FROM notification_deliveries WHERE idempotency_key = :key")
			.param("key", key)
			.query(UUID.class)
			.single();
	}

	Delivery awaitFinished(UUID id, Duration timeout) throws Exception {
		NotificationTestPeers.await(timeout, () -> !"pending".equals(deliveries.get(id).status()));
		return deliveries.get(id);
	}

}
