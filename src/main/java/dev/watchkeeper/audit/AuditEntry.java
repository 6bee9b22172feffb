package dev.watchkeeper.audit;

import java.time.Instant;

/**
 * One recorded change.
 *
 * @param id position in the chain
 * @param occurredAt when
 * @param actorKind user, token or system
 * @param actorId the user's, token's or system's id
 * @param actorName an email, a token name, or Watchkeeper
 * @param actorUserId the user the change is attributed to
 * @param action e.g. {@code service.created}
 * @param targetType e.g. {@code service}
 * @param targetId the changed thing's id or slug
 * @param summary one human sentence
 * @param before the relevant fields before, as JSON
 * @param after the relevant fields after, as JSON
 * @param ipAddress the client address
 * @param userAgent the client's user agent
 * @param requestId the request's X-Request-ID
 * @param previousHash the hash of the entry before
 * @param hash this entry's hash
 */
public record AuditEntry(long id, Instant occurredAt, String actorKind, String actorId, String actorName,
		String actorUserId, String action, String targetType, String targetId, String summary, String before,
		String after, String ipAddress, String userAgent, String requestId, String previousHash, String hash) {
}
