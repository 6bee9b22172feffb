package dev.watchkeeper.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claiming as several nodes do, at once and after a crash. The deliveries here are due an
 * hour ahead so that this node's own worker leaves them alone; the claims pass that time
 * as "now".
 */
class DeliveryStoreIntegrationTests extends NotificationIntegrationTest {

	@Autowired
	DeliveryStore store;

	@Autowired
	ChannelStore channels;

	private Instant future() {
		return Instant.now().plus(Duration.ofHours(1));
	}

	private Set<UUID> enqueueAhead(int count, Instant due) {
		Instant now = Instant.now();
		var channel = new Channel(UUID.randomUUID(), unique("ahead"), "webhook", true,
				new ChannelConfig("http://127.0.0.1:9/x", null, null, "whsec_dGVzdHRlc3R0ZXN0dGVzdHRlc3R0ZXN0", null,
						null, null),
				now, now);
		channels.insert(channel);
		Set<UUID> ids = new HashSet<>();
		for (int i = 0; i < count; i++) {
			UUID id = UUID.randomUUID();
			transactions.executeWithoutResult(tx -> store.insert(id, channel, NotificationFixtures.firing("g", null),
					unique("k"), false, now, now.plus(Duration.ofDays(2))));
			ids.add(id);
		}
		jdbc.sql("UPDATE notification_deliveries SET next_attempt_at = :due WHERE id IN (:ids)")
			.param("due", Timestamp.from(due))
			.param("ids", List.copyOf(ids))
			.update();
		return ids;
	}

	@Test
	void workersClaimingAtOnceNeverGetTheSameDelivery() throws Exception {
		Instant due = future();
		Set<UUID> ids = enqueueAhead(60, due);
		Instant now = due.plusSeconds(1);
		List<Callable<List<UUID>>> workers = new ArrayList<>();
		for (int w = 0; w < 4; w++) {
			String owner = "worker-" + w;
			workers.add(() -> transactions.execute(tx -> store.claim(owner, now, now.plusSeconds(60), 20)
				.stream()
				.map(DeliveryStore.Claimed::id)
				.filter(ids::contains)
				.toList()));
		}
		List<UUID> claimed = new ArrayList<>();
		try (var pool = Executors.newFixedThreadPool(4)) {
			for (Future<List<UUID>> result : pool.invokeAll(workers)) {
				claimed.addAll(result.get());
			}
		}
		assertThat(claimed).doesNotHaveDuplicates();
		assertThat(claimed).hasSizeGreaterThanOrEqualTo(60 - 20);
	}

	@Test
	void aLeaseThatRanOutMakesTheDeliveryDueAgainAndTheOldOwnerCannotRecordIt() {
		Instant due = future();
		UUID id = enqueueAhead(1, due).iterator().next();
		Instant now = due.plusSeconds(1);
		assertThat(store.claim("crashed", now, now.plusSeconds(60), 500)).extracting(DeliveryStore.Claimed::id)
			.contains(id);
		assertThat(store.claim("other", now.plusSeconds(30), now.plusSeconds(90), 500))
			.extracting(DeliveryStore.Claimed::id)
			.as("leased")
			.doesNotContain(id);
		assertThat(store.claim("other", now.plusSeconds(61), now.plusSeconds(121), 500))
			.extracting(DeliveryStore.Claimed::id)
			.as("lease ran out")
			.contains(id);
		assertThat(store.finish(id, "crashed", "succeeded", null, null, now.plusSeconds(62))).isFalse();
		assertThat(store.finish(id, "other", "succeeded", null, null, now.plusSeconds(62))).isTrue();
		assertThat(deliveries.get(id).status()).isEqualTo("succeeded");
		assertThat(deliveries.get(id).attemptCount()).isEqualTo(1);
	}

}
