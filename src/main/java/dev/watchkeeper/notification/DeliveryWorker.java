package dev.watchkeeper.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries: claims a batch under a lease, sends each on its own virtual
 * thread, records every attempt and decides what comes next (done, retry later, or give
 * up and publish {@link DeliveryFailed}). Woken after each enqueueing commit and at every
 * poll interval.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final DeliveryStore store;

	private final ChannelStore channels;

	private final Dispatcher dispatcher;

	private final DeliverySignal signal;

	private final NotificationSettings settings;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final MeterRegistry meters;

	private final Clock clock;

	private final String owner = "worker-" + UUID.randomUUID();

	private volatile boolean running;

	private Thread loop;

	DeliveryWorker(DeliveryStore store, ChannelStore channels, Dispatcher dispatcher, DeliverySignal signal,
			NotificationSettings settings, TransactionTemplate transactions, ApplicationEventPublisher events,
			MeterRegistry meters, Clock clock) {
		this.store = store;
		this.channels = channels;
		this.dispatcher = dispatcher;
		this.signal = signal;
		this.settings = settings;
		this.transactions = transactions;
		this.events = events;
		this.meters = meters;
		this.clock = clock;
		Gauge.builder("watchkeeper.notification.deliveries.pending", store, DeliveryStore::countPending)
			.description("Deliveries waiting to be sent or retried")
			.register(meters);
	}

	@Override
	public void start() {
		running = true;
		loop = Thread.ofPlatform().name("notification-worker").daemon().start(this::run);
	}

	@Override
	public void stop() {
		running = false;
		signal.wake();
		try {
			loop.join(settings.requestTimeout().plusSeconds(2).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
			while (running) {
				int claimed = 0;
				try {
					claimed = runOnce(senders);
				}
				catch (RuntimeException ex) {
					log.warn("Delivery worker could not claim deliveries: {}", ex.getMessage());
				}
				if (claimed < settings.batchSize() && running) {
					signal.await(settings.pollInterval());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Claims and sends one batch; the number claimed. */
	int runOnce(ExecutorService senders) throws InterruptedException {
		Instant now = clock.instant();
		List<DeliveryStore.Claimed> batch = store.claim(owner, now, now.plus(settings.lease()), settings.batchSize());
		// each channel once per batch: reading one decrypts its secrets
		Map<UUID, Channel> byId = new HashMap<>();
		batch.stream()
			.map(DeliveryStore.Claimed::channelId)
			.filter(Objects::nonNull)
			.distinct()
			.forEach(id -> channels.find(id).ifPresent(channel -> byId.put(id, channel)));
		// Slack messages to people are posted into one configured channel, mentioning
		// them
		Channel peopleSlack = batch.stream().anyMatch(c -> c.toPerson() && "slack".equals(c.channelKind()))
				? channels.findByName(settings.people().slackChannel()).orElse(null) : null;
		List<Future<?>> sending = batch.stream()
			.<Future<?>>map(claimed -> senders
				.submit(() -> process(claimed, claimed.toPerson() ? peopleSlack : byId.get(claimed.channelId()))))
			.toList();
		for (Future<?> future : sending) {
			try {
				future.get();
			}
			catch (java.util.concurrent.ExecutionException ex) {
				log.warn("Delivery failed unexpectedly", ex.getCause());
			}
		}
		return batch.size();
	}

	private void process(DeliveryStore.Claimed claimed, Channel channel) {
		Instant started = clock.instant().truncatedTo(ChronoUnit.MICROS);
		long t0 = System.nanoTime();
		SendResult result;
		if (claimed.toPerson()) {
			result = dispatcher.sendToPerson(claimed.channelKind(), claimed.recipient(), claimed.message(),
					claimed.idempotencyKey(), channel);
		}
		else if (claimed.toChannel()) {
			result = channel == null ? SendResult.failed(null, "the channel was deleted")
					: dispatcher.sendMessage(channel, claimed.message(), claimed.idempotencyKey());
		}
		else {
			result = channel == null ? SendResult.failed(null, "the channel was deleted")
					: dispatcher.send(channel, claimed.notice(), claimed.idempotencyKey(), claimed.test());
		}
		long durationMs = Duration.ofNanos(System.nanoTime() - t0).toMillis();
		transactions.executeWithoutResult(tx -> record(claimed, result, started, durationMs));
	}

	private void record(DeliveryStore.Claimed claimed, SendResult result, Instant started, long durationMs) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		int attempts = claimed.attempts() + 1;
		String status = "succeeded";
		Instant next = null;
		String error = result.error();
		if (result.outcome() == SendResult.Outcome.RETRY) {
			Duration wait = Backoff.after(attempts, settings.backoffBase(), settings.backoffMax());
			if (result.retryAfter() != null && result.retryAfter().compareTo(wait) > 0) {
				wait = result.retryAfter();
			}
			next = now.plus(wait);
			status = next.isAfter(claimed.giveUpAt()) ? "failed" : "pending";
			if ("failed".equals(status)) {
				error = "gave up after " + attempts + " attempts: " + error;
			}
		}
		else if (result.outcome() == SendResult.Outcome.FAILED) {
			status = "failed";
		}
		if (!store.finish(claimed.id(), owner, status, "pending".equals(status) ? next : null, error, now)) {
			log.warn("Lease on delivery {} ran out before its attempt was recorded; another worker retries it",
					claimed.id());
			return;
		}
		store.recordAttempt(claimed.id(), attempts, started, durationMs, result);
		String outcome = switch (status) {
			case "succeeded" -> "succeeded";
			case "pending" -> "retried";
			default -> "failed";
		};
		Counter.builder("watchkeeper.notification.deliveries")
			.description("Delivery attempts by channel kind and outcome")
			.tag("kind", claimed.channelKind())
			.tag("outcome", outcome)
			.register(meters)
			.increment();
		if ("failed".equals(status)) {
			log.warn("Delivery {} to channel {} ({}) failed after {} attempt(s): {}", claimed.id(),
					claimed.channelName(), claimed.channelKind(), attempts, error);
			events.publishEvent(new DeliveryFailed(claimed.id(), claimed.channelName(), claimed.channelKind(),
					claimed.idempotencyKey(), attempts, error));
		}
	}

}
