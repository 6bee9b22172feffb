package dev.watchkeeper.oncall;

import java.time.Instant;
import java.util.UUID;

import dev.watchkeeper.identity.UserId;

/**
 * Someone covers a period of a layer for someone else. Within [start, end) the override
 * takes precedence over the rotation and its restrictions: without a covered user the
 * layer is {@code userId}'s for the whole period; with one, only the parts where the
 * covered user would be on call pass to {@code userId}. When overrides overlap, the later
 * one wins.
 *
 * @param id the override's id
 * @param scheduleId the schedule
 * @param layer the layer's 1-based position (1 = primary)
 * @param userId who covers
 * @param coveredUserId whose shift is covered, or null for whoever is on call
 * @param start first instant covered
 * @param end first instant no longer covered
 * @param note why, e.g. "swap for the conference"
 * @param createdBy who made it (an email or token name)
 * @param createdAt when made; later overrides win
 */
public record ScheduleOverride(UUID id, UUID scheduleId, int layer, UserId userId, UserId coveredUserId, Instant start,
		Instant end, String note, String createdBy, Instant createdAt) {

	public boolean covers(Instant at) {
		return !at.isBefore(start) && at.isBefore(end);
	}

}
