package dev.watchkeeper.platform;

import java.util.Map;

/**
 * A domain event that the audit trail records. Publish it inside the transaction that
 * makes the change; the audit module appends the entry in that same transaction, together
 * with the current {@link Actor} and {@link RequestOrigin}, so a change and its record
 * commit or roll back together.
 */
public interface AuditableEvent {

	/** Dotted verb such as {@code service.created} or {@code account.locked}. */
	String action();

	/** The kind of thing changed: {@code service}, {@code user}, {@code api_token} … */
	String targetType();

	/** The changed thing's id or slug. */
	String targetId();

	/** One human sentence, e.g. "Created service checkout". */
	String summary();

	/** The relevant fields before the change; empty for a creation. Never secrets. */
	default Map<String, Object> before() {
		return Map.of();
	}

	/** The relevant fields after the change; empty for a deletion. Never secrets. */
	default Map<String, Object> after() {
		return Map.of();
	}

	/**
	 * Who the change is attributed to; by default whoever is signed in on this thread.
	 * Events such as a lockout, caused by someone not signed in, name the actor
	 * themselves.
	 */
	default Actor actor() {
		return Actor.current();
	}

}
