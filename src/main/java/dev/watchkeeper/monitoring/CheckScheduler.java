package dev.watchkeeper.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs probes on time. Every poll the node claims, in one statement, the checks due
 * within {@code claim-ahead} ({@link CheckRuns#claim}, {@code FOR UPDATE SKIP LOCKED}, so
 * each run goes to one node) and sets a timer for each at its scheduled instant; the
 * schedule advances by whole intervals from the scheduled time, never from when a run
 * happened, so it does not drift. A run is a virtual thread holding one of
 * {@code max-concurrency} permits; a run that cannot get a permit before its next run
 * would start is skipped and counted. Results go to {@link ResultWriter} and are written
 * in batches.
 */
@Component
class CheckScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CheckScheduler.class);

	private final CheckRuns runs;

	private final Probes probes;

	private final ResultWriter writer;

	private final MonitoringSettings settings;

	private final Clock clock;

	private final Semaphore permits;

	private final Timer startDelay;

	private final Counter skipped;

	private volatile ScheduledExecutorService timers;

	private volatile ExecutorService workers;

	CheckScheduler(CheckRuns runs, Probes probes, ResultWriter writer, MonitoringSettings settings, Clock clock,
			MeterRegistry meters) {
		this.runs = runs;
		this.probes = probes;
		this.writer = writer;
		this.settings = settings;
		this.clock = clock;
		this.permits = new Semaphore(settings.maxConcurrency());
		this.startDelay = Timer.builder("watchkeeper.check.start.delay")
			.description("How late a probe started after its scheduled instant")
			.publishPercentileHistogram()
			.publishPercentiles(0.5, 0.99)
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(60))
			.register(meters);
		this.skipped = Counter.builder("watchkeeper.check.runs.skipped")
			.description("Probe runs skipped because every permit was busy until the next run")
			.register(meters);
		meters.gauge("watchkeeper.check.runs.active", permits, p -> settings.maxConcurrency() - p.availablePermits());
	}

	@Override
	public void start() {
		if (!settings.schedulerEnabled()) {
			return;
		}
		timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("check-timer").daemon().factory());
		workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("check-", 0).factory());
		timers.scheduleWithFixedDelay(this::claim, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (timers != null) {
			timers.shutdownNow();
			workers.shutdownNow();
			timers = null;
			workers = null;
		}
	}

	@Override
	public boolean isRunning() {
		return timers != null;
	}

	/**
	 * Starts after the result writer and stops before it, so the writer still flushes.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 100;
	}

	void claim() {
		var scheduler = timers;
		try {
			for (int round = 0; round < 20 && scheduler != null && !scheduler.isShutdown(); round++) {
				Instant now = clock.instant();
				List<CheckRuns.Due> due = runs.claim(now, now.plus(settings.claimAhead()), settings.claimBatch());
				for (CheckRuns.Due run : due) {
					long delay = Duration.between(clock.instant(), run.scheduled()).toMillis();
					scheduler.schedule(() -> launch(run), Math.max(0, delay), TimeUnit.MILLISECONDS);
				}
				if (due.size() < settings.claimBatch()) {
					return;
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Claiming due checks failed; retrying at the next poll", ex);
		}
	}

	private void launch(CheckRuns.Due run) {
		var pool = workers;
		if (pool == null) {
			return;
		}
		pool.execute(() -> {
			Check check = run.check();
			boolean acquired = false;
			try {
				acquired = permits.tryAcquire(check.intervalSeconds() * 1000L - check.timeoutMs(),
						TimeUnit.MILLISECONDS);
				if (!acquired) {
					skipped.increment();
					return;
				}
				Instant started = clock.instant();
				startDelay.record(Duration.between(run.scheduled(), started).abs());
				writer.add(probe(check, started));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				if (acquired) {
					permits.release();
				}
			}
		});
	}

	private Outcome probe(Check check, Instant started) {
		try {
			return probes.run(check, started);
		}
		catch (RuntimeException ex) {
			return Outcome.failure(check.id(), started, null, Probes.describe(ex, check.timeoutMs()));
		}
	}

}
