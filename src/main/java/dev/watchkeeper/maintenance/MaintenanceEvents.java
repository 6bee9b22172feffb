package dev.watchkeeper.maintenance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What happens to maintenance windows. Each event names one occurrence of a window: for a
 * recurring window {@code startsAt}/{@code endsAt} are those of the occurrence concerned.
 * Published in the transaction of the change (or of the timer that fired); listeners in
 * other modules receive them after commit, at least once.
 */
public final class MaintenanceEvents {

	private MaintenanceEvents() {
	}

	/** A window was scheduled (created, or changed and scheduled again). */
	public record WindowScheduled(UUID windowId, String title, Instant startsAt, Instant endsAt,
			List<UUID> serviceIds) {
	}

	/** A window starts soon (the configured reminder lead before its start). */
	public record WindowReminder(UUID windowId, String title, Instant startsAt, Instant endsAt, List<UUID> serviceIds) {
	}

	/**
	 * A window started: its services are under maintenance and their alerts suppressed.
	 */
	public record WindowStarted(UUID windowId, String title, Instant startsAt, Instant endsAt, List<UUID> serviceIds) {
	}

	/** A window ended: alerts of its services that still fire are notified now. */
	public record WindowEnded(UUID windowId, String title, Instant startsAt, Instant endsAt, List<UUID> serviceIds) {
	}

	/** A window was cancelled before it ended; nothing more happens for it. */
	public record WindowCancelled(UUID windowId, String title, Instant startsAt, Instant endsAt,
			List<UUID> serviceIds) {
	}

}
