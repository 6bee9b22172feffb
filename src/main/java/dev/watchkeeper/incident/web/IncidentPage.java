package dev.watchkeeper.incident.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.watchkeeper.incident.Durations;
import dev.watchkeeper.incident.Incident;
import dev.watchkeeper.incident.IncidentAlert;
import dev.watchkeeper.incident.IncidentStatus;
import dev.watchkeeper.incident.SentPage;
import dev.watchkeeper.incident.TimelineEntry;

/**
 * What the incident page shows.
 *
 * @param incident the incident
 * @param acknowledge the acknowledgement target and how it went
 * @param resolve the resolution target and how it went
 * @param timeline the timeline, oldest first
 * @param nextStatuses the statuses it may move to besides resolved
 * @param open whether it is neither resolved nor closed
 */
record IncidentPage(IncidentView incident, Sla acknowledge, Sla resolve, List<Line> timeline, List<String> nextStatuses,
		boolean open) {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/**
	 * A target.
	 *
	 * @param state pending, met, overdue (passed, not yet recorded) or breached
	 * @param dueAt the instant of the target, for the countdown
	 * @param text what people read
	 * @param countdown the time left while pending ("due in 12 min"), else null
	 */
	record Sla(String state, Instant dueAt, String text, String countdown) {

		static Sla of(String verb, Instant declared, Instant due, Instant done, Instant breached, Instant now,
				ZoneId zone) {
			String target = Durations.human(Duration.between(declared, due));
			if (breached != null) {
				return new Sla("breached", due,
						"Target of " + target + " missed at " + time(breached, zone)
								+ (done == null ? ""
										: "; " + verb + " after " + Durations.human(Duration.between(declared, done))),
						null);
			}
			if (done != null) {
				return new Sla("met", due, "Met: " + verb + " after "
						+ Durations.human(Duration.between(declared, done)) + " (target " + target + ")", null);
			}
			if (now.isBefore(due)) {
				return new Sla("pending", due, "Target " + target + ": by " + time(due, zone),
						"due in " + Durations.human(Duration.between(now, due)));
			}
			return new Sla("overdue", due, "Overdue since " + time(due, zone) + " (target " + target + ")", null);
		}

	}

	/**
	 * A timeline line.
	 *
	 * @param at when, in the incident time zone
	 * @param kind what happened
	 * @param text the line
	 * @param actor who, when a person did it
	 */
	record Line(String at, String kind, String text, String actor) {

		static Line of(TimelineEntry entry, ZoneId zone) {
			return new Line(time(entry.at(), zone), entry.kind().replace('_', ' '), entry.text(),
					entry.actorUserId() == null ? null : entry.actor());
		}

	}

	/**
	 * An attached alert as the page shows it.
	 *
	 * @param alertname the alert's name
	 * @param labels its labels as {@code name=value}, alertname left out
	 * @param summary its summary, or empty
	 * @param runbookUrl its runbook as a link: only an http(s) URL, else null
	 * @param runbookText a runbook that is not an http(s) URL, shown as text; else null
	 * @param status firing or resolved
	 * @param since when it started firing, in the incident time zone
	 * @param resolvedAt when it resolved, or empty
	 */
	record AlertLine(String alertname, List<String> labels, String summary, String runbookUrl, String runbookText,
			String status, String since, String resolvedAt) {

		static AlertLine of(IncidentAlert alert, ZoneId zone) {
			String runbook = alert.runbookUrl();
			boolean link = runbook != null && (runbook.regionMatches(true, 0, "https://", 0, 8)
					|| runbook.regionMatches(true, 0, "http://", 0, 7));
			return new AlertLine(alert.alertname(),
					alert.labels()
						.entrySet()
						.stream()
						.filter(e -> !"alertname".equals(e.getKey()))
						.sorted(java.util.Map.Entry.comparingByKey())
						.map(e -> e.getKey() + "=" + e.getValue())
						.toList(),
					alert.summary() == null ? "" : alert.summary(), link ? runbook : null, link ? null : runbook,
					alert.status(), time(alert.startsAt(), zone), time(alert.endsAt(), zone));
		}

	}

	/**
	 * A page as the incident page shows it.
	 *
	 * @param at when it was sent, in the incident time zone
	 * @param who the person paged
	 * @param kind the contact method
	 * @param address where it went
	 * @param why the step (and repeat) with its targets, or the missed target
	 * @param status the delivery's state: pending, succeeded, failed or not_queued
	 * @param detail attempts and the last error, or empty
	 * @param deliveryId the outbox delivery, for the link to the delivery log
	 */
	record PageLine(String at, String who, String kind, String address, String why, String status, String detail,
			java.util.UUID deliveryId) {

		static PageLine of(SentPage page, ZoneId zone) {
			String detail = page.attempts() == 0 ? ""
					: page.attempts() + (page.attempts() == 1 ? " attempt" : " attempts");
			if (page.lastError() != null && !page.lastError().isBlank()) {
				detail = detail + (detail.isEmpty() ? "" : "; ") + "last error: " + page.lastError();
			}
			return new PageLine(time(page.pagedAt(), zone), page.userName(), page.kind(), page.address(), page.reason(),
					page.deliveryStatus(), detail, page.deliveryId());
		}

	}

	static IncidentPage of(IncidentView view, Incident incident, List<TimelineEntry> entries, Instant now,
			ZoneId zone) {
		List<String> next = incident.status().open() ? java.util.stream.Stream
			.of(IncidentStatus.ACKNOWLEDGED, IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED,
					IncidentStatus.MONITORING)
			.filter(s -> s != incident.status())
			.filter(s -> s != IncidentStatus.ACKNOWLEDGED || incident.status() == IncidentStatus.TRIGGERED)
			.map(IncidentStatus::value)
			.toList() : List.of();
		return new IncidentPage(view,
				Sla.of("acknowledged", incident.declaredAt(), incident.ackDueAt(), incident.acknowledgedAt(),
						incident.ackBreachedAt(), now, zone),
				Sla.of("resolved", incident.declaredAt(), incident.resolveDueAt(), incident.resolvedAt(),
						incident.resolveBreachedAt(), now, zone),
				entries.stream().map(e -> Line.of(e, zone)).toList(), next, incident.status().open());
	}

	static String time(Instant at, ZoneId zone) {
		return at == null ? "" : TIME.format(at.atZone(zone)) + " " + zone.getId();
	}

}
