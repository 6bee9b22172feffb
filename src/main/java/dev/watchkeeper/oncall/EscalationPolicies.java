package dev.watchkeeper.oncall;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceId;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.OrgRoles;
import dev.watchkeeper.identity.Team;
import dev.watchkeeper.identity.TeamId;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.platform.DomainException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalation policies: the handbook's default (shipped as data), policies people write,
 * which team or service uses which, and immutable snapshots for incidents.
 */
@org.springframework.stereotype.Service
public class EscalationPolicies {

	/** The id of the built-in handbook default; it has no row and cannot be edited. */
	public static final UUID DEFAULT_POLICY_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

	private final EscalationPolicyStore store;

	private final PolicyAssignmentStore assignments;

	private final ScheduleStore schedules;

	private final Users users;

	private final OrgRoles orgRoles;

	private final Teams teams;

	private final Services services;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final EscalationPolicy builtIn;

	EscalationPolicies(EscalationPolicyStore store, PolicyAssignmentStore assignments, ScheduleStore schedules,
			Users users, OrgRoles orgRoles, Teams teams, Services services, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.assignments = assignments;
		this.schedules = schedules;
		this.users = users;
		this.orgRoles = orgRoles;
		this.teams = teams;
		this.services = services;
		this.events = events;
		this.clock = clock;
		this.builtIn = DefaultEscalationPolicy.load(DEFAULT_POLICY_ID);
	}

	/** The policy as it is now, for an incident to keep; empty for an unknown id. */
	public Optional<EscalationPolicySnapshot> snapshot(UUID policyId) {
		return find(policyId).map(EscalationPolicy::snapshot);
	}

	/**
	 * The handbook's default: on-call engineer → team lead → engineering manager → CTO.
	 */
	public EscalationPolicySnapshot defaultPolicy() {
		return builtIn.snapshot();
	}

	/**
	 * The policy a service's incidents use: its own, else its owner team's, else the
	 * default.
	 */
	public EscalationPolicySnapshot policyForService(UUID serviceId) {
		Optional<UUID> own = assignments.ofService(serviceId);
		if (own.isPresent()) {
			return snapshot(own.get()).orElseGet(this::defaultPolicy);
		}
		return services.find(new ServiceId(serviceId))
			.map(Service::ownerTeamId)
			.map(team -> policyForTeam(new TeamId(team)))
			.orElseGet(this::defaultPolicy);
	}

	/** The policy a team's incidents use: its own, else the default. */
	public EscalationPolicySnapshot policyForTeam(TeamId team) {
		return assignments.ofTeam(team.value()).flatMap(this::snapshot).orElseGet(this::defaultPolicy);
	}

	/** The built-in default first, then the saved policies by name. */
	public List<EscalationPolicy> list() {
		List<EscalationPolicy> all = new ArrayList<>();
		all.add(builtIn);
		all.addAll(store.list());
		return all;
	}

	public Optional<EscalationPolicy> find(UUID id) {
		return DEFAULT_POLICY_ID.equals(id) ? Optional.of(builtIn) : store.find(id);
	}

	public EscalationPolicy get(UUID id) {
		return find(id).orElseThrow(() -> DomainException.notFound("Escalation policy", id));
	}

	@Transactional
	public EscalationPolicy create(EscalationPolicyDraft draft) {
		var parsed = PolicyRules.parse(draft, lookups());
		Instant now = now();
		var policy = new EscalationPolicy(UUID.randomUUID(), parsed.name(), parsed.description(), parsed.repeat(),
				parsed.steps(), false, now, now);
		try {
			store.insert(policy);
		}
		catch (DuplicateKeyException ex) {
			throw nameTaken(parsed.name());
		}
		events.publishEvent(new PolicyEvents.EscalationPolicyChanged("escalation_policy.created", null, policy));
		return policy;
	}

	@Transactional
	public EscalationPolicy update(UUID id, EscalationPolicyDraft draft) {
		refuseBuiltIn(id, "changed");
		EscalationPolicy before = store.lock(id).orElseThrow(() -> DomainException.notFound("Escalation policy", id));
		var parsed = PolicyRules.parse(draft, lookups());
		var policy = new EscalationPolicy(id, parsed.name(), parsed.description(), parsed.repeat(), parsed.steps(),
				false, before.createdAt(), now());
		try {
			store.update(policy);
		}
		catch (DuplicateKeyException ex) {
			throw nameTaken(parsed.name());
		}
		events.publishEvent(new PolicyEvents.EscalationPolicyChanged("escalation_policy.updated", before, policy));
		return policy;
	}

	@Transactional
	public void delete(UUID id) {
		refuseBuiltIn(id, "deleted");
		EscalationPolicy before = store.lock(id).orElseThrow(() -> DomainException.notFound("Escalation policy", id));
		var using = assignments.ofPolicy(id);
		if (!using.isEmpty()) {
			throw DomainException.conflict("policy-in-use", "Escalation policy " + before.name() + " is used by "
					+ using.size() + " team(s) or service(s); give them another policy first");
		}
		store.delete(id);
		events.publishEvent(new PolicyEvents.EscalationPolicyChanged("escalation_policy.deleted", before, null));
	}

	/**
	 * One team's or service's own policy.
	 *
	 * @param kind team or service
	 * @param subjectId the team's or service's id
	 * @param policyId the policy it uses
	 */
	public record Assignment(String kind, UUID subjectId, UUID policyId) {
	}

	public List<Assignment> assignments() {
		return assignments.all().stream().map(a -> new Assignment(a.kind(), a.subjectId(), a.policyId())).toList();
	}

	/** Gives the team a policy of its own; null goes back to the handbook default. */
	@Transactional
	public void assignToTeam(TeamId team, UUID policyId) {
		Team subject = teams.get(team);
		assign("team", team.value(), subject.name(), policyId);
	}

	/** Gives the service a policy other than its team's; null goes back to the team's. */
	@Transactional
	public void assignToService(UUID serviceId, UUID policyId) {
		Service subject = services.find(new ServiceId(serviceId))
			.orElseThrow(() -> DomainException.notFound("Service", serviceId));
		assign("service", serviceId, subject.slug(), policyId);
	}

	private void assign(String kind, UUID subject, String name, UUID policyId) {
		if (policyId != null && find(policyId).isEmpty()) {
			throw DomainException.invalid("policyId", "no escalation policy " + policyId);
		}
		Optional<UUID> before = "team".equals(kind) ? assignments.ofTeam(subject) : assignments.ofService(subject);
		if (policyId == null) {
			assignments.clear(kind, subject);
		}
		else {
			assignments.assign(kind, subject, policyId, now());
		}
		events.publishEvent(new PolicyEvents.PolicyAssigned(kind, subject, name, before.orElse(null), policyId));
	}

	PolicyRules.Lookups lookups() {
		return new PolicyRules.Lookups(user -> users.find(user).filter(u -> !u.disabled()).isPresent(),
				schedule -> schedules.find(schedule).map(s -> s.layers().size()),
				role -> orgRoles.list()
					.stream()
					.filter(r -> r.name().equalsIgnoreCase(role))
					.map(OrgRoles.OrgRole::name)
					.findFirst());
	}

	private static void refuseBuiltIn(UUID id, String what) {
		if (DEFAULT_POLICY_ID.equals(id)) {
			throw DomainException.conflict("built-in-policy",
					"The handbook default cannot be " + what + "; create a policy of your own instead");
		}
	}

	private static DomainException nameTaken(String name) {
		return DomainException.conflict("name-taken", "An escalation policy named " + name + " already exists");
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
