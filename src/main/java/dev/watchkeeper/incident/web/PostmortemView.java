package dev.watchkeeper.incident.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.incident.ActionItem;
import dev.watchkeeper.incident.Incident;
import dev.watchkeeper.incident.Postmortem;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A post-mortem as the API shows it.
 *
 * @param id the id
 * @param incidentId the incident
 * @param incidentReference "INC-42"
 * @param incidentTitle the incident's title
 * @param severity the incident's severity
 * @param status draft, in_review or published
 * @param dueAt when it is due
 * @param overdue whether it is past due and unpublished
 * @param timeline the timeline of events
 * @param rootCause the root cause analysis
 * @param learnings the learnings
 * @param actionItems the action items
 * @param createdAt when created
 * @param updatedAt when last changed
 * @param publishedAt when published
 */
@Schema(example = """
		{"id":"9c1e…","incidentId":"0f8e…","incidentReference":"INC-42","incidentTitle":"Checkout payments fail",
		 "severity":"SEV-1","status":"draft","dueAt":"2026-11-27T10:30:00Z","overdue":false,
		 "timeline":"2026-11-25 09:00 UTC — Declared SEV-1: Checkout payments fail (Ana Pop)\\n…",
		 "rootCause":"","learnings":"","actionItems":[{"id":"77aa…","title":"Alert on provider latency",
		 "owner":{"id":"a1c2…","name":"Ana Pop"},"dueDate":"2026-12-05","status":"open","overdue":false}],
		 "createdAt":"2026-11-25T10:30:00Z","updatedAt":"2026-11-25T10:30:00Z"}""")
record PostmortemView(UUID id, UUID incidentId, String incidentReference, String incidentTitle, String severity,
		String status, Instant dueAt, boolean overdue, String timeline, String rootCause, String learnings,
		List<ActionItemView> actionItems, Instant createdAt, Instant updatedAt, Instant publishedAt) {

	/**
	 * An action item.
	 *
	 * @param id the id
	 * @param postmortemId the post-mortem it belongs to
	 * @param title what to do
	 * @param owner who does it
	 * @param dueDate by when
	 * @param status open, in_progress or done
	 * @param overdue not done and past its due date
	 * @param overdueNotifiedAt when it was reported overdue
	 * @param doneAt when it was done
	 */
	record ActionItemView(UUID id, UUID postmortemId, String title, IncidentView.Person owner, LocalDate dueDate,
			String status, boolean overdue, Instant overdueNotifiedAt, Instant doneAt) {

		static ActionItemView of(ActionItem item, Map<UUID, String> names, LocalDate today) {
			return new ActionItemView(item.id(), item.postmortemId(), item.title(),
					new IncidentView.Person(item.ownerId(),
							names.getOrDefault(item.ownerId(), item.ownerId().toString())),
					item.dueDate(), item.status().value(), item.overdueOn(today), item.overdueNotifiedAt(),
					item.doneAt());
		}

	}

	static PostmortemView of(Postmortem postmortem, Incident incident, List<ActionItemView> items, Instant now) {
		return new PostmortemView(postmortem.id(), postmortem.incidentId(), incident.reference(), incident.title(),
				incident.severity(), postmortem.status().value(), postmortem.dueAt(), postmortem.overdueAt(now),
				postmortem.timeline(), postmortem.rootCause(), postmortem.learnings(), items, postmortem.createdAt(),
				postmortem.updatedAt(), postmortem.publishedAt());
	}

}
