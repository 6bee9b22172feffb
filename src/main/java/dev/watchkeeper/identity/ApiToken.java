package dev.watchkeeper.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * An API token as its owner sees it; the secret itself is shown once, at creation.
 *
 * @param id the token's id
 * @param userId the owner
 * @param name what the owner calls it
 * @param prefix the first characters of the secret, to recognise it
 * @param role the most the token may do; never more than its owner
 * @param createdAt when it was created
 * @param expiresAt when it stops working, if ever
 * @param lastUsedAt when it last authenticated a request (to the minute)
 * @param revokedAt when it was revoked, if it was
 */
public record ApiToken(UUID id, UserId userId, String name, String prefix, Role role, Instant createdAt,
		Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

	public boolean activeAt(Instant now) {
		return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
	}

	/** A token and its secret, returned once. */
	public record Created(ApiToken token, String secret) {
	}

}
