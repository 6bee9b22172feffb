package dev.watchkeeper.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mutes the alerts its matchers all match, from {@code startsAt} until {@code endsAt}.
 *
 * @param id the silence's id
 * @param matchers all must match an alert's labels
 * @param startsAt when it starts (may be in the future)
 * @param endsAt when it ends
 * @param createdBy who made it
 * @param comment why
 * @param createdAt when it was made
 */
public record Silence(UUID id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
		String comment, Instant createdAt) {

	/** pending, active or expired at {@code now}. */
	public String stateAt(Instant now) {
		if (!endsAt.isAfter(now)) {
			return "expired";
		}
		return startsAt.isAfter(now) ? "pending" : "active";
	}

	public boolean silences(Map<String, String> labels, Instant now) {
		return "active".equals(stateAt(now)) && matchers.stream().allMatch(m -> m.matches(labels));
	}

}
