package dev.watchkeeper.oncall;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.identity.TeamId;

/**
 * An on-call schedule: ordered layers (primary first), in one IANA time zone, belonging
 * to a team.
 *
 * @param id the schedule's id
 * @param name display name
 * @param description what it covers
 * @param teamId the team it belongs to, if any
 * @param timeZone the IANA zone hand-offs and restrictions are read in
 * @param layers the layers, primary first
 * @param createdAt when created
 * @param updatedAt when last changed
 */
public record Schedule(UUID id, String name, String description, TeamId teamId, String timeZone, List<Layer> layers,
		Instant createdAt, Instant updatedAt) {

	public Schedule {
		layers = List.copyOf(layers);
	}

	public ZoneId zone() {
		return ZoneId.of(timeZone);
	}

	/** The layer at a 1-based position. */
	public Layer layer(int position) {
		return layers.get(position - 1);
	}

}
