package dev.watchkeeper.statuspage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One occurrence of a maintenance window as the status page shows it.
 *
 * @param windowId the window
 * @param title shown publicly
 * @param startsAt start of the occurrence
 * @param endsAt end of the occurrence
 * @param serviceIds affected services
 * @param recorded the status the last event left: scheduled, in_progress, completed or
 * cancelled
 * @param createdAt when the page first learned of it
 * @param updatedAt when it last changed
 */
record PlannedWork(UUID windowId, String title, Instant startsAt, Instant endsAt, List<UUID> serviceIds,
		String recorded, Instant createdAt, Instant updatedAt) {

	PlannedWork {
		serviceIds = List.copyOf(serviceIds);
	}

	/** Statuspage's status at {@code now}: the clock wins over an event that is late. */
	String status(Instant now) {
		if ("cancelled".equals(recorded) || "completed".equals(recorded)) {
			return recorded;
		}
		if (!now.isBefore(endsAt)) {
			return "completed";
		}
		return now.isBefore(startsAt) ? "scheduled" : "in_progress";
	}

	boolean activeAt(Instant now) {
		return "in_progress".equals(status(now));
	}

	boolean upcomingAt(Instant now) {
		return "scheduled".equals(status(now));
	}

	/** A stable id per occurrence for the API. */
	String publicId() {
		return windowId + "-" + startsAt.getEpochSecond();
	}

}
