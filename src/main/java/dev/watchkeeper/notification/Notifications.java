package dev.watchkeeper.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.platform.DomainException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules ask of notification: which channels exist, and "send this notice to
 * that channel" as an outbox write in their own transaction.
 */
@Service
public class Notifications {

	private final ChannelStore channels;

	private final DeliveryStore deliveries;

	private final DeliverySignal signal;

	private final NotificationSettings settings;

	private final Clock clock;

	Notifications(ChannelStore channels, DeliveryStore deliveries, DeliverySignal signal, NotificationSettings settings,
			Clock clock) {
		this.channels = channels;
		this.deliveries = deliveries;
		this.signal = signal;
		this.settings = settings;
		this.clock = clock;
	}

	/** Whether a channel of this name exists (names are unique, case-insensitive). */
	public boolean channelExists(String channelName) {
		return channelName != null && channels.findByName(channelName).isPresent();
	}

	/** Names of all channels, sorted. */
	public List<String> channelNames() {
		return channels.names();
	}

	/**
	 * Writes one delivery to the outbox in the CALLER's transaction (propagation
	 * MANDATORY), to be sent after commit by the workers. A second enqueue with the same
	 * idempotencyKey is ignored (returns false). Unknown channel: DomainException (not
	 * found). A "resolved" notice to a channel whose sendResolved is off is skipped
	 * (returns false).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean enqueue(String channelName, Notice notice, String idempotencyKey) {
		Channel channel = channels.findByName(channelName == null ? "" : channelName)
			.orElseThrow(() -> DomainException.notFound("Channel", channelName));
		if (notice == null) {
			throw DomainException.invalid("notice", "is required");
		}
		if (idempotencyKey == null || idempotencyKey.isBlank()) {
			throw DomainException.invalid("idempotencyKey", "is required");
		}
		if ("resolved".equals(notice.status()) && !channel.sendResolved()) {
			return false;
		}
		return insert(channel, notice, idempotencyKey, false) != null;
	}

	/** The new delivery's id, or null when the key was already used. */
	UUID insert(Channel channel, Notice notice, String idempotencyKey, boolean test) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		UUID id = UUID.randomUUID();
		if (!deliveries.insert(id, channel, notice, idempotencyKey, test, now, now.plus(settings.maxRetryDuration()))) {
			return null;
		}
		signal.wakeAfterCommit();
		return id;
	}

}
