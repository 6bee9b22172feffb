package dev.watchkeeper.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What a window should be. One-off: {@code startsAt} and {@code endsAt}. Recurring:
 * {@code timeIntervals} (Alertmanager's syntax), or {@code rrule} with
 * {@code rruleStart}, {@code timeZone} and {@code duration}; optionally limited by
 * {@code from} and {@code until}.
 *
 * @param title what is done, shown publicly; required
 * @param description details, shown publicly
 * @param rollbackPlan how the work is undone; required
 * @param services the affected services, by slug or id; at least one
 * @param startsAt start of a one-off window
 * @param endsAt end of a one-off window
 * @param timeIntervals ranges of a recurring window
 * @param rrule an iCalendar RRULE, e.g. {@code FREQ=MONTHLY;BYDAY=1SU}
 * @param rruleStart local date and time of the rule's first occurrence
 * @param timeZone IANA zone of {@code rruleStart}; UTC when not given
 * @param duration how long each occurrence of a rule lasts
 * @param from no occurrence starts before this; by default the end of the notice period
 * @param until no occurrence starts at or after this; null: open
 * @param emergency whether this is emergency work, which may start inside the notice
 * period but needs a manager's or admin's approval
 * @param emergencyReason why it cannot wait; required for emergency work
 */
public record WindowDraft(String title, String description, String rollbackPlan, List<String> services,
		Instant startsAt, Instant endsAt, List<Map<String, Object>> timeIntervals, String rrule,
		LocalDateTime rruleStart, String timeZone, Duration duration, Instant from, Instant until, boolean emergency,
		String emergencyReason) {

	/** The kind the given fields make. */
	public String kind() {
		if (rrule != null && !rrule.isBlank()) {
			return MaintenanceWindow.RRULE;
		}
		return timeIntervals != null && !timeIntervals.isEmpty() ? MaintenanceWindow.TIME_INTERVALS
				: MaintenanceWindow.ONE_OFF;
	}

}
