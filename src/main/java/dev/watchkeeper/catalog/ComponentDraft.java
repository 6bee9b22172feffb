package dev.watchkeeper.catalog;

import java.util.List;
import java.util.UUID;

/**
 * What a component is made of when created or replaced.
 *
 * @param name what visitors read, 1 to 100 characters, unique
 * @param description optional, at most 500 characters
 * @param groupId an existing group, or null
 * @param service the service's slug or id
 * @param checkIds checks of that service, may be empty
 * @param statusOverride operational, degraded_performance, partial_outage, major_outage,
 * under_maintenance, or null/blank for none
 * @param position order within the group, default 0
 */
public record ComponentDraft(String name, String description, UUID groupId, String service, List<UUID> checkIds,
		String statusOverride, Integer position) {
}
