package dev.watchkeeper.notification;

import java.time.Instant;
import java.util.UUID;

import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.platform.DomainException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationsEnqueueIntegrationTests extends IntegrationTest {

	@Autowired
	Notifications notifications;

	@Autowired
	ChannelStore channels;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	private String channel(boolean sendResolved) {
		String name = "Ops-" + UUID.randomUUID().toString().substring(0, 8);
		Instant now = Instant.now();
		// a closed port: whatever workers try fails and is retried later, the row stays
		channels.insert(new Channel(UUID.randomUUID(), name, "webhook", sendResolved, new ChannelConfig(
				"http://127.0.0.1:9/hook", null, null, "whsec_dGVzdHRlc3R0ZXN0dGVzdA==", null, null, null), now, now));
		return name;
	}

	private long rows(String key) {
		return jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE idempotency_key = :key")
			.param("key", key)
			.query(Long.class)
			.single();
	}

	@Test
	void enqueueWritesOneOutboxRowPerIdempotencyKeyInTheCallersTransaction() {
		String name = channel(true);
		String key = "key-" + UUID.randomUUID();
		Boolean first = transactions
			.execute(tx -> notifications.enqueue(name.toLowerCase(), NotificationFixtures.firing("g1", null), key));
		Boolean second = transactions
			.execute(tx -> notifications.enqueue(name, NotificationFixtures.firing("g1", null), key));
		assertThat(first).isTrue();
		assertThat(second).as("same idempotency key").isFalse();
		assertThat(rows(key)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT status FROM notification_deliveries WHERE idempotency_key = :key")
			.param("key", key)
			.query(String.class)
			.single()).isIn("pending", "failed");
	}

	@Test
	void aRolledBackDecisionLeavesNoDelivery() {
		String name = channel(true);
		String key = "key-" + UUID.randomUUID();
		transactions.executeWithoutResult(tx -> {
			notifications.enqueue(name, NotificationFixtures.firing("g2", null), key);
			tx.setRollbackOnly();
		});
		assertThat(rows(key)).isZero();
	}

	@Test
	void enqueueOutsideATransactionIsRefused() {
		String name = channel(true);
		assertThatThrownBy(() -> notifications.enqueue(name, NotificationFixtures.firing("g3", null), "k"))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void resolvedNoticesAreSkippedForChannelsThatDoNotWantThem() {
		String name = channel(false);
		String key = "key-" + UUID.randomUUID();
		Boolean enqueued = transactions
			.execute(tx -> notifications.enqueue(name, NotificationFixtures.resolved("g4"), key));
		assertThat(enqueued).isFalse();
		assertThat(rows(key)).isZero();
	}

	@Test
	void anUnknownChannelIsNotFound() {
		assertThatThrownBy(() -> transactions
			.execute(tx -> notifications.enqueue("no-such-channel", NotificationFixtures.firing("g5", null), "k")))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
	}

	@Test
	void aNoticeThatCannotBeRenderedIsRefusedAtEnqueue() {
		String name = channel(true);
		Notice good = NotificationFixtures.firing("g6", null);
		Notice broken = new Notice(" ", good.receiver(), "burning", good.groupLabels(), good.commonLabels(),
				good.commonAnnotations(), good.alerts(), good.link());
		assertThatThrownBy(() -> transactions.execute(tx -> notifications.enqueue(name, broken, "k-broken")))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.fieldErrors()).extracting(DomainException.FieldError::field)
						.containsExactly("notice.groupKey", "notice.status"));
		assertThat(rows("k-broken")).isZero();
	}

	@Test
	void channelNamesAreMatchedIgnoringCaseAndListedSorted() {
		String name = channel(true);
		assertThat(notifications.channelExists(name.toUpperCase())).isTrue();
		assertThat(notifications.channelExists("nope-" + UUID.randomUUID())).isFalse();
		assertThat(notifications.channelNames()).contains(name).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
	}

}
