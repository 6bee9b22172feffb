package dev.watchkeeper.monitoring.metrics.scrape;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.watchkeeper.monitoring.metrics.Periodic;
import dev.watchkeeper.monitoring.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Scrapes every enabled target on its own virtual thread, start to start without drift:
 * the n-th scrape starts at a fixed offset (spread by the target's id over the interval)
 * plus n intervals, and a scrape that overran skips the starts it missed instead of
 * piling up. Where several nodes run, a node scrapes a target only while it holds the
 * target's lease in the database; the lease lasts four intervals and is renewed when half
 * of it is left, so another node takes over within four intervals of a node's end. Each
 * node also scrapes its own {@code /metrics} (job {@code watchkeeper}).
 */
@Component
class ScrapeScheduler implements SmartLifecycle, ApplicationListener<WebServerInitializedEvent>, DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(ScrapeScheduler.class);

	static final UUID SELF = UUID.nameUUIDFromBytes("watchkeeper-self-scrape".getBytes());

	private final ScrapeTargetStore store;

	private final ScrapeSettings settings;

	private final Clock clock;

	private final Scraper scraper;

	private final ScheduledExecutorService deadlines;

	private final String node = UUID.randomUUID().toString();

	private final Map<UUID, Loop> loops = new ConcurrentHashMap<>();

	private volatile boolean running;

	private volatile Thread refresher;

	private volatile ScrapeTarget self;

	ScrapeScheduler(ScrapeTargetStore store, ScrapeSettings settings, Clock clock, Metrics metrics) {
		this.store = store;
		this.settings = settings;
		this.clock = clock;
		this.deadlines = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("scrape-deadlines").daemon(true).factory());
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NORMAL)
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
		this.scraper = new Scraper(metrics, client, clock, settings.bodyLimit().toBytes(), deadlines);
	}

	/** One target's loop. */
	private final class Loop {

		final Scraper.TargetState state;

		final Thread thread;

		volatile boolean stopped;

		Loop(ScrapeTarget target) {
			this.state = new Scraper.TargetState(target);
			this.thread = Thread.ofVirtual().name("scrape-" + target.job()).unstarted(this::run);
		}

		private void run() {
			ScrapeTarget target = state.target;
			Periodic.atFixedRate(target.interval(),
					target.id().getLeastSignificantBits() ^ target.id().getMostSignificantBits(),
					() -> !stopped && running, () -> {
						if (holdsLease()) {
							scraper.scrape(state);
						}
					}, LOG, "Scraping " + target.url());
			if (state.status != null) {
				scraper.stop(state);
			}
		}

		private boolean holdsLease() {
			if (state.target.id().equals(SELF)) {
				return true;
			}
			Instant now = clock.instant();
			Duration interval = state.target.interval();
			if (state.leaseUntil.isAfter(now.plus(interval.multipliedBy(2)))) {
				return true;
			}
			if (store.lease(state.target.id(), node, now, now.plus(interval.multipliedBy(4)))) {
				state.leaseUntil = now.plus(interval.multipliedBy(4));
				return true;
			}
			state.leaseUntil = Instant.EPOCH;
			return false;
		}

	}

	Optional<ScrapeTargets.Status> status(UUID id) {
		Loop loop = loops.get(id);
		return loop == null ? Optional.empty() : Optional.ofNullable(loop.state.status);
	}

	List<ScrapeTargets.Status> statuses() {
		List<ScrapeTargets.Status> out = new ArrayList<>();
		for (Loop loop : loops.values()) {
			if (loop.state.status != null) {
				out.add(loop.state.status);
			}
		}
		return out;
	}

	/** Starts, restarts and stops loops to match the stored targets. */
	synchronized void refresh() {
		if (!running) {
			return;
		}
		Map<UUID, ScrapeTarget> wanted = new HashMap<>();
		for (ScrapeTarget t : store.all()) {
			if (t.enabled()) {
				wanted.put(t.id(), t);
			}
		}
		ScrapeTarget selfTarget = self;
		if (selfTarget != null) {
			wanted.put(SELF, selfTarget);
		}
		for (var entry : new ArrayList<>(loops.entrySet())) {
			ScrapeTarget t = wanted.get(entry.getKey());
			if (t == null || !t.equals(entry.getValue().state.target)) {
				entry.getValue().stopped = true;
				LockSupport.unpark(entry.getValue().thread);
				loops.remove(entry.getKey());
			}
		}
		for (ScrapeTarget t : wanted.values()) {
			loops.computeIfAbsent(t.id(), (id) -> {
				Loop loop = new Loop(t);
				loop.thread.start();
				return loop;
			});
		}
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (!settings.selfScrape() || event.getWebServer().getPort() <= 0) {
			return;
		}
		String context = event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", "");
		Instant now = clock.instant();
		Duration interval = settings.selfScrapeInterval();
		Duration timeout = interval.multipliedBy(4).dividedBy(5).compareTo(Duration.ofSeconds(10)) < 0
				? interval.multipliedBy(4).dividedBy(5) : Duration.ofSeconds(10);
		int port = event.getWebServer().getPort();
		self = new ScrapeTarget(SELF, "http://127.0.0.1:" + port + context + "/metrics", "watchkeeper", null, null,
				interval, timeout, Map.of("instance", hostName() + ":" + port), true, now, now);
		refresh();
	}

	/** The node's host name, so that every node's self-scrape has its own instance. */
	private static String hostName() {
		String env = System.getenv("HOSTNAME");
		if (env != null && !env.isBlank()) {
			return env.strip();
		}
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException ex) {
			return "localhost";
		}
	}

	@Override
	public void start() {
		if (!settings.enabled()) {
			return;
		}
		running = true;
		refresh();
		refresher = Periodic.refresher("scrape-refresh", settings.refreshInterval(), () -> running, this::refresh, LOG,
				"Reloading scrape targets");
	}

	@Override
	public void stop() {
		running = false;
		Thread r = refresher;
		if (r != null) {
			LockSupport.unpark(r);
		}
		for (Loop loop : loops.values()) {
			loop.stopped = true;
			LockSupport.unpark(loop.thread);
		}
		for (Loop loop : loops.values()) {
			try {
				loop.thread.join(TimeUnit.SECONDS.toMillis(2));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		loops.clear();
		try {
			store.releaseAll(node);
		}
		catch (RuntimeException ex) {
			LOG.debug("Releasing scrape leases failed", ex);
		}
	}

	/**
	 * The deadline timer lives as long as the bean: a stopped scheduler may be started
	 * again (a paused application context is), and its scrapes need the timer then.
	 */
	@Override
	public void destroy() {
		deadlines.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		// stops before the web server and the database pool
		return Integer.MAX_VALUE - 2000;
	}

}
