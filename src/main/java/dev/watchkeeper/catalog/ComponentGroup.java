package dev.watchkeeper.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A heading on the status page that components are shown under.
 *
 * @param id the group's id
 * @param name what visitors read, unique
 * @param description a line on what it holds
 * @param position order on the page
 * @param createdAt when created
 * @param updatedAt when last changed
 */
public record ComponentGroup(UUID id, String name, String description, int position, Instant createdAt,
		Instant updatedAt) {
}
