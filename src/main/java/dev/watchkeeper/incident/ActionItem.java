package dev.watchkeeper.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Something to do so the incident does not happen again.
 *
 * @param id the item's id
 * @param postmortemId the post-mortem it belongs to
 * @param title what to do
 * @param ownerId who does it
 * @param dueDate by when; overdue from the start of the next day in the incident time
 * zone
 * @param status open, in progress or done
 * @param overdueNotifiedAt when its owner was told it is overdue
 * @param createdAt when it was added
 * @param updatedAt when it last changed
 * @param doneAt when it was done
 */
public record ActionItem(UUID id, UUID postmortemId, String title, UUID ownerId, LocalDate dueDate,
		ActionItemStatus status, Instant overdueNotifiedAt, Instant createdAt, Instant updatedAt, Instant doneAt) {

	/** Not done and its due date has passed on {@code today}. */
	public boolean overdueOn(LocalDate today) {
		return status != ActionItemStatus.DONE && today.isAfter(dueDate);
	}

}
