package dev.watchkeeper.incident;

import java.time.Instant;
import java.util.Map;

/**
 * An alert attached to an incident, as last heard of.
 *
 * @param fingerprint the alert's identity within its source
 * @param alertname the {@code alertname} label (the fingerprint without one)
 * @param labels every label
 * @param summary the {@code summary} annotation, if any
 * @param runbookUrl the {@code runbook_url} annotation, if any
 * @param hasRunbook whether it names a runbook
 * @param status firing or resolved
 * @param startsAt since when it fires
 * @param endsAt when it resolved, if it did
 * @param updatedAt when its state last changed on the incident
 */
public record IncidentAlert(String fingerprint, String alertname, Map<String, String> labels, String summary,
		String runbookUrl, boolean hasRunbook, String status, Instant startsAt, Instant endsAt, Instant updatedAt) {
}
