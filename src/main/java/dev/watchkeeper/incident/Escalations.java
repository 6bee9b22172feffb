package dev.watchkeeper.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceId;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.TeamId;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.notification.Notifications;
import dev.watchkeeper.notification.PersonalMessage;
import dev.watchkeeper.oncall.EscalationPolicies;
import dev.watchkeeper.oncall.EscalationPolicySnapshot;
import dev.watchkeeper.oncall.EscalationStep;
import dev.watchkeeper.oncall.EscalationTarget;
import dev.watchkeeper.oncall.NotificationRules;
import dev.watchkeeper.oncall.OnCall;
import dev.watchkeeper.oncall.PlannedContact;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.SignedLinks;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pages people about an open incident until someone acknowledges it, step by step along
 * the escalation policy the incident copied when it opened (the service's, else its
 * team's, else the handbook's default): each step pages the people its targets name at
 * that moment, through each person's notification rules, then waits its timeout; after
 * the last step the policy runs again as often as it says, then escalation is exhausted.
 *
 * <p>
 * Every wait is a db-scheduler task (the step's timeout, a contact method's delay), so it
 * fires after a restart and once across nodes. Every page goes to the notification outbox
 * with an idempotency key made of the incident, round, step, person and contact method,
 * so a decision taken twice (a timer that fires again after a crash) pages once.
 * Acknowledging or resolving stops escalation; a breached acknowledgement target moves to
 * the next step at once and tells the team's engineering manager.
 */
@Component
class Escalations {

	static final TaskDescriptor<Void> STEP = TaskDescriptor.of("incident-escalation-step");

	static final TaskDescriptor<Void> PAGE = TaskDescriptor.of("incident-page");

	private final IncidentLedger ledger;

	private final EscalationStore store;

	private final EscalationPolicies policies;

	private final OnCall onCall;

	private final NotificationRules rules;

	private final Notifications notifications;

	private final Services services;

	private final Users users;

	private final SignedLinks links;

	private final SeverityPolicy severities;

	private final String externalUrl;

	private final Duration linksValidFor;

	Escalations(IncidentLedger ledger, EscalationStore store, EscalationPolicies policies, OnCall onCall,
			NotificationRules rules, Notifications notifications, Services services, Users users, SignedLinks links,
			SeverityPolicy severities,
			@Value("${watchkeeper.notification.external-url:http://localhost:8000}") String externalUrl,
			@Value("${watchkeeper.incident.action-links-valid-for:24h}") Duration linksValidFor) {
		this.ledger = ledger;
		this.store = store;
		this.policies = policies;
		this.onCall = onCall;
		this.rules = rules;
		this.notifications = notifications;
		this.services = services;
		this.users = users;
		this.links = links;
		this.severities = severities;
		this.externalUrl = externalUrl.endsWith("/") ? externalUrl.substring(0, externalUrl.length() - 1) : externalUrl;
		this.linksValidFor = linksValidFor;
	}

	/** An incident that opens starts escalating in the same transaction. */
	@EventListener
	void on(IncidentEvents.IncidentOpened opened) {
		start(ledger.reread(opened.incidentId()));
	}

	@EventListener
	void on(IncidentEvents.IncidentAcknowledged acknowledged) {
		stop(acknowledged.incidentId(), "acknowledged by " + acknowledged.by(), acknowledged.at());
	}

	@EventListener
	void on(IncidentEvents.IncidentResolved resolved) {
		stop(resolved.incidentId(), "the incident was resolved", resolved.at());
	}

