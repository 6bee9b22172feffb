package dev.watchkeeper.incident;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One line of an incident's timeline.
 *
 * @param id increasing with the order of writing
 * @param incidentId the incident
 * @param at when it happened
 * @param kind what happened: declared, acknowledged, status_changed, severity_changed,
 * role_assigned, note, status_update, sla_breached, update_due, resolved, closed,
 * postmortem_created, postmortem_status, postmortem_reminder, action_item_overdue, or a
 * kind another module writes
 * @param text the line as people read it
 * @param actor who did it, if someone did
 * @param actorUserId the user who did it, if a user did
 * @param data details for programs, e.g. {@code {"from":"SEV-3","to":"SEV-1"}}
 */
public record TimelineEntry(long id, UUID incidentId, Instant at, String kind, String text, String actor,
		UUID actorUserId, Map<String, Object> data) {
}
