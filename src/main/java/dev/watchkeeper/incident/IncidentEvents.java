package dev.watchkeeper.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What happens to incidents, post-mortems and action items. Published in the transaction
 * of the change; listeners in other modules receive them after commit, at least once.
 */
public final class IncidentEvents {

	private IncidentEvents() {
	}

	/** An incident was declared (by hand here; later also opened by alerts). */
	public record IncidentOpened(UUID incidentId, long number, String title, String severity, UUID serviceId,
			Instant at) {
	}

	/** Someone acknowledged the incident, explicitly or by moving it past triggered. */
	public record IncidentAcknowledged(UUID incidentId, String by, UUID byUserId, Instant at) {
	}

	/** The status moved, e.g. from investigating to identified. */
	public record IncidentStatusChanged(UUID incidentId, IncidentStatus from, IncidentStatus to, Instant at) {
	}

	/** The severity changed; the targets now follow the new level. */
	public record IncidentSeverityChanged(UUID incidentId, String from, String to, Instant at) {
	}

	/** The incident was resolved. */
	public record IncidentResolved(UUID incidentId, String severity, Instant at) {
	}

	/**
	 * A target passed unmet.
	 *
	 * @param incidentId the incident
	 * @param kind {@code acknowledge} or {@code resolve}
	 * @param target the target of the incident's severity, e.g. PT15M
	 * @param at the instant the target passed (declaration plus target)
	 */
	public record IncidentSlaBreached(UUID incidentId, String kind, Duration target, Instant at) {
	}

	/** The incident was closed: its post-mortem is published, or none was required. */
	public record IncidentClosed(UUID incidentId, Instant at) {
	}

	/** A status update is due per the severity's cadence. */
	public record IncidentUpdateDue(UUID incidentId, Instant lastUpdateAt, Instant at) {
	}

	/** A role was given to someone, or cleared ({@code userId} null). */
	public record IncidentRoleAssigned(UUID incidentId, IncidentRole role, UUID userId, Instant at) {
	}

	/** A post-mortem is due soon, due now, or late ({@code at} after {@code dueAt}). */
	public record PostmortemReminderDue(UUID postmortemId, UUID incidentId, Instant dueAt, Instant at) {

		public boolean overdue() {
			return at.isAfter(dueAt);
		}

	}

	/** A post-mortem was published. */
	public record PostmortemPublished(UUID postmortemId, UUID incidentId, Instant at) {
	}

	/** An action item passed its due date without being done. */
	public record ActionItemOverdue(UUID actionItemId, UUID postmortemId, UUID incidentId, UUID ownerId,
			LocalDate dueDate, Instant at) {
	}

	/** An incident's public side was published, changed or taken off the status page. */
	public record IncidentPublicationChanged(UUID incidentId, boolean visible, Instant at) {
	}

	/** A public update was posted for an incident on the status page. */
	public record PublicUpdatePosted(UUID incidentId, UUID updateId, String status, boolean visible, Instant at) {
	}

}
