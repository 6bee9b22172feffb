package dev.watchkeeper.catalog;

import java.util.List;
import java.util.UUID;

/**
 * The editable fields of a service.
 *
 * @param slug url-safe unique name
 * @param name display name
 * @param description what it does
 * @param ownerTeamId the owning team
 * @param tier 1 (most critical) to 4; 3 when null
 * @param runbookUrl an absolute http(s) URL
 * @param tags labels
 * @param environments the environments it runs in
 */
public record ServiceDraft(String slug, String name, String description, UUID ownerTeamId, Integer tier,
		String runbookUrl, List<String> tags, List<Service.Environment> environments) {
}
