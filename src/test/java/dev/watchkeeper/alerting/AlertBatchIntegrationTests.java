package dev.watchkeeper.alerting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.watchkeeper.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch is merged in three statements; these tests hold it to the per-alert semantics:
 * a fingerprint twice in one batch, and many batches at once over the same new alerts.
 */
class AlertBatchIntegrationTests extends IntegrationTest {

	@Autowired
	Alerts alerts;

	@Autowired
	AlertGroupStore groups;

	@Autowired
	AlertingConfigs configs;

	private String run;

	@BeforeEach
	void setUp() {
		run = "run-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private PostableAlert alert(String instance, Instant endsAt) {
		return new PostableAlert(Map.of("alertname", "BatchTest", "run", run, "instance", instance),
				Map.of("runbook_url", "https://runbooks.example.com/batch"), null, endsAt, null);
	}

	@Test
	void anAlertTwiceInOneBatchMergesWithItsEarlierSelf() {
		var receipt = alerts.receive(List.of(alert("a", null), alert("a", Instant.now().minusSeconds(1))), "api");
		assertThat(receipt.fired()).isEqualTo(1);
		assertThat(receipt.resolved()).isEqualTo(1);
		assertThat(receipt.fingerprints()).hasSize(2).containsOnly(receipt.fingerprints().get(0));
		assertThat(alerts.find(receipt.fingerprints().get(0)).orElseThrow().firingAt(Instant.now())).isFalse();

		var again = alerts.receive(List.of(alert("b", null), alert("b", null), alert("a", null)), "api");
		assertThat(again.fired()).as("b is new once; a fires again after it was resolved").isEqualTo(2);
		assertThat(again.resolved()).isZero();
	}

	@Test
	void concurrentBatchesOverTheSameNewAlertsNeitherDeadlockNorFireTwice() throws Exception {
		List<PostableAlert> shared = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			shared.add(alert("host-" + i, null));
		}
		List<Future<Alerts.Receipt>> results = new ArrayList<>();
		try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
			for (int b = 0; b < 32; b++) {
				List<PostableAlert> batch = new ArrayList<>(shared);
				Collections.shuffle(batch, new Random(b));
				results.add(senders.submit(() -> alerts.receive(batch.subList(0, 40), "api")));
			}
			senders.shutdown();
			assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}
		int fired = 0;
		for (var result : results) {
			fired += result.get().fired();
		}
		int stored = alerts.list(Map.of("run", run), true, 1000).size();
		assertThat(fired).as("each alert fired exactly once over all batches").isEqualTo(stored);
		assertThat(stored).isBetween(40, 50);
	}

	@Test
	void requestsPostedAtOnceAreWrittenTogetherYetEachGetsItsOwnReceiptAndEachAlertFiresOnce() throws Exception {
		List<PostableAlert> shared = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			shared.add(alert("host-" + i, null));
		}
		List<List<PostableAlert>> posted = new ArrayList<>();
		List<Future<Alerts.Receipt>> results = new ArrayList<>();
		try (ExecutorService senders = Executors.newFixedThreadPool(16)) {
			for (int b = 0; b < 48; b++) {
				List<PostableAlert> batch = new ArrayList<>(shared);
				Collections.shuffle(batch, new Random(b));
				List<PostableAlert> request = List.copyOf(batch.subList(0, 10 + b % 30));
				posted.add(request);
				results.add(senders.submit(() -> alerts.intake(request, "api", Map.of("team", "intake"))));
			}
			senders.shutdown();
			assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}
		int fired = 0;
		for (int b = 0; b < results.size(); b++) {
			Alerts.Receipt receipt = results.get(b).get();
			assertThat(receipt.received()).isEqualTo(posted.get(b).size());
			var expected = posted.get(b).stream().map(a -> {
				var labels = new java.util.TreeMap<>(a.labels());
				labels.put("team", "intake");
				return Fingerprint.of(labels);
			}).toList();
			assertThat(receipt.fingerprints()).as("request %d is answered about its own alerts, in order", b)
				.containsExactlyElementsOf(expected);
			fired += receipt.fired();
		}
		List<Alert> stored = alerts.list(Map.of("run", run), true, 1000);
		assertThat(stored).allSatisfy(a -> assertThat(a.labels()).containsEntry("team", "intake"));
		assertThat(fired).as("each alert fired exactly once over all requests").isEqualTo(stored.size());
	}

	@Test
	void concurrentBatchesStartingAlertsOfTheSameGroupsInAnyOrderAllSucceed() throws Exception {
		String name = "GroupRace" + run.substring(4);
		// other tests of this context change the routing: group by service for this one
		configs.save(configs.defaultSource());
		List<Future<Alerts.Receipt>> results = new ArrayList<>();
		try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
			for (int b = 0; b < 32; b++) {
				List<PostableAlert> batch = new ArrayList<>();
				for (int s = 0; s < 12; s++) {
					// new alerts only (no shared fingerprint to queue on), in 12 shared
					// groups
					batch.add(new PostableAlert(
							Map.of("alertname", name, "service", "svc-" + s, "instance", "b" + b + "-" + s), Map.of(),
							null, null, null));
				}
				Collections.shuffle(batch, new Random(b));
				results.add(senders.submit(() -> alerts.receive(batch, "api")));
			}
			senders.shutdown();
			assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}
		for (var result : results) {
			assertThat(result.get().fired()).as("every batch is stored, none deadlocks").isEqualTo(12);
		}
		assertThat(groups.list(10_000).stream().filter(g -> name.equals(g.labels().get("alertname"))))
			.as("one group per service")
			.hasSize(12);
	}

}
