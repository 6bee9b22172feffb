package dev.watchkeeper.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The intake writer groups requests that wait while a write commits, answers each with
 * its own receipt, and keeps one request's failure from failing the others.
 */
class IntakeWriterTests {

	private final AlertIntake intake = mock(AlertIntake.class);

	private final List<List<String>> written = new CopyOnWriteArrayList<>();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final IntakeWriter writer = new IntakeWriter(intake, new TransactionTemplate(new NoTransactions()),
			new IntakeSettings(1, 2048), registry);

	@AfterEach
	void stop() {
		writer.stop();
	}

	private static AlertIntake.Batch batch(String source, String... fingerprints) {
		Instant now = Instant.parse("2026-11-24T12:00:00Z");
		return new AlertIntake.Batch(java.util.Arrays.stream(fingerprints)
			.map(fp -> new AlertIntake.Posted(fp, Map.of("alertname", fp), Map.of(), 0, now, now.plusSeconds(300),
					null))
			.toList(), source);
	}

	/** Each batch's receipt names its source as its only fingerprint. */
	private static List<Alerts.Receipt> receipts(List<AlertIntake.Batch> batches) {
		return batches.stream().map(b -> new Alerts.Receipt(1, 0, 0, List.of(b.source()))).toList();
	}

	/**
	 * Records the sources of every commit and holds the commit of the request named
	 * "first" until released.
	 */
	private final class HeldFirst {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		void enter(List<AlertIntake.Batch> batches) throws InterruptedException {
			written.add(batches.stream().map(AlertIntake.Batch::source).toList());
			if (batches.get(0).source().equals("first")) {
				started.countDown();
				release.await(10, TimeUnit.SECONDS);
			}
		}

	}

