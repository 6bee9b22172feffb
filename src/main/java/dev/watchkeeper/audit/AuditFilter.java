package dev.watchkeeper.audit;

import java.time.Instant;

/**
 * Which entries to list; null fields do not filter.
 *
 * @param action exact action, e.g. {@code account.locked}
 * @param targetType exact target type
 * @param targetId exact target id
 * @param actor an actor id, or a part of an actor's name
 * @param from entries at or after
 * @param to entries before
 */
public record AuditFilter(String action, String targetType, String targetId, String actor, Instant from, Instant to) {

	public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);

}
