package dev.watchkeeper.catalog;

import java.util.UUID;

/**
 * Which services to list; null fields do not filter.
 *
 * @param query a substring of the name or slug, case-insensitive
 * @param ownerTeamId the owning team
 * @param tag a tag the service carries
 * @param tier the tier
 */
public record ServiceFilter(String query, UUID ownerTeamId, String tag, Integer tier) {

	public static final ServiceFilter ALL = new ServiceFilter(null, null, null, null);

}
