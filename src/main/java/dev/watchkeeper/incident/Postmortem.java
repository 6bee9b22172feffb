package dev.watchkeeper.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * A post-mortem, on the template of handbook 004 §3.8: timeline of events, root cause
 * analysis, action items (see {@link ActionItem}) and learnings.
 *
 * @param id the post-mortem's id
 * @param incidentId the incident it is about
 * @param status draft, in review or published
 * @param dueAt when it is due: the incident's resolution plus the policy's delay (48 h)
 * @param timeline the timeline of events, prefilled from the incident's timeline
 * @param rootCause the root cause analysis
 * @param learnings what the team learned and shares
 * @param createdAt when it was created (at resolution)
 * @param updatedAt when it last changed
 * @param publishedAt when it was published
 */
public record Postmortem(UUID id, UUID incidentId, PostmortemStatus status, Instant dueAt, String timeline,
		String rootCause, String learnings, Instant createdAt, Instant updatedAt, Instant publishedAt) {

	/** Not published and past its due time. */
	public boolean overdueAt(Instant now) {
		return status != PostmortemStatus.PUBLISHED && now.isAfter(dueAt);
	}

}