	@Test
	void requestsArrivingDuringACommitAreWrittenTogetherAndEachGetsItsOwnReceipt() throws Exception {
		HeldFirst held = new HeldFirst();
		when(intake.store(anyList())).thenAnswer(call -> {
			List<AlertIntake.Batch> batches = call.getArgument(0);
			held.enter(batches);
			return receipts(batches);
		});
		writer.start();
		try (ExecutorService senders = Executors.newFixedThreadPool(6)) {
			Future<Alerts.Receipt> first = senders.submit(() -> writer.write(batch("first")));
			assertThat(held.started.await(10, TimeUnit.SECONDS)).isTrue();
			List<Future<Alerts.Receipt>> waiting = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				String source = "waiting-" + i;
				waiting.add(senders.submit(() -> writer.write(batch(source))));
			}
			waitForQueued(5);
			held.release.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS).fingerprints()).containsExactly("first");
			for (int i = 0; i < 5; i++) {
				assertThat(waiting.get(i).get(10, TimeUnit.SECONDS).fingerprints()).containsExactly("waiting-" + i);
			}
		}
		assertThat(written).hasSize(2);
		assertThat(written.get(1)).as("the five that waited share one commit")
			.containsExactlyInAnyOrder("waiting-0", "waiting-1", "waiting-2", "waiting-3", "waiting-4");
		assertThat(registry.get("watchkeeper.alert.intake.requests.per.commit").summary().max()).isEqualTo(5);
	}

	@Test
	void awaitDrainedReturnsOnceNoRequestWaitsForAWriter() throws Exception {
		HeldFirst held = new HeldFirst();
		when(intake.store(anyList())).thenAnswer(call -> {
			List<AlertIntake.Batch> batches = call.getArgument(0);
			held.enter(batches);
			return receipts(batches);
		});
		writer.start();
		assertThat(writer.awaitDrained(Duration.ofMillis(10))).as("nothing waits").isTrue();
		try (ExecutorService senders = Executors.newFixedThreadPool(2)) {
			Future<Alerts.Receipt> first = senders.submit(() -> writer.write(batch("first")));
			assertThat(held.started.await(10, TimeUnit.SECONDS)).isTrue();
			Future<Alerts.Receipt> second = senders.submit(() -> writer.write(batch("second")));
			waitForQueued(1);
			assertThat(writer.awaitDrained(Duration.ofMillis(50))).as("the only writer is busy").isFalse();
			held.release.countDown();
			assertThat(writer.awaitDrained(Duration.ofSeconds(10))).as("the second was taken").isTrue();
			assertThat(first.get(10, TimeUnit.SECONDS).fingerprints()).containsExactly("first");
			assertThat(second.get(10, TimeUnit.SECONDS).fingerprints()).containsExactly("second");
		}
	}

	@Test
	void whenAGroupFailsEachRequestIsWrittenAloneSoOnlyTheBadOneFails() throws Exception {
		HeldFirst held = new HeldFirst();
		when(intake.store(anyList())).thenAnswer(call -> {
			List<AlertIntake.Batch> batches = call.getArgument(0);
			held.enter(batches);
			if (batches.stream().anyMatch(b -> b.source().equals("bad"))) {
				throw new IllegalStateException("the database refused the bad one");
			}
			return receipts(batches);
		});
		writer.start();
		try (ExecutorService senders = Executors.newFixedThreadPool(4)) {
			Future<Alerts.Receipt> first = senders.submit(() -> writer.write(batch("first")));
			assertThat(held.started.await(10, TimeUnit.SECONDS)).isTrue();
			Future<Alerts.Receipt> good = senders.submit(() -> writer.write(batch("good")));
			waitForQueued(1);
			Future<Alerts.Receipt> bad = senders.submit(() -> writer.write(batch("bad")));
			waitForQueued(2);
			Future<Alerts.Receipt> other = senders.submit(() -> writer.write(batch("other")));
			waitForQueued(3);
			held.release.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS).fingerprints()).containsExactly("first");
			assertThat(good.get(10, TimeUnit.SECONDS).fingerprints()).containsExactly("good");
			assertThat(other.get(10, TimeUnit.SECONDS).fingerprints()).containsExactly("other");
			assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
				.hasRootCauseMessage("the database refused the bad one");
		}
		assertThat(written).containsExactly(List.of("first"), List.of("good", "bad", "other"), List.of("good"),
				List.of("bad"), List.of("other"));
	}

	@Test
	void aSecondWriterTakesOnlyRequestsThatShareNoAlertWithTheGroupBeingWrittenAndKeepsTheirOrder() throws Exception {
		IntakeWriter two = new IntakeWriter(intake, new TransactionTemplate(new NoTransactions()),
				new IntakeSettings(2, 2048), registry);
		HeldFirst held = new HeldFirst();
		CountDownLatch otherWritten = new CountDownLatch(1);
		when(intake.store(anyList())).thenAnswer(call -> {
			List<AlertIntake.Batch> batches = call.getArgument(0);
			held.enter(batches);
			if (batches.stream().anyMatch(b -> b.source().equals("other"))) {
				otherWritten.countDown();
			}
			return receipts(batches);
		});
		two.start();
		try (ExecutorService senders = Executors.newFixedThreadPool(4)) {
			Future<Alerts.Receipt> first = senders.submit(() -> two.write(batch("first", "fp-a", "fp-b")));
			assertThat(held.started.await(10, TimeUnit.SECONDS)).isTrue();
			Future<Alerts.Receipt> same = senders.submit(() -> two.write(batch("same", "fp-b")));
			waitForQueued(two, 1);
			Future<Alerts.Receipt> after = senders.submit(() -> two.write(batch("after", "fp-b", "fp-c")));
			waitForQueued(two, 2);
			Future<Alerts.Receipt> other = senders.submit(() -> two.write(batch("other", "fp-d")));

			assertThat(otherWritten.await(10, TimeUnit.SECONDS))
				.as("a request sharing no alert is written while the first group still commits")
				.isTrue();
			assertThat(other.get(10, TimeUnit.SECONDS).fingerprints()).containsExactly("other");
			assertThat(same.isDone()).as("a request about an alert being written waits for that write").isFalse();
			assertThat(two.queued()).isEqualTo(2);

			held.release.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS).fingerprints()).containsExactly("first");
			assertThat(same.get(10, TimeUnit.SECONDS).fingerprints()).containsExactly("same");
			assertThat(after.get(10, TimeUnit.SECONDS).fingerprints()).containsExactly("after");
		}
		finally {
			two.stop();
		}
		assertThat(written).as("the two that share an alert with each other are written together, in order")
			.contains(List.of("same", "after"));
		List<String> order = written.stream().flatMap(List::stream).toList();
		assertThat(order).containsSubsequence("first", "same", "after");
		assertThat(order.indexOf("other")).isLessThan(order.indexOf("same"));
	}

	@Test
	void aWriterThatIsNotRunningTurnsRequestsAwayWithRetryAfter() {
		assertThatThrownBy(() -> writer.write(batch("early")))
			.isInstanceOfSatisfying(dev.watchkeeper.platform.DomainException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(dev.watchkeeper.platform.DomainException.Kind.RATE_LIMITED);
				assertThat(ex.retryAfter()).isPresent();
			});
	}

	/** Waits until this many requests wait in the writer's queue. */
	private void waitForQueued(int count) throws InterruptedException {
		waitForQueued(writer, count);
	}

	private static void waitForQueued(IntakeWriter writer, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (writer.queued() < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(writer.queued()).isEqualTo(count);
	}

	/** Commits nothing: the writer's grouping is under test, not a database. */
	private static final class NoTransactions extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

}
