package dev.watchkeeper.alerting;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alert intake settings, bound from {@code watchkeeper.alerting.*}.
 *
 * @param resolveTimeout how long an alert without {@code endsAt} stays firing unless
 * refreshed (Alertmanager's {@code resolve_timeout})
 * @param maxBatch the most alerts one request may carry
 * @param severityAliases label values mapped to the handbook's levels (critical, high,
 * medium, low); keys are matched case-insensitively
 */
@ConfigurationProperties("watchkeeper.alerting")
public record AlertingSettings(@DefaultValue("5m") Duration resolveTimeout, @DefaultValue("1000") int maxBatch,
		Map<String, String> severityAliases) {

	/**
	 * The handbook's levels and their usual spellings elsewhere (Prometheus, PagerDuty,
	 * SEV-n, Pn).
	 */
	static final Map<String, String> DEFAULT_ALIASES = Map.ofEntries(Map.entry("critical", "critical"),
			Map.entry("high", "high"), Map.entry("medium", "medium"), Map.entry("low", "low"),
			Map.entry("error", "high"), Map.entry("warning", "medium"), Map.entry("warn", "medium"),
			Map.entry("info", "low"), Map.entry("informational", "low"), Map.entry("p0", "critical"),
			Map.entry("p1", "high"), Map.entry("p2", "medium"), Map.entry("p3", "low"), Map.entry("sev-1", "critical"),
			Map.entry("sev-2", "high"), Map.entry("sev-3", "medium"), Map.entry("sev-4", "low"),
			Map.entry("sev1", "critical"), Map.entry("sev2", "high"), Map.entry("sev3", "medium"),
			Map.entry("sev4", "low"));

	public AlertingSettings {
		var merged = new java.util.HashMap<>(DEFAULT_ALIASES);
		if (severityAliases != null) {
			severityAliases.forEach((alias, level) -> merged.put(alias.toLowerCase(java.util.Locale.ROOT), level));
		}
		severityAliases = Map.copyOf(merged);
	}

	/**
	 * The handbook level for a {@code severity} label value; {@code unknown} when it has
	 * none.
	 */
	String severityOf(String label) {
		if (label == null || label.isBlank()) {
			return "unknown";
		}
		return severityAliases.getOrDefault(label.trim().toLowerCase(java.util.Locale.ROOT), "unknown");
	}

}
