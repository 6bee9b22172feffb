package dev.watchkeeper.oncall;

import java.time.Instant;
import java.util.List;

/**
 * A schedule's shifts over a period, with its overrides and what is worth a warning.
 *
 * @param schedule the schedule
 * @param from first instant
 * @param to first instant after
 * @param shifts every layer's shifts, by layer then start, overrides applied
 * @param overrides the overrides that overlap the period
 * @param warnings gaps, double bookings, overlapping overrides
 */
public record ScheduleCalendar(Schedule schedule, Instant from, Instant to, List<Shift> shifts,
		List<ScheduleOverride> overrides, List<CalendarWarning> warnings) {
}
