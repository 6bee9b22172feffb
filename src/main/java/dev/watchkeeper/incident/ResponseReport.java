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
 * @param byPerson pages sent in the period per person paged, most pages first
 */
public record ResponseReport(Instant from, Instant to, ResponseStats overall, List<Group> bySeverity,
		List<Group> byService, List<Group> byTeam, List<PersonPages> byPerson) {

	/**
	 * The pages one person received in the period.
	 *
	 * @param key the user id
	 * @param label their name ("Deleted user" once deleted)
	 * @param timeZone the zone their off-hours are counted in
	 * @param pages pages sent, one per contact method
	 * @param offHoursPages of those, sent outside 09:00–17:00 Monday to Friday in their
	 * zone
	 * @param incidents distinct incidents they were paged for
	 */
	public record PersonPages(String key, String label, String timeZone, long pages, long offHoursPages,
			long incidents) {
	}

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
