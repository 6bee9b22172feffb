package dev.watchkeeper.statuspage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.watchkeeper.catalog.Components;
import dev.watchkeeper.notification.Notifications;
import dev.watchkeeper.notification.PersonalMessage;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;
import dev.watchkeeper.platform.SignedLinks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions to the status page: email with double opt-in and a choice of components,
 * and webhooks confirmed through an email to their owner. A request is answered the same
 * whether or not the address is already subscribed; only the mailbox's owner learns more.
 */
@Service
public class Subscriptions {

	static final String CONFIRM = "statuspage-confirm";

	static final String UNSUBSCRIBE = "statuspage-unsubscribe";

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}");

	private static final Duration UNSUBSCRIBE_VALID_FOR = Duration.ofDays(3650);

	private final SubscriberStore store;

	private final Components components;

	private final Notifications notifications;

	private final SignedLinks links;

	private final AddressLimiter limiter;

	private final StatuspageSettings settings;

	private final Clock clock;

	Subscriptions(SubscriberStore store, Components components, Notifications notifications, SignedLinks links,
			AddressLimiter limiter, StatuspageSettings settings, Clock clock) {
		this.store = store;
		this.components = components;
		this.notifications = notifications;
		this.links = links;
		this.limiter = limiter;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Takes a subscription request from a visitor at {@code address}: checks it, counts
	 * it against the address's hourly limit and mails a confirmation link.
	 * @param kind email or webhook
	 * @param endpoint the webhook URL (webhook only)
	 * @param componentIds the components to hear about; empty for all
	 */
	@Transactional
	public void subscribe(String kind, String email, String endpoint, List<UUID> componentIds, String address) {
		limiter.acquire(address);
		Map<String, String> errors = new LinkedHashMap<>();
		String mail = email == null ? "" : email.strip();
		if (!"email".equals(kind) && !"webhook".equals(kind)) {
			errors.put("kind", "must be email or webhook");
		}
		if (mail.length() > 254 || !EMAIL.matcher(mail).matches()) {
			errors.put("email", "must be an email address such as ana@example.com");
		}
		String url = endpoint == null || endpoint.isBlank() ? null : endpoint.strip();
		if ("webhook".equals(kind) && (url == null || url.length() > 500
				|| !(url.startsWith("https://") || url.startsWith("http://")) || url.contains(" "))) {
			errors.put("endpoint", "must be an http or https URL of at most 500 characters");
		}
		List<UUID> ids = componentIds == null ? List.of() : componentIds.stream().distinct().toList();
		for (int i = 0; i < ids.size(); i++) {
			if (ids.get(i) == null || components.find(ids.get(i)).isEmpty()) {
				errors.put("componentIds[" + i + "]", "no component " + ids.get(i));
			}
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		store.deletePendingBefore(now.minus(settings.confirmWithin()));
		var subscriber = new Subscriber(UUID.randomUUID(), kind, mail, "webhook".equals(kind) ? url : null, ids, null,
				now);
		store.insert(subscriber);
		String confirm = confirmUrl(subscriber.id());
		String what = "webhook".equals(kind) ? "webhook notices to " + url : "email notices";
		String text = "Someone, hopefully you, asked for " + what + " about " + settings.name() + " ("
				+ (ids.isEmpty() ? "all components" : ids.size() + " component(s)") + ").\n\n" + "Confirm within "
				+ hours(settings.confirmWithin()) + " hours: " + confirm + "\n\n"
				+ "If you did not ask for this, ignore this message and nothing more will be sent.\n" + "Unsubscribe: "
				+ unsubscribeUrl(subscriber.id());
		notifications.enqueueToPerson("email", mail,
				new PersonalMessage("Confirm your subscription to " + settings.name(), text, null,
						List.of(new PersonalMessage.Action("Confirm subscription", confirm),
								new PersonalMessage.Action("Unsubscribe", unsubscribeUrl(subscriber.id())))),
				"statuspage-confirm:" + subscriber.id());
	}

	/**
	 * Confirms the subscription a confirmation token names; empty when it no longer
	 * exists.
	 */
	@Transactional
	public Optional<Subscriber> confirm(String token) {
		UUID id = subscriber(token, CONFIRM);
		return store.confirm(id, clock.instant().truncatedTo(ChronoUnit.MICROS));
	}

	/**
	 * Ends the subscription an unsubscribe token names (nothing when it is already gone).
	 */
	@Transactional
	public void unsubscribe(String token) {
		store.delete(subscriber(token, UNSUBSCRIBE));
	}

	/** Checks a confirmation or unsubscribe token without acting on it. */
	public void check(String token, boolean confirming) {
		subscriber(token, confirming ? CONFIRM : UNSUBSCRIBE);
	}

	public PageQuery.Page<Subscriber> list(PageQuery page) {
		return store.list(page);
	}

	@Transactional
	public void delete(UUID id) {
		if (!store.delete(id)) {
			throw DomainException.notFound("Subscriber", id);
		}
	}

	String unsubscribeUrl(UUID subscriberId) {
		return settings.url() + "/unsubscribe?token="
				+ links.sign(UNSUBSCRIBE, Map.of("s", subscriberId.toString()), UNSUBSCRIBE_VALID_FOR);
	}

	private String confirmUrl(UUID subscriberId) {
		return settings.url() + "/subscriptions/confirm?token="
				+ links.sign(CONFIRM, Map.of("s", subscriberId.toString()), settings.confirmWithin());
	}

	private UUID subscriber(String token, String purpose) {
		try {
			return UUID.fromString(links.verify(token, purpose).claim("s"));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new DomainException(DomainException.Kind.FORBIDDEN, "link-invalid", "This link is not valid");
		}
	}

	private static long hours(Duration duration) {
		return Math.max(1, duration.toHours());
	}

}
