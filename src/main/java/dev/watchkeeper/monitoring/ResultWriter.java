package dev.watchkeeper.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
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

	private final ThreadFactory threads;

	/**
	 * What the loop checks, set before its thread starts. Not the {@code thread} field: a
	 * new thread can read that before {@link #start} has assigned it, end at once, and
	 * leave every result queued and unwritten without a word.
	 */
	private volatile boolean running;

	private volatile Thread thread;

	@Autowired
	ResultWriter(CheckOutcomes outcomes, MonitoringSettings settings) {
		this(outcomes, settings, Thread.ofPlatform().name("check-results").daemon().factory());
	}

	ResultWriter(CheckOutcomes outcomes, MonitoringSettings settings, ThreadFactory threads) {
		this.outcomes = outcomes;
		this.settings = settings;
		this.threads = threads;
	}

	void add(Outcome outcome) {
		if (!queue.offer(outcome)) {
			log.warn("Result queue full: dropped a result of check {}", outcome.checkId());
		}
	}

	@Override
	public void start() {
		running = true;
		Thread loop = threads.newThread(this::loop);
		thread = loop;
		loop.start();
	}

	@Override
	public void stop() {
		running = false;
		Thread loop = thread;
		thread = null;
		if (loop != null) {
			loop.interrupt();
			try {
				loop.join(10_000);
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
		return running;
	}

	private void loop() {
		long pause = settings.writeInterval().toMillis();
		while (running) {
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
