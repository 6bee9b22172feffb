package dev.watchkeeper.oncall;

import java.time.Instant;
import java.util.UUID;

import dev.watchkeeper.identity.UserId;

/**
 * A stretch of time one person is on call in one layer.
 *
 * @param scheduleId the schedule
 * @param layer the layer's 1-based position
 * @param layerName the layer's name
 * @param userId who is on call
 * @param start first instant
 * @param end first instant after
 * @param overrideId the override that put them there, or null for the rotation
 */
public record Shift(UUID scheduleId, int layer, String layerName, UserId userId, Instant start, Instant end,
		UUID overrideId) {

	public boolean contains(Instant at) {
		return !at.isBefore(start) && at.isBefore(end);
	}

}
