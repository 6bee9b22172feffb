package dev.watchkeeper.alerting;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.watchkeeper.notification.DeliveryFailed;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A delivery that finally failed becomes an alert, {@code NotificationDeliveryFailed}, so
 * the people on call learn that a notice did not reach anyone. The listener is durable:
 * the event stays in the registry until the alert is stored. One alert per channel: a
 * second failure on the same channel refreshes it. Its description says what to check
 * (the docs are not served by the app, so it carries no runbook link and is flagged so).
 */
@Component
class DeliveryFailureAlerts {

	static final String ALERTNAME = "NotificationDeliveryFailed";

	private final Alerts alerts;

	DeliveryFailureAlerts(Alerts alerts) {
		this.alerts = alerts;
	}

	@ApplicationModuleListener
	void on(DeliveryFailed failed) {
		Map<String, String> labels = new TreeMap<>();
		labels.put("alertname", ALERTNAME);
		labels.put("severity", "high");
		labels.put("channel", failed.channelName());
		labels.put("kind", failed.channelKind());
		String error = failed.lastError() == null ? "unknown error" : failed.lastError();
		var annotations = Map.of("summary",
				"Notification channel "
						+ failed.channelName() + " failed to deliver after " + failed.attempts() + " attempts",
				"description",
				"The " + failed.channelKind() + " channel " + failed.channelName()
						+ " gave up on a notice (idempotency key " + failed.idempotencyKey() + ", delivery "
						+ failed.deliveryId() + "). Last error: " + error
						+ ". Check the channel's settings and the peer, then use \"send test\"; the delivery log "
						+ "under Notifications lists the attempts.",
				"delivery_id", String.valueOf(failed.deliveryId()));
		alerts.receive(List.of(new PostableAlert(labels, annotations, null, null, null)), "watchkeeper");
	}

}