	/**
	 * A missed acknowledgement target escalates at once: the next step is paged now, and
	 * the owner team's engineering manager is told.
	 */
	@EventListener
	void on(IncidentEvents.IncidentSlaBreached breached) {
		if (!"acknowledge".equals(breached.kind())) {
			return;
		}
		Incident incident = ledger.reread(breached.incidentId());
		Instant now = ledger.now();
		Optional<EscalationStore.Escalation> escalation = store.find(incident.id());
		if (escalation.isPresent() && escalation.get().active()) {
			advance(incident, escalation.get(), now, "the acknowledgement target passed")
				.ifPresent(due -> ledger.timers().schedule(STEP, incident.id().toString(), due));
		}
		TeamId team = escalation.map(e -> e.teamId() == null ? null : new TeamId(e.teamId()))
			.orElseGet(() -> ownerTeam(incident));
		List<UserId> managers = team == null ? List.of()
				: onCall.resolve(new EscalationTarget("team_role", "manager"), team, now);
		if (managers.isEmpty()) {
			ledger.record(incident.id(), now, "escalation",
					"No engineering manager to tell about the missed acknowledgement target"
							+ (team == null ? " (the incident has no owner team)" : " (the team has none)"),
					Actor.SYSTEM, Map.of());
		}
		for (UserId manager : managers) {
			page(incident, manager, "breach-acknowledge", -1, -1,
					"engineering manager: the acknowledgement target passed", now);
		}
	}

	private void start(Incident incident) {
		Instant now = ledger.now();
		TeamId team = ownerTeam(incident);
		EscalationPolicySnapshot policy = incident.serviceId() != null ? policies.policyForService(incident.serviceId())
				: team != null ? policies.policyForTeam(team) : policies.defaultPolicy();
		if (policy.steps().isEmpty()) {
			ledger.record(incident.id(), now, "escalation",
					"Escalation policy " + policy.name() + " has no steps: nobody is paged", Actor.SYSTEM, Map.of());
			return;
		}
		Instant due = now.plus(policy.steps().get(0).timeout());
		var escalation = new EscalationStore.Escalation(incident.id(), policy, team == null ? null : team.value(), 0, 0,
				now, due, null, null);
		store.insert(escalation);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("policyId", String.valueOf(policy.policyId()));
		data.put("policy", policy.name());
		data.put("steps", policy.steps().size());
		data.put("repeat", policy.repeat());
		ledger
			.record(incident.id(), now, "escalation",
					"Escalating through policy " + policy.name() + " (" + policy.steps().size() + " steps"
							+ (policy.repeat() > 0 ? ", repeated " + policy.repeat() + "×" : "") + ")",
					Actor.SYSTEM, data);
		runStep(incident, escalation, now);
		ledger.timers().schedule(STEP, incident.id().toString(), due);
	}

	/**
	 * The step timer: moves to the next step if the step in force timed out and nobody
	 * acknowledged. Returns when to run again.
	 */
	@Transactional
	public Optional<Instant> stepDue(UUID incidentId) {
		Optional<Incident> found = ledger.store().lock(incidentId);
		Optional<EscalationStore.Escalation> escalation = store.find(incidentId);
		if (found.isEmpty() || escalation.isEmpty() || !escalation.get().active()) {
			return Optional.empty();
		}
		Incident incident = found.get();
		Instant now = ledger.now();
		if (!incident.status().open() || incident.acknowledgedAt() != null) {
			stop(incidentId, incident.acknowledgedAt() != null ? "acknowledged by " + incident.acknowledgedBy()
					: "the incident is " + incident.status().name().toLowerCase(java.util.Locale.ROOT), now);
			return Optional.empty();
		}
		Instant due = escalation.get().stepDueAt();
		if (due != null && due.isAfter(now)) {
			return Optional.of(due);
		}
		return advance(incident, escalation.get(), now, "step " + (escalation.get().step() + 1) + " timed out");
	}

	/**
	 * A delayed contact (a notification rule "after 5 minutes, call me") comes due: sent
	 * unless the incident was acknowledged or resolved meanwhile.
	 */
	@Transactional
	public Optional<Instant> pageDue(String key) {
		PageKey page = PageKey.parse(key);
		Optional<Incident> found = page == null ? Optional.empty() : ledger.store().lock(page.incidentId());
		if (found.isEmpty() || !found.get().status().open() || found.get().acknowledgedAt() != null) {
			return Optional.empty();
		}
		List<PlannedContact> plan = rules.plan(new UserId(page.userId()));
		if (page.contact() < plan.size()) {
			send(found.get(), new UserId(page.userId()), plan.get(page.contact()), key, page.round(), page.step(),
					"after the delay its notification rule sets", ledger.now());
		}
		return Optional.empty();
	}

