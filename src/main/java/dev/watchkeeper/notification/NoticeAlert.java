package dev.watchkeeper.notification;

import java.time.Instant;
import java.util.Map;

/**
 * One alert inside a notice, as channels render it.
 *
 * @param fingerprint the alert's identity
 * @param status {@code firing} or {@code resolved}
 * @param labels the alert's labels
 * @param annotations summary, description, runbook_url …
 * @param startsAt when it started firing
 * @param endsAt when it resolved, if it did
 * @param generatorUrl where it came from
 */
public record NoticeAlert(String fingerprint, String status, Map<String, String> labels,
		Map<String, String> annotations, Instant startsAt, Instant endsAt, String generatorUrl) {
}
