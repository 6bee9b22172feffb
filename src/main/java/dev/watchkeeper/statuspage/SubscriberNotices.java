package dev.watchkeeper.statuspage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.incident.IncidentEvents.PublicUpdatePosted;
import dev.watchkeeper.incident.IncidentPublications;
import dev.watchkeeper.incident.Publication;
import dev.watchkeeper.notification.Notifications;
import dev.watchkeeper.notification.PersonalMessage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells subscribers about public incident updates and maintenance, through the outbox: an
 * email with an unsubscribe link, or a Statuspage-style webhook post whose {@code meta}
 * carries the unsubscribe link. Only subscribers of an affected component (or of all
 * components) hear of it.
 */
@Component
class SubscriberNotices {

	static final int MAX_SUBSCRIBERS = 100_000;

	private final SubscriberStore subscribers;

	private final Subscriptions subscriptions;

	private final IncidentPublications publications;

	private final Notifications notifications;

	private final StatusCache cache;

	private final StatuspageSettings settings;

	private final JsonMapper json;

	SubscriberNotices(SubscriberStore subscribers, Subscriptions subscriptions, IncidentPublications publications,
			Notifications notifications, StatusCache cache, StatuspageSettings settings) {
		this.subscribers = subscribers;
		this.subscriptions = subscriptions;
		this.publications = publications;
		this.notifications = notifications;
		this.cache = cache;
		this.settings = settings;
		this.json = StatusRenderer.JSON;
	}

	@ApplicationModuleListener
	void on(PublicUpdatePosted event) {
		if (!event.visible()) {
			return;
		}
		cache.invalidateAfterCommit();
		Publication publication = publications.find(event.incidentId()).orElse(null);
		if (publication == null) {
			return;
		}
		Publication.PublicUpdate update = publication.updates()
			.stream()
			.filter(u -> u.id().equals(event.updateId()))
			.findFirst()
			.orElse(null);
		if (update == null) {
			return;
		}
		StatusRenderer.Documents documents = cache.current();
		StatusJson statusJson = new StatusJson(documents.snapshot(), settings);
		String components = names(documents.snapshot(), publication.componentIds());
		String subject = "[" + settings.name() + "] " + publication.title() + ": " + capitalised(update.status());
		String text = update.body() + "\n\nStatus: " + update.status() + "\nImpact: " + publication.impact()
				+ (components.isEmpty() ? "" : "\nAffected: " + components);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("incident", statusJson.incident(publication));
		send(documents.snapshot(), statusJson, publication.componentIds(), subject, text, payload,
				"statuspage:" + update.id());
	}

	/**
	 * Sends one notice to every confirmed subscriber following one of the components.
	 * @param components the affected components; empty for the whole page
	 */
	void send(StatusSnapshot snapshot, StatusJson statusJson, List<UUID> components, String subject, String text,
			Map<String, Object> payload, String key) {
		for (Subscriber subscriber : subscribers.confirmed(MAX_SUBSCRIBERS)) {
			if (!subscriber.follows(components)) {
				continue;
			}
			String unsubscribe = subscriptions.unsubscribeUrl(subscriber.id());
			if ("email".equals(subscriber.kind())) {
				notifications.enqueueToPerson("email", subscriber.email(),
						new PersonalMessage(subject,
								text + "\n\nStatus page: " + settings.url() + "\nUnsubscribe: " + unsubscribe, null,
								List.of(new PersonalMessage.Action("Unsubscribe", unsubscribe))),
						key + ":" + subscriber.id());
			}
			else {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("meta",
						Map.of("unsubscribe", unsubscribe, "documentation", settings.url() + "/subscribe#webhooks"));
				Map<String, Object> page = new LinkedHashMap<>();
				page.put("id", StatusJson.pageId(settings));
				page.put("status_indicator", snapshot.indicator());
				page.put("status_description", snapshot.description());
				body.put("page", page);
				body.putAll(payload);
				notifications.enqueueJsonPost(subscriber.endpoint(), subject, json.writeValueAsString(body),
						key + ":" + subscriber.id());
			}
		}
	}

	static String names(StatusSnapshot snapshot, List<UUID> ids) {
		return String.join(", ", ids.stream().map(snapshot::componentName).filter(java.util.Objects::nonNull).toList());
	}

	static String capitalised(String value) {
		return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
	}

}
