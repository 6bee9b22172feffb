package dev.watchkeeper.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.watchkeeper.catalog.ServiceId;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.incident.IncidentEvents.IncidentAcknowledged;
import dev.watchkeeper.incident.IncidentEvents.IncidentOpened;
import dev.watchkeeper.incident.IncidentEvents.IncidentResolved;
import dev.watchkeeper.incident.IncidentEvents.IncidentRoleAssigned;
import dev.watchkeeper.incident.IncidentEvents.IncidentSeverityChanged;
import dev.watchkeeper.incident.IncidentEvents.IncidentStatusChanged;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;

import org.springframework.transaction.annotation.Transactional;

import static dev.watchkeeper.incident.IncidentStore.columns;

/**
 * Incidents: declare, acknowledge, move through the statuses, re-classify, staff,
 * annotate, resolve and close. Every change locks the incident's row, checks the rules,
 * writes the timeline, moves the incident's timers and publishes its event in one
 * transaction.
 */
@org.springframework.stereotype.Service
public class Incidents {

	/**
	 * Purpose of the signed acknowledge and resolve links in pages: the escalation signs
	 * them, the action pages verify them.
	 */
	public static final String ACTION_LINK_PURPOSE = "incident-action";

	static final int MAX_TITLE = 200;

	static final int MAX_TEXT = 10_000;

