package dev.watchkeeper.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An incident as it stands.
 *
 * @param id the incident's id
 * @param number a short number people say ("INC-42")
 * @param title what is wrong, in a line
 * @param summary more detail, if given
 * @param severity the severity level's name, e.g. SEV-2
 * @param serviceId the catalog service affected, if known
 * @param status where it stands
 * @param channel the chat channel name, {@code #incident-YYYY-MM-DD-<slug>}
 * @param declaredAt when it was declared
 * @param declaredBy who declared it (a name)
 * @param declaredByUserId the user who declared it, if a user did
 * @param acknowledgedAt when it was first acknowledged
 * @param acknowledgedBy who acknowledged it
 * @param ackDueAt the acknowledgement target as an instant
 * @param resolveDueAt the resolution target as an instant
 * @param ackBreachedAt when the acknowledgement target passed unmet, if it did
 * @param resolveBreachedAt when the resolution target passed unmet, if it did
 * @param resolvedAt when it was resolved
 * @param closedAt when it was closed
 * @param commanderId the incident commander
 * @param communicationsLeadId the communications lead
 * @param scribeId the scribe
 * @param lastUpdateAt the last status update (declaration, status change or update note)
 * @param lastReminderAt the last reminder that an update was due
 * @param updatedAt when anything last changed
 */
public record Incident(UUID id, long number, String title, String summary, String severity, UUID serviceId,
		IncidentStatus status, String channel, Instant declaredAt, String declaredBy, UUID declaredByUserId,
		Instant acknowledgedAt, String acknowledgedBy, Instant ackDueAt, Instant resolveDueAt, Instant ackBreachedAt,
		Instant resolveBreachedAt, Instant resolvedAt, Instant closedAt, UUID commanderId, UUID communicationsLeadId,
		UUID scribeId, Instant lastUpdateAt, Instant lastReminderAt, Instant updatedAt) {

	/** "INC-42". */
	public String reference() {
		return "INC-" + number;
	}

	public UUID holder(IncidentRole role) {
		return switch (role) {
			case COMMANDER -> commanderId;
			case COMMUNICATIONS_LEAD -> communicationsLeadId;
			case SCRIBE -> scribeId;
		};
	}

	/** Time to acknowledge, once acknowledged. */
	public Duration timeToAcknowledge() {
		return acknowledgedAt == null ? null : Duration.between(declaredAt, acknowledgedAt);
	}

	/** Time to resolve, once resolved. */
	public Duration timeToResolve() {
		return resolvedAt == null ? null : Duration.between(declaredAt, resolvedAt);
	}

}
