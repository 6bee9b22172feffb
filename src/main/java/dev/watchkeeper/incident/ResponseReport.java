package dev.watchkeeper.incident;

import java.time.Instant;
import java.util.List;

/**
 * Response analytics for incidents declared in {@code [from, to)}.
 *
 * @param from the period's start, inclusive
 * @param to the period's end, exclusive
 * @param overall every incident of the period
 * @param bySeverity per severity level, most severe first
 * @param byService per affected service (key {@code none} for incidents without one)
 * @param byTeam per owner team of the affected service (key {@code none} without one)
 */
public record ResponseReport(Instant from, Instant to, ResponseStats overall, List<Group> bySeverity,
		List<Group> byService, List<Group> byTeam) {

	/**
	 * The numbers of one group.
	 *
	 * @param key a stable key: a severity name, a service or team id, or none
	 * @param label what people read
	 * @param stats the numbers
	 */
	public record Group(String key, String label, ResponseStats stats) {
	}

}