	private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_.-]{0,62}");

	private final IncidentLedger ledger;

	private final IncidentStore store;

	private final TimelineStore timeline;

	private final SeverityPolicy policy;

	private final Services services;

	private final Users users;

	private final Postmortems postmortems;

	Incidents(IncidentLedger ledger, TimelineStore timeline, SeverityPolicy policy, Services services, Users users,
			Postmortems postmortems) {
		this.ledger = ledger;
		this.store = ledger.store();
		this.timeline = timeline;
		this.policy = policy;
		this.services = services;
		this.users = users;
		this.postmortems = postmortems;
	}

	@Transactional
	public Incident declare(IncidentDraft draft, Actor actor) {
		Map<String, String> errors = new LinkedHashMap<>();
		String title = draft.title() == null ? "" : draft.title().trim();
		if (title.isEmpty() || title.length() > MAX_TITLE) {
			errors.put("title", "must be 1 to " + MAX_TITLE + " characters");
		}
		SeverityLevel level = policy.find(draft.severity()).orElse(null);
		if (level == null) {
			errors.put("severity", (draft.severity() == null || draft.severity().isBlank() ? "is required"
					: "unknown severity '" + draft.severity() + "'") + "; use one of " + policy.names());
		}
		if (draft.serviceId() != null && services.find(new ServiceId(draft.serviceId())).isEmpty()) {
			errors.put("serviceId", "no service " + draft.serviceId());
		}
		String summary = draft.summary() == null || draft.summary().isBlank() ? null : draft.summary().trim();
		if (summary != null && summary.length() > MAX_TEXT) {
			errors.put("summary", "must be at most " + MAX_TEXT + " characters");
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		Instant now = ledger.now();
		String channel = ChannelNames.of(LocalDate.ofInstant(now, ledger.zone()), title, level.name());
		Incident incident = null;
		for (int n = 1; n <= 100 && incident == null; n++) {
			incident = store
				.insert(new Incident(UUID.randomUUID(), 0, title, summary, level.name(), draft.serviceId(),
						IncidentStatus.TRIGGERED, ChannelNames.numbered(channel, n), now, ledger.name(actor),
						IncidentLedger.userId(actor), null, null, now.plus(level.acknowledgeWithin()),
						now.plus(level.resolveWithin()), null, null, null, null, null, null, null, now, null, now))
				.orElse(null);
		}
		if (incident == null) {
			throw DomainException.conflict("channel-taken", "Too many incidents named '" + title + "' today");
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("severity", level.name());
		data.put("channel", incident.channel());
		if (incident.serviceId() != null) {
			data.put("serviceId", incident.serviceId().toString());
		}
		ledger.record(incident.id(), now, "declared", "Declared " + level.name() + ": " + title, actor, data);
		ledger.arm(incident, level);
		ledger.publish(
				new IncidentOpened(incident.id(), incident.number(), title, level.name(), incident.serviceId(), now));
		ledger.publish(IncidentAudit.of("incident.declared", incident,
				"Declared " + incident.reference() + " (" + level.name() + "): " + title, Map.of(), data, actor));
		return incident;
	}

	@Transactional
	public Incident acknowledge(UUID id, Actor actor) {
		Incident incident = ledger.lock(id);
		ledger.requireOpen(incident, "it can no longer be acknowledged");
		if (incident.acknowledgedAt() != null) {
			throw DomainException.conflict("already-acknowledged", incident.reference() + " was acknowledged by "
					+ incident.acknowledgedBy() + " at " + incident.acknowledgedAt());
		}
		Instant now = ledger.now();
		acknowledged(incident, now, actor);
		store.set(id, now, columns("status", IncidentStatus.ACKNOWLEDGED, "last_update_at", now));
		ledger.publish(new IncidentStatusChanged(id, incident.status(), IncidentStatus.ACKNOWLEDGED, now));
		Incident after = ledger.reread(id);
		ledger.arm(after, policy.of(after.severity()));
		return after;
	}

	@Transactional
	public Incident changeStatus(UUID id, IncidentStatus status, Actor actor) {
		if (status == null) {
			throw DomainException.invalid("status",
					"is required; one of acknowledged, investigating, identified, " + "monitoring, resolved");
		}
		if (status == IncidentStatus.RESOLVED) {
			return resolve(id, null, actor);
		}
		if (status == IncidentStatus.ACKNOWLEDGED) {
			return acknowledge(id, actor);
		}
		Incident incident = ledger.lock(id);
		ledger.requireOpen(incident, "its status can no longer change");
		if (status == IncidentStatus.TRIGGERED) {
			throw DomainException.invalid("status", "an incident cannot go back to triggered");
		}
		if (status == IncidentStatus.CLOSED) {
			throw DomainException.invalid("status",
					"an incident is closed when its post-mortem is published, or at resolution when none is required");
		}
		if (status == incident.status()) {
			throw DomainException.conflict("status-unchanged", incident.reference() + " is already " + status.value());
		}
		Instant now = ledger.now();
		if (incident.acknowledgedAt() == null) {
			acknowledged(incident, now, actor);
		}
		store.set(id, now, columns("status", status, "last_update_at", now));
		ledger.record(id, now, "status_changed", "Status: " + incident.status().value() + " → " + status.value(), actor,
				Map.of("from", incident.status().value(), "to", status.value()));
		ledger.publish(new IncidentStatusChanged(id, incident.status(), status, now));
		ledger.publish(IncidentAudit.of("incident.status_changed", incident,
				incident.reference() + " is now " + status.value(), Map.of("status", incident.status().value()),
				Map.of("status", status.value()), actor));
		Incident after = ledger.reread(id);
		ledger.arm(after, policy.of(after.severity()));
		return after;
	}

	/**
	 * Resolves the incident; with a post-mortem required by its severity one is created,
	 * else the incident closes at once.
	 */
	@Transactional
	public Incident resolve(UUID id, String note, Actor actor) {
		if (note != null && note.length() > MAX_TEXT) {
			throw DomainException.invalid("note", "must be at most " + MAX_TEXT + " characters");
		}
		Incident incident = ledger.lock(id);
		ledger.requireOpen(incident, "it can no longer be resolved");
		Instant now = ledger.now();
		if (incident.acknowledgedAt() == null) {
			acknowledged(incident, now, actor);
		}
		if (now.isAfter(incident.resolveDueAt())) {
			ledger.breach(incident, "resolve", incident.resolveDueAt());
		}
		store.set(id, now, columns("status", IncidentStatus.RESOLVED, "resolved_at", now, "last_update_at", now));
		String text = "Resolved after " + Durations.human(java.time.Duration.between(incident.declaredAt(), now))
				+ (note == null || note.isBlank() ? "" : ": " + note.trim());
		ledger.record(id, now, "resolved", text, actor, Map.of("from", incident.status().value()));
		ledger.disarm(id);
		ledger.publish(new IncidentStatusChanged(id, incident.status(), IncidentStatus.RESOLVED, now));
		ledger.publish(new IncidentResolved(id, incident.severity(), now));
		ledger.publish(IncidentAudit.of("incident.resolved", incident, "Resolved " + incident.reference(),
				Map.of("status", incident.status().value()), Map.of("status", "resolved"), actor));
		Incident resolved = ledger.reread(id);
		SeverityLevel level = policy.of(resolved.severity());
		if (level.postmortemRequired()) {
			postmortems.start(resolved, actor);
		}
		else {
			ledger.close(resolved, "no post-mortem is required for " + level.name(), actor);
		}
		return ledger.reread(id);
	}

	@Transactional
	public Incident changeSeverity(UUID id, String severity, Actor actor) {
		SeverityLevel level = policy.require(severity, "severity");
		Incident incident = ledger.lock(id);
		ledger.requireOpen(incident, "its severity can no longer change");
		if (level.name().equals(incident.severity())) {
			throw DomainException.conflict("severity-unchanged", incident.reference() + " is already " + level.name());
		}
		Instant now = ledger.now();
		store.set(id, now,
				columns("severity", level.name(), "ack_due_at", incident.declaredAt().plus(level.acknowledgeWithin()),
						"resolve_due_at", incident.declaredAt().plus(level.resolveWithin())));
		ledger.record(id, now, "severity_changed",
				"Severity: " + incident.severity() + " → " + level.name() + " (acknowledge within "
						+ Durations.human(level.acknowledgeWithin()) + ", resolve within "
						+ Durations.human(level.resolveWithin()) + ")",
				actor, Map.of("from", incident.severity(), "to", level.name()));
		ledger.publish(new IncidentSeverityChanged(id, incident.severity(), level.name(), now));
		ledger.publish(IncidentAudit.of("incident.severity_changed", incident,
				incident.reference() + " is now " + level.name(), Map.of("severity", incident.severity()),
				Map.of("severity", level.name()), actor));
		Incident after = ledger.reread(id);
		ledger.arm(after, level);
		return after;
	}

	/** Gives a role to a user, or clears it when {@code user} is null. */
	@Transactional
	public Incident assignRole(UUID id, IncidentRole role, UserId user, Actor actor) {
		if (role == null) {
			throw DomainException.invalid("role", "is required; one of commander, communications_lead, scribe");
		}
		if (user != null) {
			User holder = users.find(user).orElseThrow(() -> DomainException.invalid("userId", "no user " + user));
			if (holder.disabled()) {
				throw DomainException.invalid("userId", holder.name() + " is disabled");
			}
		}
		Incident incident = ledger.lock(id);
		ledger.requireOpen(incident, "its roles can no longer change");
		UUID previous = incident.holder(role);
		UUID next = user == null ? null : user.value();
		if (Objects.equals(previous, next)) {
			return incident;
		}
		Instant now = ledger.now();
		store.set(id, now, columns(IncidentStore.roleColumn(role), next));
		String text = next == null ? ledger.userName(previous) + " is no longer " + role.title() : ledger.userName(next)
				+ " is now " + role.title() + (previous == null ? "" : " (was " + ledger.userName(previous) + ")");
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("role", role.value());
		data.put("userId", next == null ? null : next.toString());
		data.put("previousUserId", previous == null ? null : previous.toString());
		ledger.record(id, now, "role_assigned", text, actor, data);
		ledger.publish(new IncidentRoleAssigned(id, role, next, now));
		ledger.publish(IncidentAudit.of("incident.role_assigned", incident, incident.reference() + ": " + text,
				Map.of(role.value(), previous == null ? "" : previous.toString()),
				Map.of(role.value(), next == null ? "" : next.toString()), actor));
		return ledger.reread(id);
	}

	/**
	 * Adds a note by a person; a status update also resets the update reminder.
	 */
	@Transactional
	public TimelineEntry addNote(UUID id, String text, boolean statusUpdate, Actor actor) {
		if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
			throw DomainException.invalid("text", "must be 1 to " + MAX_TEXT + " characters");
		}
		Incident incident = ledger.lock(id);
		ledger.requireOpen(incident, "notes go into its post-mortem now");
		Instant now = ledger.now();
		TimelineEntry entry = ledger.record(id, now, statusUpdate ? "status_update" : "note", text.trim(), actor,
				Map.of());
		if (statusUpdate) {
			store.set(id, now, columns("last_update_at", now));
			Incident after = ledger.reread(id);
			ledger.arm(after, policy.of(after.severity()));
		}
		return entry;
	}

	/**
	 * Closes a resolved incident whose post-mortem is published or not required; closing
	 * normally happens by itself at those moments.
	 */
	@Transactional
	public Incident close(UUID id, Actor actor) {
		Incident incident = ledger.lock(id);
		if (incident.status() == IncidentStatus.CLOSED) {
			throw DomainException.conflict("incident-closed", incident.reference() + " is closed already");
		}
		if (incident.status() != IncidentStatus.RESOLVED) {
			throw DomainException.conflict("incident-open",
					incident.reference() + " is " + incident.status().value() + ": resolve it before closing it");
		}
		Optional<Postmortem> postmortem = postmortems.findByIncident(id);
		if (postmortem.isPresent() && postmortem.get().status() != PostmortemStatus.PUBLISHED) {
			throw DomainException.conflict("postmortem-not-published",
					incident.reference() + " needs its post-mortem published before it closes (the post-mortem is "
							+ postmortem.get().status().value().replace('_', ' ') + ")");
		}
		ledger.close(incident, "closed by " + ledger.name(actor), actor);
		return ledger.reread(id);
	}

	/**
	 * Writes a line on an incident's timeline for another module (alerts attached,
	 * notifications sent, escalations). Allowed in every status, also after closing.
	 * @param kind lower-case letters, digits, '_', '.', '-', e.g. {@code alert_attached}
	 */
	@Transactional
	public TimelineEntry appendTimeline(UUID incidentId, String kind, String text, Map<String, Object> data) {
		if (kind == null || !KIND.matcher(kind).matches()) {
			throw DomainException.invalid("kind", "must be lower-case letters, digits, '_', '.' or '-'");
		}
		if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
			throw DomainException.invalid("text", "must be 1 to " + MAX_TEXT + " characters");
		}
		ledger.reread(incidentId);
		return ledger.record(incidentId, ledger.now(), kind, text.trim(), Actor.current(),
				data == null ? Map.of() : data);
	}

	public Optional<Incident> find(UUID id) {
		return store.find(id);
	}

	public Incident get(UUID id) {
		return ledger.reread(id);
	}

	/** By id, by number ("42") or by reference ("INC-42"). */
	public Optional<Incident> findByReference(String reference) {
		if (reference == null || reference.isBlank()) {
			return Optional.empty();
		}
		String value = reference.trim();
		String number = value.regionMatches(true, 0, "INC-", 0, 4) ? value.substring(4) : value;
		if (number.matches("\\d{1,18}")) {
			return store.findByNumber(Long.parseLong(number));
		}
		try {
			return store.find(UUID.fromString(value));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	public PageQuery.Page<Incident> list(IncidentFilter filter, PageQuery page) {
		return store.list(filter, page);
	}

	public List<TimelineEntry> timeline(UUID id) {
		ledger.reread(id);
		return timeline.list(id);
	}

	public SeverityPolicy severityPolicy() {
		return policy;
	}

	private void acknowledged(Incident incident, Instant now, Actor actor) {
		if (now.isAfter(incident.ackDueAt())) {
			ledger.breach(incident, "acknowledge", incident.ackDueAt());
		}
		String by = ledger.name(actor);
		store.set(incident.id(), now, columns("acknowledged_at", now, "acknowledged_by", by));
		ledger.timers().cancel(IncidentTimers.ACKNOWLEDGE_SLA, incident.id().toString());
		ledger.record(incident.id(), now, "acknowledged", "Acknowledged by " + by + " after "
				+ Durations.human(java.time.Duration.between(incident.declaredAt(), now)), actor, Map.of());
		ledger.publish(new IncidentAcknowledged(incident.id(), by, IncidentLedger.userId(actor), now));
		ledger.publish(IncidentAudit.of("incident.acknowledged", incident, "Acknowledged " + incident.reference(),
				Map.of(), Map.of("acknowledged_by", by), actor));
	}

}
