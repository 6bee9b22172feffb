package dev.watchkeeper.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.incident.IncidentEvents.ActionItemOverdue;
import dev.watchkeeper.incident.IncidentEvents.IncidentUpdateDue;
import dev.watchkeeper.incident.IncidentEvents.PostmortemReminderDue;
import dev.watchkeeper.platform.Actor;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static dev.watchkeeper.incident.IncidentStore.columns;

/**
 * What each timer does when it fires. Every handler runs in its own transaction, reads
 * the state under the incident's row lock and acts only if the deadline still stands and
 * was not acted on, so a timer that fires twice (a crash between commit and the
 * scheduler's bookkeeping) or late changes nothing twice. Each returns when it wants to
 * run again: a deadline that moved later, or the next update reminder.
 */
@Component
class Deadlines {

	private final IncidentLedger ledger;

	private final SeverityPolicy policy;

	private final PostmortemStore postmortems;

	private final ActionItemStore items;

	private final ActionItems actionItems;

	Deadlines(IncidentLedger ledger, SeverityPolicy policy, PostmortemStore postmortems, ActionItemStore items,
			ActionItems actionItems) {
		this.ledger = ledger;
		this.policy = policy;
		this.postmortems = postmortems;
		this.items = items;
		this.actionItems = actionItems;
	}

	@Transactional
	public Optional<Instant> acknowledgeDue(UUID incidentId) {
		Optional<Incident> found = ledger.store().lock(incidentId);
		if (found.isEmpty() || !found.get().status().open() || found.get().acknowledgedAt() != null) {
			return Optional.empty();
		}
		Incident incident = found.get();
		if (incident.ackDueAt().isAfter(ledger.now())) {
			return Optional.of(incident.ackDueAt());
		}
		ledger.breach(incident, "acknowledge", incident.ackDueAt());
		return Optional.empty();
	}

	@Transactional
	public Optional<Instant> resolveDue(UUID incidentId) {
		Optional<Incident> found = ledger.store().lock(incidentId);
		if (found.isEmpty() || !found.get().status().open()) {
			return Optional.empty();
		}
		Incident incident = found.get();
		if (incident.resolveDueAt().isAfter(ledger.now())) {
			return Optional.of(incident.resolveDueAt());
		}
		ledger.breach(incident, "resolve", incident.resolveDueAt());
		return Optional.empty();
	}

	/**
	 * Reminds once per cadence without a status update, for as long as the incident is
	 * open.
	 */
	@Transactional
	public Optional<Instant> updateDue(UUID incidentId) {
		Optional<Incident> found = ledger.store().lock(incidentId);
		if (found.isEmpty() || !found.get().status().open()) {
			return Optional.empty();
		}
		Incident incident = found.get();
		Duration every = policy.of(incident.severity()).updateEvery();
		if (every == null) {
			return Optional.empty();
		}
		Instant last = incident.lastReminderAt() != null && incident.lastReminderAt().isAfter(incident.lastUpdateAt())
				? incident.lastReminderAt() : incident.lastUpdateAt();
		Instant now = ledger.now();
		if (last.plus(every).isAfter(now)) {
			return Optional.of(last.plus(every));
		}
		ledger.store().set(incidentId, now, columns("last_reminder_at", now));
		ledger.record(incidentId, now, "update_due",
				"A status update is due: the last was "
						+ Durations.human(Duration.between(incident.lastUpdateAt(), now)) + " ago, and "
						+ incident.severity() + " expects one every " + Durations.human(every),
				Actor.SYSTEM, Map.of("lastUpdateAt", incident.lastUpdateAt().toString()));
		ledger.publish(new IncidentUpdateDue(incidentId, incident.lastUpdateAt(), now));
		return Optional.of(now.plus(every));
	}

	/** Instance {@code <post-mortem id>/<index of the policy's reminder>}. */
	@Transactional
	public Optional<Instant> postmortemReminder(String instance) {
		int slash = instance.lastIndexOf('/');
		UUID id = UUID.fromString(instance.substring(0, slash));
		int index = Integer.parseInt(instance.substring(slash + 1));
		Optional<Postmortem> known = postmortems.find(id);
		List<Duration> reminders = policy.postmortemReminders();
		if (known.isEmpty() || index >= reminders.size()) {
			return Optional.empty();
		}
		ledger.store().lock(known.get().incidentId());
		Postmortem postmortem = postmortems.find(id).orElseThrow();
		if (postmortem.status() == PostmortemStatus.PUBLISHED || postmortems.remindersSent(id) > index) {
			return Optional.empty();
		}
		Instant at = postmortem.dueAt().plus(reminders.get(index));
		Instant now = ledger.now();
		if (at.isAfter(now)) {
			return Optional.of(at);
		}
		postmortems.setRemindersSent(id, index + 1);
		Duration offset = Duration.between(postmortem.dueAt(), now);
		String when = offset.compareTo(Duration.ofMinutes(1)) < 0 && offset.compareTo(Duration.ofMinutes(-1)) > 0
				? "is due now" : offset.isNegative() ? "is due in " + Durations.human(offset.negated())
						: "is " + Durations.human(offset) + " overdue";
		ledger.record(postmortem.incidentId(), now, "postmortem_reminder",
				"The post-mortem " + when + " (" + Postmortems.label(postmortem.status()) + ")", Actor.SYSTEM,
				Map.of("postmortemId", id.toString(), "dueAt", postmortem.dueAt().toString()));
		ledger.publish(new PostmortemReminderDue(id, postmortem.incidentId(), postmortem.dueAt(), now));
		return Optional.empty();
	}

	@Transactional
	public Optional<Instant> actionItemOverdue(UUID itemId) {
		Optional<ActionItem> known = items.find(itemId);
		if (known.isEmpty()) {
			return Optional.empty();
		}
		UUID incidentId = postmortems.find(known.get().postmortemId()).orElseThrow().incidentId();
		ledger.store().lock(incidentId);
		ActionItem item = items.lock(itemId).orElseThrow();
		if (item.status() == ActionItemStatus.DONE || item.overdueNotifiedAt() != null) {
			return Optional.empty();
		}
		Instant overdueFrom = actionItems.overdueFrom(item.dueDate());
		Instant now = ledger.now();
		if (overdueFrom.isAfter(now)) {
			return Optional.of(overdueFrom);
		}
		items.update(new ActionItem(item.id(), item.postmortemId(), item.title(), item.ownerId(), item.dueDate(),
				item.status(), now, item.createdAt(), item.updatedAt(), item.doneAt()));
		ledger.record(incidentId, now, "action_item_overdue",
				"Action item overdue: " + item.title() + " (" + ledger.userName(item.ownerId()) + ", due "
						+ item.dueDate() + ")",
				Actor.SYSTEM, Map.of("actionItemId", itemId.toString(), "ownerId", item.ownerId().toString()));
		ledger.publish(
				new ActionItemOverdue(itemId, item.postmortemId(), incidentId, item.ownerId(), item.dueDate(), now));
		return Optional.empty();
	}

}
