package dev.watchkeeper.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes probe outcomes in batches: one thread drains what has arrived every
 * {@code write-interval} (or at once when a batch fills) and records it in one
 * transaction ({@link CheckOutcomes}), so 10,000 checks at 30 s cost a few statements a
 * second, not a transaction per run.
 */
@Component
class ResultWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ResultWriter.class);

	static final int BATCH = 1000;

	private final LinkedBlockingQueue<Outcome> queue = new LinkedBlockingQueue<>(100_000);

	private final CheckOutcomes outcomes;

	private final MonitoringSettings settings;

	private volatile Thread thread;

	ResultWriter(CheckOutcomes outcomes, MonitoringSettings settings) {
		this.outcomes = outcomes;
		this.settings = settings;
	}

	void add(Outcome outcome) {
		if (!queue.offer(outcome)) {
			log.warn("Result queue full: dropped a result of check {}", outcome.checkId());
		}
	}

	@Override
	public void start() {
		thread = Thread.ofPlatform().name("check-results").daemon().start(this::loop);
	}

	@Override
	public void stop() {
		Thread running = thread;
		thread = null;
		if (running != null) {
			running.interrupt();
			try {
				running.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Starts before the scheduler and stops after it, so the last results are written.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 200;
	}

	@Override
	public boolean isRunning() {
		return thread != null;
	}

	private void loop() {
		long pause = settings.writeInterval().toMillis();
		while (thread != null) {
			try {
				Outcome first = queue.poll(pause, TimeUnit.MILLISECONDS);
				if (first != null) {
					Thread.sleep(Math.min(pause, 200));
					flush(first);
				}
			}
			catch (InterruptedException ex) {
				break;
			}
		}
		// drain what is left once, best effort, on shutdown
		Outcome rest = queue.poll();
		if (rest != null) {
			flush(rest);
		}
	}

	/** Writes what is queued, batch by batch, until the queue is empty. */
	private void flush(Outcome first) {
		Outcome next = first;
		for (int round = 0; next != null && round < 100; round++) {
			List<Outcome> batch = new ArrayList<>(BATCH);
			batch.add(next);
			queue.drainTo(batch, BATCH - 1);
			try {
				outcomes.record(batch);
			}
			catch (RuntimeException ex) {
				log.warn("Writing {} check results failed; they are lost", batch.size(), ex);
			}
			next = queue.poll();
		}
		if (next != null) {
			add(next);
		}
	}

}
