package dev.watchkeeper.incident;

import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.notification.DeliveryFailed;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A page the outbox finally could not deliver goes on its incident's timeline, with what
 * the last attempt said: whoever works the incident sees that a person was not reached.
 * Pages are recognised by their idempotency key, {@code incident/<id>/…}.
 */
@Component
class PageDeliveryFailures {

	private final Incidents incidents;

	PageDeliveryFailures(Incidents incidents) {
		this.incidents = incidents;
	}

	@ApplicationModuleListener
	void on(DeliveryFailed failed) {
		String key = failed.idempotencyKey();
		if (key == null || !key.startsWith("incident/")) {
			return;
		}
		UUID incidentId;
		try {
			incidentId = UUID.fromString(key.split("/")[1]);
		}
		catch (RuntimeException ex) {
			return;
		}
		if (incidents.find(incidentId).isEmpty()) {
			return;
		}
		incidents.appendTimeline(incidentId, "page_failed",
				"Could not deliver the " + failed.channelKind() + " message to " + failed.channelName() + " after "
						+ failed.attempts() + " attempt(s): " + failed.lastError(),
				Map.of("deliveryKey", key, "deliveryId", failed.deliveryId().toString()));
	}

}
