package dev.watchkeeper.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A key that senders of alerts (Prometheus, Alertmanager, scripts) put in
 * {@code Authorization: Bearer …}. It is accepted only on the alert intake endpoints and
 * is bound to one catalog service or one team; the secret is shown once, at creation.
 *
 * @param id the key's id
 * @param name what it is for, e.g. {@code prometheus-eu}
 * @param prefix the first characters of the secret, to recognise it
 * @param serviceId the catalog service it is bound to, or null
 * @param serviceSlug that service's slug (current if the service still exists)
 * @param teamId the team it is bound to, or null
 * @param teamSlug that team's slug
 * @param createdBy who created it, if that user still exists
 * @param createdAt when it was created
 * @param lastUsedAt when it last authenticated a request (to the minute)
 * @param revokedAt when it was revoked, if it was
 */
public record IntegrationKey(UUID id, String name, String prefix, UUID serviceId, String serviceSlug, TeamId teamId,
		String teamSlug, UserId createdBy, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

	public boolean active() {
		return revokedAt == null;
	}

	/** What the key is bound to, as people read it: {@code service checkout}. */
	public String boundTo() {
		return serviceId != null ? "service " + serviceSlug : "team " + teamSlug;
	}

	/** A key and its secret, returned once. */
	public record Created(IntegrationKey key, String secret) {
	}

}
