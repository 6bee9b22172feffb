package dev.watchkeeper.alerting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.watchkeeper.platform.DomainException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the requests that arrive while an earlier write commits together, in one
 * transaction: a durable commit, the locks and the statements are then paid once for all
 * of them instead of once each, and a busy sender's refreshes of the same alerts collapse
 * into one row update. Nothing waits to form a group: an idle writer takes the first
 * request at once, so a lone request is as fast as before. Each caller waits for the
 * commit of its own request, gets its own receipt, and is answered only once its alerts
 * are on disk.
 *
 * <p>
 * A group fails as a whole only when the database does; then each of its requests is
 * written alone, so one request cannot fail another.
 */
@Component
class IntakeWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IntakeWriter.class);

	/** How long a caller waits for its commit before it is told to try again. */
	private static final Duration WAIT = Duration.ofSeconds(30);

	private final AlertIntake intake;

	private final TransactionTemplate transactions;

	private final IntakeSettings settings;

	private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private final List<Thread> threads = new ArrayList<>();

	private final DistributionSummary requestsPerCommit;

	private volatile boolean running;

	IntakeWriter(AlertIntake intake, TransactionTemplate transactions, IntakeSettings settings,
			MeterRegistry registry) {
		this.intake = intake;
		this.transactions = transactions;
		this.settings = settings;
		this.requestsPerCommit = DistributionSummary.builder("watchkeeper.alert.intake.requests.per.commit")
			.description("How many posted alert requests one intake transaction wrote")
			.register(registry);
	}

	/** A request waiting for its write. */
	private record Pending(AlertIntake.Batch batch, CompletableFuture<Alerts.Receipt> result) {
	}

	/**
	 * Stores the batch with whatever else is waiting and returns its receipt once
	 * committed.
	 */
	Alerts.Receipt write(AlertIntake.Batch batch) {
		if (!running) {
			throw busy("Alert intake is starting or stopping");
		}
		Pending pending = new Pending(batch, new CompletableFuture<>());
		queue.add(pending);
		try {
			return pending.result().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw busy("Alert intake did not commit this request within " + WAIT.toSeconds() + " s");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw busy("Interrupted while waiting for the commit");
		}
	}

	/** How many requests wait for a writer now. */
	int queued() {
		return queue.size();
	}

	private static DomainException busy(String message) {
		return new DomainException(DomainException.Kind.RATE_LIMITED, "intake-busy", message + "; send it again",
				List.of(), Duration.ofSeconds(1));
	}

	@Override
	public synchronized void start() {
		running = true;
		for (int i = 0; i < settings.writers(); i++) {
			threads.add(Thread.ofPlatform().name("alert-intake-" + i).daemon().start(this::loop));
		}
	}

	@Override
	public synchronized void stop() {
		running = false;
		for (Thread thread : threads) {
			try {
				thread.join(WAIT);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		threads.clear();
		Pending left;
		while ((left = queue.poll()) != null) {
			left.result().completeExceptionally(busy("Alert intake is stopping"));
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/**
	 * Starts before the web server takes requests and stops after it has drained them.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private void loop() {
		while (running || !queue.isEmpty()) {
			Pending first;
			try {
				first = queue.poll(200, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (first == null) {
				continue;
			}
			List<Pending> group = new ArrayList<>();
			group.add(first);
			int alerts = first.batch().alerts().size();
			Pending next;
			while (alerts < settings.maxAlertsPerCommit() && (next = queue.poll()) != null) {
				group.add(next);
				alerts += next.batch().alerts().size();
			}
			write(group);
		}
	}

	private void write(List<Pending> group) {
		try {
			List<Alerts.Receipt> receipts = transactions
				.execute(status -> intake.store(group.stream().map(Pending::batch).toList()));
			requestsPerCommit.record(group.size());
			for (int i = 0; i < group.size(); i++) {
				group.get(i).result().complete(receipts.get(i));
			}
		}
		catch (RuntimeException ex) {
			if (group.size() == 1) {
				group.get(0).result().completeExceptionally(ex);
				return;
			}
			log.warn("Writing {} alert requests together failed; writing each alone", group.size(), ex);
			group.forEach(pending -> write(List.of(pending)));
		}
		catch (Error ex) {
			group.forEach(pending -> pending.result().completeExceptionally(ex));
			throw ex;
		}
	}

}
