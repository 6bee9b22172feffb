package dev.watchkeeper.alerting;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.watchkeeper.identity.SecuritySignal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the identity module's security signals (handbook 003: more than 5 failed logins
 * in 15 minutes) into alerts through the same intake as every other source. The listener
 * is durable: the signal is kept in the event registry until the alert is stored.
 */
@Component
class SecuritySignalAlerts {

	static final String SOURCE = "watchkeeper";

	private final Alerts alerts;

	SecuritySignalAlerts(Alerts alerts) {
		this.alerts = alerts;
	}

	@ApplicationModuleListener
	void on(SecuritySignal signal) {
		Map<String, String> labels = new TreeMap<>();
		labels.put("alertname", alertName(signal.kind()));
		labels.put("severity", "high");
		labels.put("category", "security");
		signal.labels().forEach((name, value) -> {
			if (AlertValidation.isLabelName(name) && value != null && !value.isEmpty()) {
				labels.put(name, value);
			}
		});
		var annotations = Map.of("summary", signal.detail(), "description",
				"Raised by Watchkeeper's login protection. Check whether the attempts are expected; an admin can "
						+ "unlock the account under Users, and the audit log lists the attempts' addresses.");
		alerts.receive(List.of(new PostableAlert(labels, annotations, signal.at(), null, null)), SOURCE);
	}

	/** {@code failed_logins} becomes {@code FailedLogins}. */
	static String alertName(String kind) {
		StringBuilder name = new StringBuilder();
		for (String part : kind.split("_")) {
			if (!part.isEmpty()) {
				name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
			}
		}
		return name.toString();
	}

}
