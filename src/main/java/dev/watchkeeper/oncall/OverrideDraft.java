package dev.watchkeeper.oncall;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An override as written by people.
 *
 * @param layer the layer's position, 1 (primary) by default
 * @param userId who covers
 * @param coveredUserId whose shifts are covered; empty: whoever is on call in the layer
 * @param start an instant with offset (2026-12-24T18:00:00+01:00) or a local date-time
 * read in the schedule's zone (2026-12-24T18:00)
 * @param end the same forms; must be after start
 * @param note why
 */
@Schema(example = """
		{"layer":"1","userId":"7e2f…","coveredUserId":"0c1d…","start":"2026-12-24T18:00","end":"2026-12-27T09:00",
		 "note":"covers Christmas"}""")
public record OverrideDraft(String layer, String userId, String coveredUserId, String start, String end, String note) {
}
