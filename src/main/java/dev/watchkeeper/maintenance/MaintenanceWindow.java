package dev.watchkeeper.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A maintenance window as stored.
 *
 * @param id the window
 * @param title what is done, shown publicly
 * @param description details, shown publicly
 * @param rollbackPlan how the work is undone if it goes wrong (handbook 003: always
 * prepared)
 * @param kind {@code one_off}, {@code time_intervals} or {@code rrule}
 * @param startsAt start of a one-off window
 * @param endsAt end of a one-off window
 * @param timeIntervals the ranges of a {@code time_intervals} window, in Alertmanager's
 * syntax
 * @param rrule the rule of an {@code rrule} window, e.g. {@code FREQ=MONTHLY;BYDAY=1SU}
 * @param rruleStart the local date and time of the rule's first occurrence
 * @param timeZone the zone {@code rruleStart} is read in
 * @param duration how long each occurrence of an {@code rrule} window lasts
 * @param from a recurring window has no occurrence that starts before this
 * @param until a recurring window has no occurrence that starts at or after this; null:
 * open
 * @param serviceIds the affected catalog services
 * @param emergency whether this is emergency work (inside the notice period; needs
 * approval)
 * @param emergencyReason why the work cannot wait
 * @param approval where the window stands on approval
 * @param decidedBy who approved or rejected it
 * @param decidedAt when
 * @param decisionNote what they said
 * @param cancelledAt when it was cancelled; null if not
 * @param cancelledBy who cancelled it
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedAt when it last changed
 */
public record MaintenanceWindow(UUID id, String title, String description, String rollbackPlan, String kind,
		Instant startsAt, Instant endsAt, List<Map<String, Object>> timeIntervals, String rrule,
		LocalDateTime rruleStart, String timeZone, Duration duration, Instant from, Instant until,
		List<UUID> serviceIds, boolean emergency, String emergencyReason, Approval approval, String decidedBy,
		Instant decidedAt, String decisionNote, Instant cancelledAt, String cancelledBy, String createdBy,
		Instant createdAt, Instant updatedAt) {

	public static final String ONE_OFF = "one_off";

	public static final String TIME_INTERVALS = "time_intervals";

	public static final String RRULE = "rrule";

	public MaintenanceWindow {
		serviceIds = List.copyOf(serviceIds);
		timeIntervals = timeIntervals == null ? null : List.copyOf(timeIntervals);
	}

	public boolean recurring() {
		return !ONE_OFF.equals(kind);
	}

	public boolean cancelled() {
		return cancelledAt != null;
	}

	/** Whether the window suppresses, notifies and counts as planned downtime. */
	public boolean inForce() {
		return approval.inForce() && !cancelled();
	}

}
