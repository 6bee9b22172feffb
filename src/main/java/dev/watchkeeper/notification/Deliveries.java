package dev.watchkeeper.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.watchkeeper.platform.AuditableEvent;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The delivery log: list, look at one with its attempts, retry one that failed. */
@Service
public class Deliveries {

	static final Set<String> STATUSES = Set.of("pending", "succeeded", "failed");

	private final DeliveryLog log;

	private final DeliveryStore store;

	private final DeliverySignal signal;

	private final NotificationSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Deliveries(DeliveryLog log, DeliveryStore store, DeliverySignal signal, NotificationSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.log = log;
		this.store = store;
		this.signal = signal;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** Whether {@code status} is one a delivery can have. */
	public static boolean isStatus(String status) {
		return status != null && STATUSES.contains(status);
	}

	/** Newest first; {@code status} and {@code channel} (a name) filter when given. */
	public PageQuery.Page<Delivery> list(String status, String channel, PageQuery page) {
		if (status != null && !STATUSES.contains(status)) {
			throw DomainException.invalid("status", "must be pending, succeeded or failed");
		}
		return log.list(status, channel, page);
	}

	public Delivery get(UUID id) {
		return log.find(id).orElseThrow(() -> DomainException.notFound("Delivery", id));
	}

	/**
	 * The deliveries enqueued with these idempotency keys, by key, in one query (without
	 * their attempts); a key nothing was enqueued with is absent.
	 */
	public Map<String, Delivery> byIdempotencyKeys(Collection<String> keys) {
		if (keys == null || keys.isEmpty()) {
			return Map.of();
		}
		Map<String, Delivery> found = new LinkedHashMap<>();
		log.findByKeys(keys).forEach(delivery -> found.put(delivery.idempotencyKey(), delivery));
		return found;
	}

	/** Sends a failed delivery again, with a fresh retry period. */
	@Transactional
	public Delivery retry(UUID id) {
		Delivery delivery = get(id);
		if (delivery.channelId() == null) {
			throw DomainException.conflict("channel-deleted", "The channel of this delivery was deleted");
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		// the update itself checks the status, so two retries at once requeue it once
		if (!store.requeue(id, now, now.plus(settings.maxRetryDuration()))) {
			throw DomainException.conflict("delivery-not-failed",
					"Only a failed delivery can be retried; this one is " + delivery.status());
		}
		events.publishEvent(new DeliveryRetried(delivery));
		signal.wakeAfterCommit();
		return get(id);
	}

	/** Someone asked for a failed delivery to be sent again. */
	public record DeliveryRetried(Delivery delivery) implements AuditableEvent {

		public String action() {
			return "delivery.retried";
		}

		public String targetType() {
			return "delivery";
		}

		public String targetId() {
			return delivery.id().toString();
		}

		public String summary() {
			return "Retried delivery to channel " + delivery.channelName() + ": " + delivery.subject();
		}

		public Map<String, Object> before() {
			return Map.of("status", "failed", "last_error", delivery.lastError() == null ? "" : delivery.lastError());
		}

		public Map<String, Object> after() {
			return Map.of("status", "pending");
		}

	}

}