	private Optional<Instant> advance(Incident incident, EscalationStore.Escalation escalation, Instant now,
			String why) {
		List<EscalationStep> steps = escalation.policy().steps();
		int step = escalation.step() + 1;
		int round = escalation.round();
		if (step >= steps.size()) {
			step = 0;
			round++;
		}
		if (round > escalation.policy().repeat()) {
			store.stop(incident.id(), now, "exhausted");
			ledger.timers().cancel(STEP, incident.id().toString());
			ledger.record(incident.id(), now, "escalation",
					"Escalation exhausted (" + why + "): nobody acknowledged after "
							+ (escalation.policy().repeat() + 1) + " pass(es) through " + escalation.policy().name(),
					Actor.SYSTEM, Map.of("rounds", escalation.policy().repeat() + 1));
			return Optional.empty();
		}
		Instant due = now.plus(steps.get(step).timeout());
		store.moveTo(incident.id(), step, round, now, due);
		var moved = new EscalationStore.Escalation(incident.id(), escalation.policy(), escalation.teamId(), step, round,
				now, due, null, null);
		ledger.record(
				incident.id(), now, "escalated", "Escalated to step " + (step + 1) + " of " + steps.size()
						+ (round > 0 ? " (repeat " + round + ")" : "") + ": " + why,
				Actor.SYSTEM, Map.of("step", step + 1, "round", round));
		runStep(incident, moved, now);
		return Optional.of(due);
	}

	private void runStep(Incident incident, EscalationStore.Escalation escalation, Instant now) {
		EscalationStep step = escalation.policy().steps().get(escalation.step());
		TeamId team = escalation.teamId() == null ? null : new TeamId(escalation.teamId());
		Set<UserId> people = new LinkedHashSet<>();
		List<String> named = new ArrayList<>();
		for (EscalationTarget target : step.targets()) {
			List<UserId> found = onCall.resolve(target, team, now);
			people.addAll(found);
			named.add(describe(target) + (found.isEmpty() ? " (nobody)" : ""));
		}
		String where = "Step " + (escalation.step() + 1) + " of " + escalation.policy().steps().size()
				+ (escalation.round() > 0 ? " (repeat " + escalation.round() + ")" : "");
		if (people.isEmpty()) {
			ledger.record(incident.id(), now, "escalation", where + ": nobody to page for " + String.join(", ", named)
					+ "; waiting " + step.timeout() + " for the next step", Actor.SYSTEM, Map.of());
			return;
		}
		for (UserId person : people) {
			page(incident, person, "r" + escalation.round() + "s" + escalation.step(), escalation.round(),
					escalation.step(), where + ": " + String.join(", ", named), now);
		}
	}

	/** Pages one person through each contact of their plan, now or after its delay. */
	private void page(Incident incident, UserId person, String tag, int round, int step, String reason, Instant now) {
		List<PlannedContact> plan = rules.plan(person);
		String name = users.find(person).map(User::name).orElse(person.value().toString());
		if (plan.isEmpty()) {
			ledger.record(incident.id(), now, "page_failed",
					name + " has no contact method to be paged through (" + reason + ")", Actor.SYSTEM,
					Map.of("userId", person.value().toString()));
			return;
		}
		for (int i = 0; i < plan.size(); i++) {
			PlannedContact contact = plan.get(i);
			String key = new PageKey(incident.id(), tag, person.value(), i).format();
			if (contact.delay().isZero() || contact.delay().isNegative()) {
				send(incident, person, contact, key, round, step, reason, now);
			}
			else {
				ledger.timers().schedule(PAGE, key, now.plus(contact.delay()));
			}
		}
	}

	private void send(Incident incident, UserId person, PlannedContact contact, String key, int round, int step,
			String reason, Instant now) {
		if (!store.recordPage(key, incident.id(), person.value(), round, step, contact.kind(), contact.address(),
				reason, now)) {
			return;
		}
		notifications.enqueueToPerson(contact.kind(), contact.address(), message(incident, person), key);
		String name = users.find(person).map(User::name).orElse(person.value().toString());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("userId", person.value().toString());
		data.put("kind", contact.kind());
		data.put("address", contact.address());
		data.put("deliveryKey", key);
		ledger.record(incident.id(), now, "paged",
				"Paged " + name + " by " + contact.kind() + " (" + contact.address() + "): " + reason, Actor.SYSTEM,
				data);
	}

