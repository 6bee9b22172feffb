package dev.watchkeeper.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import dev.watchkeeper.identity.UserId;

/**
 * Who takes turns and when the turn passes. Shift boundaries are local wall times in the
 * schedule's zone: a weekly rotation handing off on Monday at 09:00 does so at 09:00
 * whether the week before had 167, 168 or 169 hours.
 *
 * @param participants the users in turn order; the first takes the first shift
 * @param shift daily, weekly or custom
 * @param length the custom shift length (whole minutes, wall time); ignored unless custom
 * @param handoffDay the day of weekly hand-offs; ignored unless weekly
 * @param handoffTime the local time of every hand-off
 * @param startDate the rotation's first shift starts at the first hand-off on or after
 * this date
 */
public record Rotation(List<UserId> participants, ShiftKind shift, Duration length, DayOfWeek handoffDay,
		LocalTime handoffTime, LocalDate startDate) {

	public Rotation {
		participants = List.copyOf(participants);
	}

	/** The shift length as wall time: one day, seven days or the custom length. */
	public Duration shiftLength() {
		return switch (shift) {
			case DAILY -> Duration.ofDays(1);
			case WEEKLY -> Duration.ofDays(7);
			case CUSTOM -> length;
		};
	}

	/** The local wall time the first shift starts. */
	public LocalDateTime anchor() {
		LocalDate first = shift == ShiftKind.WEEKLY ? startDate.with(TemporalAdjusters.nextOrSame(handoffDay))
				: startDate;
		return first.atTime(handoffTime);
	}

}
