package dev.watchkeeper.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What happens to alerts; routing and notification listen to these. */
public final class AlertEvents {

	private AlertEvents() {
	}

	/** An alert started firing: new, or firing again after it had resolved. */
	public record AlertFired(Alert alert) {
	}

	/** A firing alert was resolved by its sender ({@code endsAt} in the past). */
	public record AlertResolved(Alert alert) {
	}

	/**
	 * A notice for a group whose receiver opens incidents ({@code incident: true}): the
	 * incident module opens the group's incident or brings it up to date. Published in
	 * the transaction that records the notice, and delivered at least once after its
	 * commit; {@code sequence} orders the notices of one group.
	 *
	 * @param groupKey the group, stable while it lives
	 * @param receiver the receiver that asked for the incident
	 * @param status firing when any alert fires, else resolved
	 * @param severity the highest handbook severity of the firing alerts (critical, high,
	 * medium, low), or of the resolved ones when none fires; unknown when none has one
	 * @param groupLabels the labels the group is formed by
	 * @param commonLabels labels every alert of the notice shares
	 * @param commonAnnotations annotations every alert of the notice shares
	 * @param firing the firing alerts
	 * @param resolved the alerts that resolved since the last notice
	 * @param link the group's alerts in Watchkeeper
	 * @param sequence the notice's number within the group
	 * @param at when the notice was decided
	 */
	public record AlertGroupEscalated(String groupKey, String receiver, String status, String severity,
			Map<String, String> groupLabels, Map<String, String> commonLabels, Map<String, String> commonAnnotations,
			List<GroupAlert> firing, List<GroupAlert> resolved, String link, long sequence, Instant at) {

		/** The handbook's severities, most severe first. */
		static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");

		/** The highest known severity of these alerts; unknown when none has one. */
		static String highest(List<Alert> alerts) {
			return alerts.stream()
				.map(Alert::severity)
				.filter(SEVERITIES::contains)
				.min(java.util.Comparator.comparingInt(SEVERITIES::indexOf))
				.orElse("unknown");
		}

	}

	/** An alert as an incident records it. */
	public record GroupAlert(String fingerprint, Map<String, String> labels, Map<String, String> annotations,
			String severity, Instant startsAt, Instant endsAt, String generatorUrl) {

		static GroupAlert of(Alert alert) {
			return new GroupAlert(alert.fingerprint(), alert.labels(), alert.annotations(), alert.severity(),
					alert.startsAt(), alert.endsAt(), alert.generatorUrl());
		}

	}

}