	/** What a page says, with signed links to acknowledge and resolve from it. */
	PersonalMessage message(Incident incident, UserId person) {
		SeverityLevel level = severities.of(incident.severity());
		String service = incident.serviceId() == null ? "none"
				: services.find(new ServiceId(incident.serviceId())).map(Service::name).orElse("unknown");
		StringBuilder text = new StringBuilder();
		text.append(incident.reference())
			.append(" (")
			.append(incident.severity())
			.append("): ")
			.append(incident.title());
		text.append("\nStatus: ").append(incident.status().name().toLowerCase(java.util.Locale.ROOT));
		text.append("\nService: ").append(service);
		text.append("\nAcknowledge within ")
			.append(level.acknowledgeWithin())
			.append(" (by ")
			.append(incident.ackDueAt())
			.append(")");
		text.append("\nChannel: ").append(incident.channel());
		if (incident.summary() != null) {
			text.append("\n\n").append(incident.summary());
		}
		return new PersonalMessage("[" + incident.severity() + "] " + incident.reference() + " " + incident.title(),
				text.toString(), externalUrl + "/incidents/" + incident.id(),
				List.of(new PersonalMessage.Action("Acknowledge", actionLink(incident, person, "acknowledge")),
						new PersonalMessage.Action("Resolve", actionLink(incident, person, "resolve"))));
	}

	/** A signed link that opens a confirmation page for this person and action. */
	String actionLink(Incident incident, UserId person, String action) {
		return externalUrl + "/incidents/act/" + links.sign(Incidents.ACTION_LINK_PURPOSE,
				Map.of("incident", incident.id().toString(), "action", action, "user", person.value().toString()),
				linksValidFor);
	}

	private void stop(UUID incidentId, String why, Instant at) {
		if (store.stop(incidentId, at, why)) {
			ledger.timers().cancel(STEP, incidentId.toString());
			ledger.record(incidentId, at, "escalation", "Escalation stopped: " + why, Actor.SYSTEM, Map.of());
		}
	}

	private TeamId ownerTeam(Incident incident) {
		if (incident.serviceId() == null) {
			return null;
		}
		return services.find(new ServiceId(incident.serviceId()))
			.map(Service::ownerTeamId)
			.map(TeamId::new)
			.orElse(null);
	}

	private String describe(EscalationTarget target) {
		return switch (target.kind()) {
			case "user" -> {
				try {
					yield users.find(new UserId(UUID.fromString(target.ref())))
						.map(User::name)
						.orElse("user " + target.ref());
				}
				catch (IllegalArgumentException ex) {
					yield "user " + target.ref();
				}
			}
			case "schedule" -> "on call for schedule " + target.ref();
			case "team_role" -> switch (target.ref()) {
				case "lead" -> "team lead";
				case "manager" -> "engineering manager";
				case "on_call" -> "team on call";
				default -> "team " + target.ref();
			};
			case "org_role" -> target.ref();
			default -> target.kind() + " " + target.ref();
		};
	}

	/**
	 * A page's identity, also its outbox idempotency key and its timer's id:
	 * {@code incident/<id>/<tag>/<user>/<contact>}, where the tag is
	 * {@code r<round>s<step>} for a step's page or names another reason, such as
	 * {@code breach-acknowledge}.
	 */
	record PageKey(UUID incidentId, String tag, UUID userId, int contact) {

		private static final java.util.regex.Pattern STEP_TAG = java.util.regex.Pattern.compile("r(\\d+)s(\\d+)");

		String format() {
			return "incident/" + incidentId + "/" + tag + "/" + userId + "/" + contact;
		}

		/** The round of a step's page, else -1. */
		int round() {
			var m = STEP_TAG.matcher(tag);
			return m.matches() ? Integer.parseInt(m.group(1)) : -1;
		}

		/** The step of a step's page, else -1. */
		int step() {
			var m = STEP_TAG.matcher(tag);
			return m.matches() ? Integer.parseInt(m.group(2)) : -1;
		}

		static PageKey parse(String key) {
			try {
				String[] path = key.split("/");
				return new PageKey(UUID.fromString(path[1]), path[2], UUID.fromString(path[3]),
						Integer.parseInt(path[4]));
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

	}

}
