package dev.watchkeeper.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.incident.IncidentEvents.IncidentClosed;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.DomainException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What incidents and post-mortems share: reading an incident under its row lock, writing
 * the timeline with who did it, arming and disarming the incident's timers, closing.
 */
@Component
class IncidentLedger {

	private final IncidentStore store;

	private final TimelineStore timeline;

	private final IncidentTimers timers;

	private final ApplicationEventPublisher events;

	private final Users users;

	private final Clock clock;

	private final ZoneId zone;

	IncidentLedger(IncidentStore store, TimelineStore timeline, IncidentTimers timers, ApplicationEventPublisher events,
			Users users, Clock clock, IncidentSettings settings) {
		this.store = store;
		this.timeline = timeline;
		this.timers = timers;
		this.events = events;
		this.users = users;
		this.clock = clock;
		this.zone = ZoneId.of(settings.timeZone());
	}

	Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	ZoneId zone() {
		return zone;
	}

	IncidentStore store() {
		return store;
	}

	Incident lock(UUID id) {
		return store.lock(id).orElseThrow(() -> DomainException.notFound("Incident", id));
	}

	Incident reread(UUID id) {
		return store.find(id).orElseThrow(() -> DomainException.notFound("Incident", id));
	}

	/**
	 * Refuses to act on a resolved or closed incident, saying which and why, e.g. "it can
	 * no longer be acknowledged".
	 */
	void requireOpen(Incident incident, String consequence) {
		if (incident.status() == IncidentStatus.RESOLVED) {
			throw DomainException.conflict("incident-resolved",
					incident.reference() + " was resolved at " + incident.resolvedAt() + ": " + consequence);
		}
		if (incident.status() == IncidentStatus.CLOSED) {
			throw DomainException.conflict("incident-closed", incident.reference() + " is closed: " + consequence);
		}
	}

	/**
	 * Records that a target passed unmet, once: on the incident, on the timeline at the
	 * instant it passed, and as {@code IncidentSlaBreached}. The caller holds the lock.
	 */
	void breach(Incident incident, String kind, Instant due) {
		boolean acknowledge = "acknowledge".equals(kind);
		if ((acknowledge ? incident.ackBreachedAt() : incident.resolveBreachedAt()) != null) {
			return;
		}
		java.time.Duration target = java.time.Duration.between(incident.declaredAt(), due);
		store.set(incident.id(), now(),
				IncidentStore.columns(acknowledge ? "ack_breached_at" : "resolve_breached_at", due));
		String text = (acknowledge ? "Acknowledgement" : "Resolution") + " target missed: " + incident.severity()
				+ " incidents are to be " + (acknowledge ? "acknowledged" : "resolved") + " within "
				+ Durations.human(target);
		record(incident.id(), due, "sla_breached", text, Actor.SYSTEM,
				Map.of("kind", kind, "target", target.toString(), "due", due.toString()));
		publish(new IncidentEvents.IncidentSlaBreached(incident.id(), kind, target, due));
	}

	TimelineEntry record(UUID incidentId, Instant at, String kind, String text, Actor actor, Map<String, Object> data) {
		Actor by = actor == null ? Actor.SYSTEM : actor;
		return timeline.append(incidentId, at, kind, text, name(by), userId(by), data);
	}

	/**
	 * What people see for an actor: a user's display name, a token's name, or
	 * Watchkeeper.
	 */
	String name(Actor actor) {
		UUID user = userId(actor);
		return user == null ? actor.name() : users.find(new UserId(user)).map(User::name).orElse(actor.name());
	}

	String userName(UUID user) {
		return user == null ? "nobody" : users.find(new UserId(user)).map(User::name).orElse(user.toString());
	}

	static UUID userId(Actor actor) {
		try {
			return actor == null || actor.userId() == null ? null : UUID.fromString(actor.userId());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	void publish(Object event) {
		events.publishEvent(event);
	}

	/**
	 * Sets the acknowledgement, resolution and update deadlines from the incident's
	 * fields.
	 */
	void arm(Incident incident, SeverityLevel level) {
		String id = incident.id().toString();
		if (incident.acknowledgedAt() == null && incident.ackBreachedAt() == null) {
			timers.schedule(IncidentTimers.ACKNOWLEDGE_SLA, id, incident.ackDueAt());
		}
		if (incident.resolveBreachedAt() == null) {
			timers.schedule(IncidentTimers.RESOLVE_SLA, id, incident.resolveDueAt());
		}
		if (level.updateEvery() != null) {
			Instant last = incident.lastReminderAt() != null
					&& incident.lastReminderAt().isAfter(incident.lastUpdateAt()) ? incident.lastReminderAt()
							: incident.lastUpdateAt();
			timers.schedule(IncidentTimers.UPDATE_DUE, id, last.plus(level.updateEvery()));
		}
		else {
			timers.cancel(IncidentTimers.UPDATE_DUE, id);
		}
	}

	/** Removes every deadline of a resolved incident. */
	void disarm(UUID incidentId) {
		String id = incidentId.toString();
		timers.cancel(IncidentTimers.ACKNOWLEDGE_SLA, id);
		timers.cancel(IncidentTimers.RESOLVE_SLA, id);
		timers.cancel(IncidentTimers.UPDATE_DUE, id);
	}

	IncidentTimers timers() {
		return timers;
	}

	/** Closes a resolved incident; the caller holds its lock. */
	void close(Incident incident, String why, Actor actor) {
		Instant now = now();
		store.set(incident.id(), now, IncidentStore.columns("status", IncidentStatus.CLOSED, "closed_at", now));
		record(incident.id(), now, "closed", "Closed: " + why, actor, Map.of());
		publish(new IncidentEvents.IncidentStatusChanged(incident.id(), incident.status(), IncidentStatus.CLOSED, now));
		publish(new IncidentClosed(incident.id(), now));
		publish(IncidentAudit.of("incident.closed", incident, "Closed " + incident.reference(),
				Map.of("status", incident.status().value()), Map.of("status", "closed"), actor));
	}

}
