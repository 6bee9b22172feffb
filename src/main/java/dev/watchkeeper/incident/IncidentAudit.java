package dev.watchkeeper.incident;

import java.util.Map;

import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.AuditableEvent;

/**
 * An audit entry for a change people made to an incident, a post-mortem or an action
 * item; the audit module writes it in the same transaction.
 */
record IncidentAudit(String action, String targetType, String targetId, String summary, Map<String, Object> before,
		Map<String, Object> after, Actor actor) implements AuditableEvent {

	static IncidentAudit of(String action, Incident incident, String summary, Map<String, Object> before,
			Map<String, Object> after, Actor actor) {
		return new IncidentAudit(action, "incident", incident.reference(), summary, before, after, actor);
	}

}
