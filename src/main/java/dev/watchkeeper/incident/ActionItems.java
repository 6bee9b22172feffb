package dev.watchkeeper.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.DomainException;

import org.springframework.transaction.annotation.Transactional;

/**
 * The action items of post-mortems: an owner, a due date and a status. Items may be added
 * and updated after the post-mortem is published; an item not done by its due date is
 * reported once ({@code ActionItemOverdue}, and on the incident's timeline).
 */
@org.springframework.stereotype.Service
public class ActionItems {

	static final int MAX_TITLE = 500;

	private final ActionItemStore items;

	private final Postmortems postmortems;

	private final IncidentLedger ledger;

	private final Users users;

	ActionItems(ActionItemStore items, Postmortems postmortems, IncidentLedger ledger, Users users) {
		this.items = items;
		this.postmortems = postmortems;
		this.ledger = ledger;
		this.users = users;
	}

	public List<ActionItem> of(UUID postmortemId) {
		postmortems.get(postmortemId);
		return items.ofPostmortem(postmortemId);
	}

	/** Items not done, soonest due first; only overdue ones when asked. */
	public List<ActionItem> open(boolean overdueOnly, int limit) {
		return items.open(overdueOnly ? today() : null, Math.min(Math.max(limit, 1), 500));
	}

	public Optional<ActionItem> find(UUID id) {
		return items.find(id);
	}

	@Transactional
	public ActionItem add(UUID postmortemId, ActionItemDraft draft, Actor actor) {
		checkItem(draft);
		Postmortem postmortem = postmortems.get(postmortemId);
		ledger.lock(postmortem.incidentId());
		Instant now = ledger.now();
		ActionItemStatus status = draft.status() == null ? ActionItemStatus.OPEN : draft.status();
		var item = new ActionItem(UUID.randomUUID(), postmortemId, draft.title().trim(), draft.ownerId(),
				draft.dueDate(), status, null, now, now, status == ActionItemStatus.DONE ? now : null);
		items.insert(item);
		armOverdue(item);
		ledger.record(
				postmortem.incidentId(), now, "action_item", "Action item added: " + item.title() + " ("
						+ ledger.userName(item.ownerId()) + ", due " + item.dueDate() + ")",
				actor, Map.of("actionItemId", item.id().toString()));
		ledger.publish(new IncidentAudit("action_item.created", "action_item", item.id().toString(),
				"Added action item " + item.title(), Map.of(), fields(item), actor));
		return item;
	}

	@Transactional
	public ActionItem update(UUID postmortemId, UUID itemId, ActionItemDraft draft, Actor actor) {
		checkItem(draft);
		Postmortem postmortem = postmortems.get(postmortemId);
		ledger.lock(postmortem.incidentId());
		ActionItem before = items.lock(itemId)
			.filter(i -> i.postmortemId().equals(postmortemId))
			.orElseThrow(() -> DomainException.notFound("Action item", itemId));
		Instant now = ledger.now();
		ActionItemStatus status = draft.status() == null ? before.status() : draft.status();
		boolean done = status == ActionItemStatus.DONE;
		var item = new ActionItem(itemId, postmortemId, draft.title().trim(), draft.ownerId(), draft.dueDate(), status,
				draft.dueDate().equals(before.dueDate()) ? before.overdueNotifiedAt() : null, before.createdAt(), now,
				done ? (before.doneAt() == null ? now : before.doneAt()) : null);
		items.update(item);
		armOverdue(item);
		if (status != before.status()) {
			ledger.record(postmortem.incidentId(), now, "action_item",
					"Action item " + item.title() + " is " + status.value().replace('_', ' '), actor,
					Map.of("actionItemId", itemId.toString(), "status", status.value()));
		}
		ledger.publish(new IncidentAudit("action_item.updated", "action_item", itemId.toString(),
				"Updated action item " + item.title(), fields(before), fields(item), actor));
		return item;
	}

	/**
	 * The instant an item due on {@code dueDate} becomes overdue: the next day starts.
	 */
	public Instant overdueFrom(LocalDate dueDate) {
		return dueDate.plusDays(1).atStartOfDay(ledger.zone()).toInstant();
	}

	/** Today in the incident time zone. */
	public LocalDate today() {
		return LocalDate.ofInstant(ledger.now(), ledger.zone());
	}

	private void armOverdue(ActionItem item) {
		if (item.status() == ActionItemStatus.DONE) {
			ledger.timers().cancel(IncidentTimers.ACTION_ITEM_OVERDUE, item.id().toString());
		}
		else if (item.overdueNotifiedAt() == null) {
			ledger.timers()
				.schedule(IncidentTimers.ACTION_ITEM_OVERDUE, item.id().toString(), overdueFrom(item.dueDate()));
		}
	}

	private void checkItem(ActionItemDraft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (draft.title() == null || draft.title().isBlank() || draft.title().length() > MAX_TITLE) {
			errors.put("title", "must be 1 to " + MAX_TITLE + " characters");
		}
		if (draft.ownerId() == null) {
			errors.put("ownerId", "is required");
		}
		else {
			Optional<User> owner = users.find(new UserId(draft.ownerId()));
			if (owner.isEmpty()) {
				errors.put("ownerId", "no user " + draft.ownerId());
			}
			else if (owner.get().disabled()) {
				errors.put("ownerId", owner.get().name() + " is disabled");
			}
		}
		if (draft.dueDate() == null) {
			errors.put("dueDate", "is required, e.g. 2026-12-01");
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
	}

	private static Map<String, Object> fields(ActionItem item) {
		return Map.of("title", item.title(), "owner", item.ownerId().toString(), "due_date", item.dueDate().toString(),
				"status", item.status().value());
	}

}
