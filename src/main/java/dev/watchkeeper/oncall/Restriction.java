package dev.watchkeeper.oncall;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A window of the week in which a layer is on call, in the schedule's zone, e.g. business
 * hours: Monday to Friday 09:00–17:00. A window starts on each listed day at
 * {@code start} and ends at {@code end} the same day, or the next day when {@code end} is
 * not after {@code start} (22:00–06:00 runs overnight; equal times mean 24 hours).
 *
 * @param days the days a window starts on
 * @param start local start time
 * @param end local end time
 */
public record Restriction(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

	public Restriction {
		days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
	}

	/** Whether the window runs past midnight into the next day. */
	public boolean overnight() {
		return !end.isAfter(start);
	}

}
