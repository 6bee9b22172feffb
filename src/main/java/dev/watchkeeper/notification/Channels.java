package dev.watchkeeper.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.AuditableEvent;
import dev.watchkeeper.platform.DomainException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Channels: create, change, delete, list, and send a test notice through the outbox. */
@Service
public class Channels {

	private final ChannelStore store;

	private final Notifications notifications;

	private final NotificationSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Channels(ChannelStore store, Notifications notifications, NotificationSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.notifications = notifications;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** Creates a channel; the answer shows a webhook's signing secret this once. */
	@Transactional
	public ChannelView create(ChannelDraft draft) {
		ChannelConfig config = config(draft, null);
		if ("webhook".equals(draft.kind()) && config.signingSecret() == null) {
			config = new ChannelConfig(config.url(), config.recipients(), config.routingKey(),
					WebhookSignature.newSecret(), config.format(), config.subjectTemplate(), config.bodyTemplate());
		}
		validate(draft.name(), draft.kind(), config);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		var channel = new Channel(UUID.randomUUID(), draft.name().trim(), draft.kind(),
				draft.sendResolved() == null || draft.sendResolved(), config, now, now);
		try {
			store.insert(channel);
		}
		catch (DuplicateKeyException ex) {
			throw nameTaken(channel.name());
		}
		events.publishEvent(new ChannelChanged("channel.created", null, ChannelView.masked(channel)));
		return ChannelView.revealingSigningSecret(channel);
	}

	@Transactional
	public ChannelView update(UUID id, ChannelDraft draft) {
		Channel before = find(id);
		if (draft.kind() != null && !draft.kind().equals(before.kind())) {
			throw DomainException.invalid("kind", "cannot change; delete the channel and create a new one");
		}
		ChannelConfig config = config(draft, before.config());
		validate(draft.name(), before.kind(), config);
		var channel = new Channel(id, draft.name().trim(), before.kind(),
				draft.sendResolved() == null || draft.sendResolved(), config, before.createdAt(),
				clock.instant().truncatedTo(ChronoUnit.MICROS));
		try {
			store.update(channel);
		}
		catch (DuplicateKeyException ex) {
			throw nameTaken(channel.name());
		}
		events.publishEvent(
				new ChannelChanged("channel.updated", ChannelView.masked(before), ChannelView.masked(channel)));
		return ChannelView.masked(channel);
	}

	/** Deletes a channel; its pending deliveries fail, the log keeps their history. */
	@Transactional
	public void delete(UUID id) {
		Channel before = find(id);
		store.delete(id);
		events.publishEvent(new ChannelChanged("channel.deleted", ChannelView.masked(before), null));
	}

	public ChannelView get(UUID id) {
		return ChannelView.masked(find(id));
	}

	public List<ChannelView> list() {
		return store.list().stream().map(ChannelView::masked).toList();
	}

	/**
	 * Enqueues a clearly marked test notice through the normal outbox; its delivery id.
	 */
	@Transactional
	public UUID sendTest(UUID id) {
		Channel channel = find(id);
		String who = Actor.current().name();
		var alert = new NoticeAlert("watchkeeper-test", "firing",
				Map.of("alertname", "WatchkeeperTestNotification", "severity", "low", "channel", channel.name()),
				Map.of("summary", "Test notification from Watchkeeper: no alert is firing", "description",
						"Sent by " + who + " to check that channel " + channel.name() + " delivers.", "runbook_url",
						settings.externalUrl() + "/channels"),
				clock.instant(), null, null);
		var notice = new Notice("watchkeeper-test/" + UUID.randomUUID(), "test", "firing",
				Map.of("alertname", "WatchkeeperTestNotification"), alert.labels(), alert.annotations(), List.of(alert),
				settings.externalUrl() + "/channels/" + channel.id());
		UUID delivery = notifications.insert(channel, notice, "test-" + UUID.randomUUID(), true);
		events.publishEvent(
				new ChannelChanged("channel.tested", ChannelView.masked(channel), ChannelView.masked(channel)));
		return delivery;
	}

	Channel find(UUID id) {
		return store.find(id).orElseThrow(() -> DomainException.notFound("Channel", id));
	}

	/**
	 * The draft's settings; on update, masked or empty secrets keep their stored value.
	 */
	private static ChannelConfig config(ChannelDraft draft, ChannelConfig stored) {
		boolean secretUrl = !"pagerduty".equals(draft.kind() != null ? draft.kind() : "");
		String url = blankToNull(draft.url());
		if (stored != null && secretUrl && (url == null || ChannelView.isMasked(url))) {
			url = stored.url();
		}
		return new ChannelConfig(url,
				draft.recipients() == null ? List.of()
						: draft.recipients().stream().map(r -> r == null ? null : r.trim()).toList(),
				keep(draft.routingKey(), stored == null ? null : stored.routingKey()),
				keep(draft.signingSecret(), stored == null ? null : stored.signingSecret()),
				blankToNull(draft.format()), blankToNull(draft.subjectTemplate()), blankToNull(draft.bodyTemplate()));
	}

	private static String keep(String given, String stored) {
		String value = blankToNull(given);
		return value == null || ChannelView.isMasked(value) ? stored : value;
	}

	private static void validate(String name, String kind, ChannelConfig config) {
		Map<String, String> errors = ChannelRules.check(name, kind, config);
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
	}

	private static DomainException nameTaken(String name) {
		return new DomainException(DomainException.Kind.CONFLICT, "channel-name-taken",
				"A channel named " + name + " already exists (names are compared ignoring case)",
				List.of(new DomainException.FieldError("name", "is taken by another channel")), null);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	/** A channel was created, changed, deleted or tested; secrets masked. */
	public record ChannelChanged(String action, ChannelView previous, ChannelView channel) implements AuditableEvent {

		public String targetType() {
			return "channel";
		}

		public String targetId() {
			return (channel != null ? channel : previous).id().toString();
		}

		public String summary() {
			String name = (channel != null ? channel : previous).name();
			return switch (action) {
				case "channel.created" -> "Created channel " + name;
				case "channel.deleted" -> "Deleted channel " + name;
				case "channel.tested" -> "Sent a test notification to channel " + name;
				default -> "Updated channel " + name;
			};
		}

		public Map<String, Object> before() {
			return "channel.tested".equals(action) ? Map.of() : fields(previous);
		}

		public Map<String, Object> after() {
			return fields(channel);
		}

		private static Map<String, Object> fields(ChannelView view) {
			if (view == null) {
				return Map.of();
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("name", view.name());
			fields.put("kind", view.kind());
			fields.put("send_resolved", view.sendResolved());
			fields.put("url", view.url() == null ? "" : view.url());
			fields.put("recipients", view.recipients());
			fields.put("format", view.format() == null ? "" : view.format());
			fields.put("subject_template", view.subjectTemplate() == null ? "" : view.subjectTemplate());
			fields.put("body_template", view.bodyTemplate() == null ? "" : view.bodyTemplate());
			return fields;
		}

	}

}
