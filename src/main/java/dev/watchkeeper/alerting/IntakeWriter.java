package dev.watchkeeper.alerting;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

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
 * With several writers, a writer takes only requests that share no alert with a group
 * another writer is writing, nor with an earlier request it leaves waiting: the database
 * locks each alert's fingerprint for the whole transaction, so a writer that took an
 * overlapping request would only wait for the other's commit while holding locks of its
 * own, and requests about the same alert are still written in the order they arrived. The
 * fingerprint locks stay, for writers on other nodes and for other writers of alerts.
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

	/** Guards {@link #waiting} and {@link #inFlight}. */
	private final ReentrantLock lock = new ReentrantLock();

	/** Signalled when a request arrives or a group's write ends. */
	private final Condition changed = lock.newCondition();

	private final ArrayDeque<Pending> waiting = new ArrayDeque<>();

	/** Signalled when the last waiting request is taken (or dropped at stop). */
	private final Condition drained = lock.newCondition();

	/** The fingerprints of the groups writers are writing now. */
	private final Set<String> inFlight = new HashSet<>();

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

	/** A request waiting for its write, with the fingerprints it writes. */
	private record Pending(AlertIntake.Batch batch, Set<String> fingerprints,
			CompletableFuture<Alerts.Receipt> result) {

		Pending(AlertIntake.Batch batch) {
			this(batch, batch.alerts().stream().map(AlertIntake.Posted::fingerprint).collect(Collectors.toSet()),
					new CompletableFuture<>());
		}

	}

	/**
	 * Stores the batch with whatever else is waiting and returns its receipt once
	 * committed.
	 */
	Alerts.Receipt write(AlertIntake.Batch batch) {
		if (!running) {
			throw busy("Alert intake is starting or stopping");
		}
		Pending pending = new Pending(batch);
		lock.lock();
		try {
			waiting.add(pending);
			changed.signal();
		}
		finally {
			lock.unlock();
		}
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
		lock.lock();
		try {
			return waiting.size();
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Waits until no request waits for a writer, for at most {@code timeout}; true when
	 * none waits.
	 */
	boolean awaitDrained(Duration timeout) throws InterruptedException {
		lock.lock();
		try {
			long nanos = timeout.toNanos();
			while (!waiting.isEmpty()) {
				if (nanos <= 0) {
					return false;
				}
				nanos = drained.awaitNanos(nanos);
			}
			return true;
		}
		finally {
			lock.unlock();
		}
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
		List<Pending> left;
		lock.lock();
		try {
			left = List.copyOf(waiting);
			waiting.clear();
			drained.signalAll();
		}
		finally {
			lock.unlock();
		}
		left.forEach(pending -> pending.result().completeExceptionally(busy("Alert intake is stopping")));
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
		while (true) {
			List<Pending> group;
			try {
				group = take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (group == null) {
				return;
			}
			if (group.isEmpty()) {
				continue;
			}
			try {
				write(group);
			}
			finally {
				lock.lock();
				try {
					group.forEach(pending -> inFlight.removeAll(pending.fingerprints()));
					changed.signalAll();
				}
				finally {
					lock.unlock();
				}
			}
		}
	}

	/**
	 * The next group to write, its fingerprints marked in flight: waiting requests in
	 * arrival order, each taken unless it shares an alert with another writer's group or
	 * with an earlier request left waiting, up to the alert limit. Empty when nothing
	 * could be taken for a while (so the loop sees {@code running} change); null when
	 * stopped and drained.
	 */
	private List<Pending> take() throws InterruptedException {
		lock.lock();
		try {
			while (true) {
				if (!running && waiting.isEmpty()) {
					return null;
				}
				List<Pending> group = new ArrayList<>();
				Set<String> skipped = new HashSet<>();
				int alerts = 0;
				for (var it = waiting.iterator(); it.hasNext() && alerts < settings.maxAlertsPerCommit();) {
					Pending next = it.next();
					if (overlaps(next.fingerprints(), inFlight) || overlaps(next.fingerprints(), skipped)) {
						skipped.addAll(next.fingerprints());
						continue;
					}
					// requests in one group may share alerts: one transaction writes them
					// in order
					it.remove();
					group.add(next);
					alerts += next.batch().alerts().size();
				}
				if (!group.isEmpty()) {
					group.forEach(pending -> inFlight.addAll(pending.fingerprints()));
					if (waiting.isEmpty()) {
						drained.signalAll();
					}
					return group;
				}
				if (!changed.await(200, TimeUnit.MILLISECONDS)) {
					return List.of();
				}
			}
		}
		finally {
			lock.unlock();
		}
	}

	private static boolean overlaps(Set<String> a, Set<String> b) {
		Set<String> small = a.size() <= b.size() ? a : b;
		Set<String> large = small == a ? b : a;
		for (String fingerprint : small) {
			if (large.contains(fingerprint)) {
				return true;
			}
		}
		return false;
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
