package dev.watchkeeper.maintenance;

import java.time.Instant;
import java.util.UUID;

/**
 * What emergency maintenance leaves to do (handbook 003): a post-mortem of the work, due
 * the policy's follow-up period after the window ends.
 *
 * @param id the follow-up
 * @param windowId the emergency window
 * @param title what to do
 * @param dueAt when it is due
 * @param doneAt when it was done; null while open
 * @param doneBy who marked it done
 * @param note what they wrote, e.g. a link to the post-mortem
 * @param createdAt when the emergency work was approved
 */
public record FollowUp(UUID id, UUID windowId, String title, Instant dueAt, Instant doneAt, String doneBy, String note,
		Instant createdAt) {

	public boolean overdueAt(Instant now) {
		return doneAt == null && dueAt.isBefore(now);
	}

}
