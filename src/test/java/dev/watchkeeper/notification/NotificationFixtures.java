package dev.watchkeeper.notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Notices as routing would build them. */
final class NotificationFixtures {

	private NotificationFixtures() {
	}

	static Notice firing(String groupKey, String runbookUrl) {
		Map<String, String> annotations = new LinkedHashMap<>();
		annotations.put("summary", "Error rate above 5% for 5 minutes");
		annotations.put("description", "checkout-api answers 7.2% of requests with 5xx");
		if (runbookUrl != null) {
			annotations.put("runbook_url", runbookUrl);
		}
		var first = new NoticeAlert("fp-1", "firing",
				Map.of("alertname", "HighErrorRate", "service", "checkout-api", "severity", "high", "instance", "a"),
				annotations, Instant.parse("2026-11-24T05:00:00Z"), null, "http://prometheus.local/graph?g0.expr=x");
		var second = new NoticeAlert("fp-2", "firing",
				Map.of("alertname", "HighErrorRate", "service", "checkout-api", "severity", "high", "instance", "b"),
				annotations, Instant.parse("2026-11-24T05:01:00Z"), null, null);
		return new Notice(groupKey, "checkout-team", "firing",
				Map.of("alertname", "HighErrorRate", "service", "checkout-api"),
				Map.of("alertname", "HighErrorRate", "service", "checkout-api", "severity", "high"), annotations,
				List.of(first, second), "http://localhost:8000/alerts?group=" + groupKey);
	}

	static Notice resolved(String groupKey) {
		Notice firing = firing(groupKey, "https://runbooks.example.com/high-error-rate");
		List<NoticeAlert> alerts = firing.alerts()
			.stream()
			.map(a -> new NoticeAlert(a.fingerprint(), "resolved", a.labels(), a.annotations(), a.startsAt(),
					Instant.parse("2026-11-24T05:30:00Z"), a.generatorUrl()))
			.toList();
		return new Notice(groupKey, firing.receiver(), "resolved", firing.groupLabels(), firing.commonLabels(),
				firing.commonAnnotations(), alerts, firing.link());
	}

}
