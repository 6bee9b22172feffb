package dev.watchkeeper.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The public side of an incident, as the status page shows it: separate from the internal
 * title, timeline and status.
 *
 * @param incidentId the incident
 * @param number the incident's number ("INC-42")
 * @param visible whether it is shown publicly
 * @param title the public title
 * @param impact none, minor, major or critical (Statuspage's impact values)
 * @param componentIds the status page components it affects
 * @param status the latest public status: investigating, identified, monitoring or
 * resolved
 * @param createdAt when it was first published
 * @param updatedAt when the publication or its updates last changed
 * @param resolvedAt when a resolved update was posted
 * @param updates the public updates, newest first
 */
public record Publication(UUID incidentId, long number, boolean visible, String title, String impact,
		List<UUID> componentIds, String status, Instant createdAt, Instant updatedAt, Instant resolvedAt,
		List<PublicUpdate> updates) {

	/** The impact values, least to most severe. */
	public static final List<String> IMPACTS = List.of("none", "minor", "major", "critical");

	/** The public statuses in their usual order. */
	public static final List<String> STATUSES = List.of("investigating", "identified", "monitoring", "resolved");

	public Publication {
		componentIds = List.copyOf(componentIds);
		updates = List.copyOf(updates);
	}

	public boolean resolved() {
		return "resolved".equals(status);
	}

	/**
	 * One public update.
	 *
	 * @param id the update's id
	 * @param status investigating, identified, monitoring or resolved
	 * @param body what visitors read, as plain text
	 * @param postedBy who posted it (shown internally only)
	 * @param createdAt when it was posted
	 */
	public record PublicUpdate(UUID id, String status, String body, String postedBy, Instant createdAt) {
	}

	/**
	 * A ready-made message for a public update.
	 *
	 * @param name what the form shows
	 * @param status the status it goes with
	 * @param text the message
	 */
	public record Template(String name, String status, String text) {
	}

}
