package dev.watchkeeper.oncall.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.identity.TeamId;
import dev.watchkeeper.oncall.EscalationPolicies;
import dev.watchkeeper.oncall.EscalationPolicy;
import dev.watchkeeper.oncall.EscalationPolicyDraft;
import dev.watchkeeper.oncall.EscalationPolicySnapshot;
import dev.watchkeeper.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Escalation policies and which team or service uses which. */
@RestController
@RequestMapping("/api/v1/escalation-policies")
@Tag(name = "Escalation policies")
class EscalationPolicyController {

	private final EscalationPolicies policies;

	private final TargetLabels.Labeler labels;

	EscalationPolicyController(EscalationPolicies policies, TargetLabels.Labeler labels) {
		this.policies = policies;
		this.labels = labels;
	}

	/**
	 * Which policy to use.
	 *
	 * @param policyId a policy's id; null or absent: back to the default (the handbook's
	 * for a team, the team's for a service)
	 */
	@Schema(example = """
			{"policyId":"9b2e…"}""")
	record AssignmentRequest(UUID policyId) {
	}

	/**
	 * A team's or service's own policy.
	 *
	 * @param kind team or service
	 * @param subjectId the team's or service's id
	 * @param policyId the policy
	 */
	@Schema(example = """
			{"kind":"team","subjectId":"a1c2…","policyId":"9b2e…"}""")
	record AssignmentView(String kind, String subjectId, String policyId) {
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "List escalation policies", description = "The built-in handbook default first.")
	List<PolicyView> list() {
		List<EscalationPolicy> all = policies.list();
		TargetLabels names = labels.of(all);
		return all.stream().map(p -> PolicyView.of(p, names)).toList();
	}

	@PostMapping
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Create an escalation policy",
			description = "422 naming the field (e.g. steps[1].timeout, steps[0].targets[0].ref) for a step without "
					+ "targets, an unknown user, schedule or role, a timeout of zero or less, or repeat outside 0–9.")
	ResponseEntity<PolicyView> create(@RequestBody EscalationPolicyDraft draft) {
		EscalationPolicy policy = policies.create(draft);
		return ResponseEntity.created(URI.create("/api/v1/escalation-policies/" + policy.id())).body(view(policy));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "One escalation policy",
			description = "00000000-0000-0000-0000-000000000001 is the handbook's default.")
	PolicyView get(@PathVariable UUID id) {
		return view(policies.get(id));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Replace an escalation policy",
			description = "Incidents already open keep the snapshot they took. 409 for the built-in default.")
	PolicyView update(@PathVariable UUID id, @RequestBody EscalationPolicyDraft draft) {
		return view(policies.update(id, draft));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Delete an escalation policy", description = "409 while a team or service uses it.")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		policies.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/assignments")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Which team or service uses which policy",
			description = "Teams without one use the handbook default; services without one use their team's.")
	List<AssignmentView> assignments() {
		return policies.assignments()
			.stream()
			.map(a -> new AssignmentView(a.kind(), a.subjectId().toString(), a.policyId().toString()))
			.toList();
	}

	@PutMapping("/assignments/teams/{teamId}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Give a team an escalation policy", description = "policyId null: the handbook default.")
	ResponseEntity<Void> assignToTeam(@PathVariable UUID teamId, @RequestBody AssignmentRequest request) {
		policies.assignToTeam(new TeamId(teamId), request.policyId());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/assignments/teams/{teamId}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Put a team back on the handbook default")
	ResponseEntity<Void> unassignTeam(@PathVariable UUID teamId) {
		policies.assignToTeam(new TeamId(teamId), null);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/assignments/services/{serviceId}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Give a service a policy other than its team's", description = "policyId null: the team's.")
	ResponseEntity<Void> assignToService(@PathVariable UUID serviceId, @RequestBody AssignmentRequest request) {
		policies.assignToService(serviceId, request.policyId());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/assignments/services/{serviceId}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Put a service back on its team's policy")
	ResponseEntity<Void> unassignService(@PathVariable UUID serviceId) {
		policies.assignToService(serviceId, null);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/effective")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "The policy an incident would take",
			description = "For a service (its own, else its owner team's, else the default) or a team; the default "
					+ "when neither is given.")
	PolicyView effective(@Parameter(description = "service id") @RequestParam(required = false) UUID service,
			@Parameter(description = "team id") @RequestParam(required = false) UUID team) {
		if (service != null && team != null) {
			throw DomainException.invalid("team", "give a service or a team, not both");
		}
		EscalationPolicySnapshot snapshot = service != null ? policies.policyForService(service)
				: team != null ? policies.policyForTeam(new TeamId(team)) : policies.defaultPolicy();
		return PolicyView.of(snapshot,
				labels.forTargets(snapshot.steps().stream().flatMap(s -> s.targets().stream()).toList()));
	}

	private PolicyView view(EscalationPolicy policy) {
		return PolicyView.of(policy, labels.of(List.of(policy)));
	}

}
