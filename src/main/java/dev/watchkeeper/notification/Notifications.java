package dev.watchkeeper.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

	private static final Set<String> STATUSES = Set.of("firing", "resolved");

	/** The contact method kinds a message to a person can go through. */
	public static final Set<String> PERSONAL_KINDS = Set.of("email", "slack", "webhook", "sms", "voice");

	/**
	 * The delivery kind of a prepared JSON body posted to a URL as it is
	 * ({@link #enqueueJsonPost}).
	 */
	public static final String JSON_POST = "json-post";

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
		return channelName != null && channels.existsByName(channelName);
	}

	/**
	 * Whether a channel of this name exists and takes free-form messages
	 * ({@link #enqueueMessage}): every kind but PagerDuty.
	 */
	public boolean takesMessages(String channelName) {
		return channelName != null
				&& channels.findByName(channelName).map(c -> !"pagerduty".equals(c.kind())).orElse(false);
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
		check(notice, idempotencyKey);
		if ("resolved".equals(notice.status()) && !channel.sendResolved()) {
			return false;
		}
		return insert(channel, notice, idempotencyKey, false) != null;
	}

	/**
	 * Writes one message to one person, through one of their contact methods, to the
	 * outbox in the CALLER's transaction (propagation MANDATORY); it is sent, retried and
	 * logged like a channel delivery. A second enqueue with the same idempotencyKey is
	 * ignored (returns false).
	 * @param kind the contact method's kind: email, slack (a member id, mentioned in the
	 * configured Slack channel), webhook (a URL), sms or voice (a phone number, through
	 * the configured gateway)
	 * @param address the contact method's address
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean enqueueToPerson(String kind, String address, PersonalMessage message, String idempotencyKey) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (kind == null || !PERSONAL_KINDS.contains(kind)) {
			errors.put("kind", "must be one of email, slack, webhook, sms, voice");
		}
		if (address == null || address.isBlank() || address.length() > 500) {
			errors.put("address", "is required, at most 500 characters");
		}
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 500) {
			errors.put("idempotencyKey", "is required, at most 500 characters");
		}
		if (message == null || message.subject() == null || message.subject().isBlank()) {
			errors.put("message.subject", "is required");
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (!deliveries.insertPersonal(UUID.randomUUID(), kind, address.strip(), message, idempotencyKey, now,
				now.plus(settings.maxRetryDuration()))) {
			return false;
		}
		signal.wakeAfterCommit();
		return true;
	}

	/**
	 * Writes one JSON post to a URL to the outbox in the CALLER's transaction
	 * (propagation MANDATORY): the body is posted as it is, with Standard Webhooks
	 * headers (signed when a people signing secret is set), retried and logged like any
	 * delivery; the log shows the subject. A second enqueue with the same idempotencyKey
	 * is ignored (returns false).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean enqueueJsonPost(String url, String subject, String jsonBody, String idempotencyKey) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (url == null || !(url.startsWith("http://") || url.startsWith("https://")) || url.length() > 500) {
			errors.put("url", "must be an http or https URL of at most 500 characters");
		}
		if (jsonBody == null || jsonBody.isBlank()) {
			errors.put("jsonBody", "is required");
		}
		if (subject == null || subject.isBlank()) {
			errors.put("subject", "is required");
		}
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 500) {
			errors.put("idempotencyKey", "is required, at most 500 characters");
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (!deliveries.insertPersonal(UUID.randomUUID(), JSON_POST, url.strip(),
				new PersonalMessage(subject, jsonBody, null, List.of()), idempotencyKey, now,
				now.plus(settings.maxRetryDuration()))) {
			return false;
		}
		signal.wakeAfterCommit();
		return true;
	}

	/**
	 * Writes one free-form message to a channel to the outbox in the CALLER's transaction
	 * (propagation MANDATORY): email channels mail it to their recipients, Slack and
	 * Teams channels post it with a button per action, webhook channels get a signed JSON
	 * post {@code {"type":"message","channel","subject","text","link","actions"}}. It is
	 * sent, retried and logged like a notice. A second enqueue with the same
	 * idempotencyKey is ignored (returns false). Unknown channel: DomainException (not
	 * found); a PagerDuty channel, which takes alert notices only: DomainException
	 * (invalid).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean enqueueMessage(String channelName, PersonalMessage message, String idempotencyKey) {
		Channel channel = channels.findByName(channelName == null ? "" : channelName)
			.orElseThrow(() -> DomainException.notFound("Channel", channelName));
		Map<String, String> errors = new LinkedHashMap<>();
		if ("pagerduty".equals(channel.kind())) {
			errors.put("channel", "is a PagerDuty channel, which takes alert notices only");
		}
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 500) {
			errors.put("idempotencyKey", "is required, at most 500 characters");
		}
		if (message == null || message.subject() == null || message.subject().isBlank()) {
			errors.put("message.subject", "is required");
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (!deliveries.insertChannelMessage(UUID.randomUUID(), channel, message, idempotencyKey, now,
				now.plus(settings.maxRetryDuration()))) {
			return false;
		}
		signal.wakeAfterCommit();
		return true;
	}

	/** A notice that could not be rendered is refused now rather than failing at send. */
	private static void check(Notice notice, String idempotencyKey) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 500) {
			errors.put("idempotencyKey", "is required, at most 500 characters");
		}
		if (notice == null) {
			errors.put("notice", "is required");
			throw DomainException.invalid(errors);
		}
		if (notice.groupKey() == null || notice.groupKey().isBlank()) {
			errors.put("notice.groupKey", "is required");
		}
		if (!STATUSES.contains(notice.status())) {
			errors.put("notice.status", "must be firing or resolved");
		}
		if (notice.alerts() == null) {
			errors.put("notice.alerts", "is required");
		}
		else {
			for (int i = 0; i < notice.alerts().size(); i++) {
				NoticeAlert alert = notice.alerts().get(i);
				if (alert == null || !STATUSES.contains(alert.status())) {
					errors.put("notice.alerts[" + i + "].status", "must be firing or resolved");
				}
			}
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
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
