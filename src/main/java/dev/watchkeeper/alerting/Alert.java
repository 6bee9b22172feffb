package dev.watchkeeper.alerting;

import java.time.Instant;
import java.util.Map;

/**
 * An alert as Watchkeeper keeps it.
 *
 * @param fingerprint identity: the hash of the labels
 * @param labels the labels
 * @param annotations the annotations
 * @param severity the handbook level from the {@code severity} label, or {@code unknown}
 * @param startsAt when it started
 * @param endsAt when it ends (or ended); for alerts posted without one, the resolve
 * timeout
 * @param generatorUrl what produced it
 * @param source how it arrived: alertmanager-api, alertmanager-webhook, api, or an
 * internal producer
 * @param receivedAt when it was first received
 * @param updatedAt when it was last posted
 */
public record Alert(String fingerprint, Map<String, String> labels, Map<String, String> annotations, String severity,
		Instant startsAt, Instant endsAt, String generatorUrl, String source, Instant receivedAt, Instant updatedAt) {

	public boolean firingAt(Instant now) {
		return endsAt == null || endsAt.isAfter(now);
	}

	public String name() {
		return labels.get("alertname");
	}

	/** Handbook 004 §3.5: every alert must have a runbook; those without are flagged. */
	public boolean hasRunbook() {
		String runbook = annotations.get("runbook_url");
		return runbook != null && !runbook.isBlank();
	}

}
