package dev.watchkeeper.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.watchkeeper.alerting.PostableAlert;

/**
 * The alert of a down check, labelled with service, environment, check and severity and
 * annotated with the runbook (the check's, else the service's). A firing alert carries an
 * end a few refresh periods ahead and is re-posted while the check stays down, so it
 * outlives the intake's resolve timeout exactly as long as the check is down.
 */
final class CheckAlerts {

	static final String SOURCE = "watchkeeper";

	private CheckAlerts() {
	}

	/** The slug and runbook of a check's service. */
	record ServiceRef(String slug, String runbookUrl) {
	}

	/**
	 * The alerts a transition posts.
	 * @param downSince when the check went down (the outcome's time if it goes down now)
	 * @param previousSeverity the severity of the alert firing before, if any
	 */
	static List<PostableAlert> of(Check check, ServiceRef service, Outcome outcome, Transition transition,
			Instant downSince, String previousSeverity, Duration refresh) {
		List<PostableAlert> alerts = new ArrayList<>();
		Instant at = outcome.at();
		Instant until = at.plus(refresh.multipliedBy(3).plusSeconds(check.intervalSeconds()));
		String old = previousSeverity != null ? previousSeverity : check.severity();
		switch (transition.alert()) {
			case NONE -> {
			}
			case RESOLVE -> alerts.add(alert(check, service, old, outcome.message(), downSince, at, true));
			case REPLACE -> {
				alerts.add(alert(check, service, old, outcome.message(), downSince, at, true));
				alerts
					.add(alert(check, service, transition.alertSeverity(), outcome.message(), downSince, until, false));
			}
			case FIRE, REFRESH -> alerts
				.add(alert(check, service, transition.alertSeverity(), outcome.message(), downSince, until, false));
		}
		return alerts;
	}

	static Map<String, String> labels(Check check, ServiceRef service, String severity) {
		Map<String, String> labels = new TreeMap<>();
		labels.put("alertname", check.kind() == CheckKind.TLS ? "CertificateExpiring" : "CheckDown");
		labels.put("service", service.slug());
		labels.put("environment", check.environment());
		labels.put("check", check.name());
		labels.put("check_kind", check.kind().value());
		labels.put("severity", severity == null ? check.severity() : severity);
		return labels;
	}

	private static PostableAlert alert(Check check, ServiceRef service, String severity, String message,
			Instant startsAt, Instant endsAt, boolean resolved) {
		Map<String, String> annotations = new LinkedHashMap<>();
		String what = (check.kind() == CheckKind.TLS ? "Certificate check " : "Check ") + check.name() + " of "
				+ service.slug() + " (" + check.environment() + ")";
		annotations.put("summary", resolved ? what + " is up again"
				: what + (check.kind() == CheckKind.TLS ? " warns: " : " is down: ") + message);
		if (message != null && !message.isBlank()) {
			annotations.put("description", message);
		}
		String runbook = check.runbookUrl() != null ? check.runbookUrl() : service.runbookUrl();
		if (runbook != null) {
			annotations.put("runbook_url", runbook);
		}
		return new PostableAlert(labels(check, service, severity), annotations, startsAt, endsAt,
				"/checks/" + check.id());
	}

}
