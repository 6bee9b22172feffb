package dev.watchkeeper.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A part of the product as the public status page shows it.
 *
 * @param id the component's id
 * @param name what visitors read, unique
 * @param description a line on what it is, shown publicly
 * @param groupId the group it is shown in, if any
 * @param serviceId the catalog service behind it
 * @param checkIds monitoring checks of that service its status is derived from
 * @param statusOverride a status set by hand, winning over the derived one; null when
 * none
 * @param position order within its group
 * @param createdAt when created
 * @param updatedAt when last changed
 */
public record Component(UUID id, String name, String description, UUID groupId, UUID serviceId, List<UUID> checkIds,
		ComponentStatus statusOverride, int position, Instant createdAt, Instant updatedAt) {

	public Component {
		checkIds = List.copyOf(checkIds);
	}

}
