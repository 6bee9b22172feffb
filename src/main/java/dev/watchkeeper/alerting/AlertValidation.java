package dev.watchkeeper.alerting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus's rules for alerts: an {@code alertname}, label names matching
 * {@code [a-zA-Z_][a-zA-Z0-9_]*} and not starting with {@code __}, no empty label values,
 * {@code startsAt} not after {@code endsAt}. Every problem of a batch is reported at
 * once.
 */
final class AlertValidation {

	static final int MAX_LABELS = 64;

	static final int MAX_VALUE_LENGTH = 4096;

	private AlertValidation() {
	}

	static Map<String, String> check(List<PostableAlert> alerts, int maxBatch) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (alerts == null || alerts.isEmpty()) {
			errors.put("alerts", "send at least one alert");
			return errors;
		}
		if (alerts.size() > maxBatch) {
			errors.put("alerts", "at most " + maxBatch + " alerts per request (got " + alerts.size() + ")");
			return errors;
		}
		for (int i = 0; i < alerts.size(); i++) {
			check(alerts.get(i), "alerts[" + i + "]", errors);
		}
		return errors;
	}

	private static void check(PostableAlert alert, String at, Map<String, String> errors) {
		if (alert == null || alert.labels() == null || alert.labels().isEmpty()) {
			errors.put(at + ".labels", "must include alertname");
			return;
		}
		String name = alert.labels().get("alertname");
		if (name == null || name.isBlank()) {
			errors.put(at + ".labels.alertname", "is required");
		}
		if (alert.labels().size() > MAX_LABELS) {
			errors.put(at + ".labels", "at most " + MAX_LABELS + " labels");
		}
		alert.labels().forEach((label, value) -> {
			if (label == null || !isLabelName(label) || label.startsWith("__")) {
				errors.put(at + ".labels." + label, "is not a valid label name ([a-zA-Z_][a-zA-Z0-9_]*, not __…)");
			}
			else if (value == null || value.isEmpty()) {
				errors.put(at + ".labels." + label, "has an empty value");
			}
			else if (value.length() > MAX_VALUE_LENGTH) {
				errors.put(at + ".labels." + label, "is longer than " + MAX_VALUE_LENGTH + " characters");
			}
		});
		if (alert.annotations() != null) {
			alert.annotations().forEach((annotation, value) -> {
				if (annotation == null || !isLabelName(annotation)) {
					errors.put(at + ".annotations." + annotation, "is not a valid annotation name");
				}
			});
		}
		if (alert.startsAt() != null && alert.endsAt() != null && alert.endsAt().isBefore(alert.startsAt())) {
			errors.put(at + ".endsAt", "is before startsAt");
		}
		if (alert.generatorURL() != null && alert.generatorURL().length() > 2048) {
			errors.put(at + ".generatorURL", "is longer than 2048 characters");
		}
	}

	/**
	 * Whether the name matches {@code [a-zA-Z_][a-zA-Z0-9_]*}; checked for every label of
	 * every posted alert, so without a regular expression.
	 */
	static boolean isLabelName(String name) {
		if (name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
			if (!letter && (i == 0 || c < '0' || c > '9')) {
				return false;
			}
		}
		return true;
	}

}
