package dev.watchkeeper.incident;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.incident.IncidentEvents.PostmortemPublished;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;

import org.springframework.transaction.annotation.Transactional;

/**
 * Post-mortems and their action items. A post-mortem is created when an incident whose
 * severity requires one is resolved, prefilled with the incident's timeline, due after
 * the policy's delay (48 h) and reminded before and after that; publishing it closes the
 * incident. Its action items are {@link ActionItems}.
 */
@org.springframework.stereotype.Service
public class Postmortems {

	static final int MAX_SECTION = 50_000;

	private static final DateTimeFormatter LINE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final PostmortemStore store;

	private final IncidentLedger ledger;

	private final TimelineStore timeline;

	private final SeverityPolicy policy;

	Postmortems(PostmortemStore store, IncidentLedger ledger, TimelineStore timeline, SeverityPolicy policy) {
		this.store = store;
		this.ledger = ledger;
		this.timeline = timeline;
		this.policy = policy;
	}

	/** Creates the post-mortem of a just-resolved incident; the caller holds its lock. */
	void start(Incident incident, Actor actor) {
		Instant now = ledger.now();
		Instant due = incident.resolvedAt().plus(policy.postmortemDueAfter());
		var postmortem = new Postmortem(UUID.randomUUID(), incident.id(), PostmortemStatus.DRAFT, due,
				prefill(incident), "", "", now, now, null);
		if (!store.insert(postmortem)) {
			return;
		}
		List<java.time.Duration> reminders = policy.postmortemReminders();
		for (int i = 0; i < reminders.size(); i++) {
			ledger.timers()
				.schedule(IncidentTimers.POSTMORTEM_REMINDER, reminderInstance(postmortem.id(), i),
						due.plus(reminders.get(i)));
		}
		ledger.record(incident.id(), now, "postmortem_created",
				"Post-mortem created, due " + line(due) + " (" + Durations.human(policy.postmortemDueAfter())
						+ " after resolution)",
				actor, Map.of("postmortemId", postmortem.id().toString(), "dueAt", due.toString()));
	}

	public Optional<Postmortem> find(UUID id) {
		return store.find(id);
	}

	public Postmortem get(UUID id) {
		return store.find(id).orElseThrow(() -> DomainException.notFound("Post-mortem", id));
	}

	public Optional<Postmortem> findByIncident(UUID incidentId) {
		return store.findByIncident(incidentId);
	}

	public PageQuery.Page<Postmortem> list(PostmortemStatus status, PageQuery page) {
		return store.list(status, page);
	}

	@Transactional
	public Postmortem update(UUID id, PostmortemDraft draft, Actor actor) {
		Map<String, String> errors = new LinkedHashMap<>();
		check(draft.timeline(), "timeline", errors);
		check(draft.rootCause(), "rootCause", errors);
		check(draft.learnings(), "learnings", errors);
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		Postmortem postmortem = lockEditable(id, "it can no longer be edited");
		var sections = new PostmortemDraft(text(draft.timeline()), text(draft.rootCause()), text(draft.learnings()));
		store.updateSections(id, sections, ledger.now());
		ledger.publish(new IncidentAudit("postmortem.updated", "postmortem", id.toString(),
				"Edited the post-mortem of incident " + postmortem.incidentId(), Map.of(), Map.of(), actor));
		return get(id);
	}

	/**
	 * Moves a post-mortem between draft and in review; publishing is {@link #publish}.
	 */
	@Transactional
	public Postmortem changeStatus(UUID id, PostmortemStatus status, Actor actor) {
		if (status == null) {
			throw DomainException.invalid("status", "is required; one of draft, in_review, published");
		}
		if (status == PostmortemStatus.PUBLISHED) {
			return publish(id, actor);
		}
		Postmortem postmortem = lockEditable(id, "its status can no longer change");
		if (postmortem.status() == status) {
			throw DomainException.conflict("status-unchanged", "The post-mortem is already " + label(status));
		}
		Instant now = ledger.now();
		store.setStatus(id, status, now);
		ledger.record(postmortem.incidentId(), now, "postmortem_status", "Post-mortem moved to " + label(status), actor,
				Map.of("postmortemId", id.toString(), "status", status.value()));
		ledger.publish(new IncidentAudit("postmortem.status_changed", "postmortem", id.toString(),
				"Post-mortem moved to " + label(status), Map.of("status", postmortem.status().value()),
				Map.of("status", status.value()), actor));
		return get(id);
	}

	/**
	 * Publishes the post-mortem, which needs a root cause analysis and learnings; its
	 * reminders stop and its resolved incident closes.
	 */
	@Transactional
	public Postmortem publish(UUID id, Actor actor) {
		Postmortem postmortem = lockEditable(id, "it is published already");
		Map<String, String> errors = new LinkedHashMap<>();
		if (postmortem.rootCause().isBlank()) {
			errors.put("rootCause", "write the root cause analysis before publishing");
		}
		if (postmortem.learnings().isBlank()) {
			errors.put("learnings", "write the learnings before publishing");
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		Instant now = ledger.now();
		store.setStatus(id, PostmortemStatus.PUBLISHED, now);
		for (int i = 0; i < policy.postmortemReminders().size(); i++) {
			ledger.timers().cancel(IncidentTimers.POSTMORTEM_REMINDER, reminderInstance(id, i));
		}
		ledger.record(postmortem.incidentId(), now, "postmortem_status", "Post-mortem published", actor,
				Map.of("postmortemId", id.toString(), "status", "published"));
		ledger.publish(new PostmortemPublished(id, postmortem.incidentId(), now));
		ledger
			.publish(new IncidentAudit("postmortem.published", "postmortem", id.toString(), "Published the post-mortem",
					Map.of("status", postmortem.status().value()), Map.of("status", "published"), actor));
		Incident incident = ledger.reread(postmortem.incidentId());
		if (incident.status() == IncidentStatus.RESOLVED) {
			ledger.close(incident, "post-mortem published", actor);
		}
		return get(id);
	}

	static String reminderInstance(UUID postmortemId, int index) {
		return postmortemId + "/" + index;
	}

	private Postmortem lockEditable(UUID id, String consequence) {
		Postmortem found = get(id);
		ledger.lock(found.incidentId());
		Postmortem postmortem = get(id);
		if (postmortem.status() == PostmortemStatus.PUBLISHED) {
			throw DomainException.conflict("postmortem-published",
					"The post-mortem was published at " + postmortem.publishedAt() + ": " + consequence);
		}
		return postmortem;
	}

	private String prefill(Incident incident) {
		StringBuilder text = new StringBuilder();
		for (TimelineEntry entry : timeline.list(incident.id())) {
			text.append(line(entry.at()))
				.append(" — ")
				.append(entry.text())
				.append(entry.actor() == null || entry.actorUserId() == null ? "" : " (" + entry.actor() + ")")
				.append('\n');
		}
		return text.toString();
	}

	String line(Instant at) {
		return LINE_TIME.format(at.atZone(ledger.zone())) + " " + ledger.zone().getId();
	}

	private static void check(String value, String field, Map<String, String> errors) {
		if (value != null && value.length() > MAX_SECTION) {
			errors.put(field, "must be at most " + MAX_SECTION + " characters");
		}
	}

	private static String text(String value) {
		return value == null ? "" : value.strip();
	}

	static String label(PostmortemStatus status) {
		return status.value().replace('_', ' ');
	}

}
