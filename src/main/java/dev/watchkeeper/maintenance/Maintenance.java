package dev.watchkeeper.maintenance;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Read access to maintenance for other modules (the status page): occurrences of windows
 * that are active or upcoming for a set of services. Windows awaiting emergency approval
 * or rejected are never returned; a cancelled window's occurrences end at its
 * cancellation.
 */
public interface Maintenance {

	/**
	 * Occurrences active at {@code at} ({@code startsAt <= at < endsAt}) that affect at
	 * least one of {@code serviceIds} (all services when {@code serviceIds} is empty), by
	 * start.
	 */
	List<MaintenanceOccurrence> active(Collection<UUID> serviceIds, Instant at);

	/**
	 * Occurrences that start after {@code at} and before {@code until} and affect at
	 * least one of {@code serviceIds} (all services when {@code serviceIds} is empty), by
	 * start.
	 */
	List<MaintenanceOccurrence> upcoming(Collection<UUID> serviceIds, Instant at, Instant until);

	/**
	 * Occurrences overlapping {@code [from, to)} — past, active and upcoming — for all
	 * services, by start; the status page's history and calendar.
	 */
	List<MaintenanceOccurrence> between(Instant from, Instant to);

	/**
	 * One occurrence of a window.
	 *
	 * @param windowId the window
	 * @param title the window's title, shown publicly
	 * @param description what is done, shown publicly
	 * @param startsAt start of this occurrence
	 * @param endsAt end of this occurrence
	 * @param serviceIds the affected services
	 * @param emergency whether the window is emergency work
	 */
	record MaintenanceOccurrence(UUID windowId, String title, String description, Instant startsAt, Instant endsAt,
			List<UUID> serviceIds, boolean emergency) {

		public MaintenanceOccurrence {
			serviceIds = List.copyOf(serviceIds);
		}

		/** Whether this occurrence covers {@code at}. */
		public boolean activeAt(Instant at) {
			return !at.isBefore(startsAt) && at.isBefore(endsAt);
		}

	}

}
