package dev.watchkeeper.oncall.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.catalog.ServiceFilter;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.OrgRoles;
import dev.watchkeeper.identity.SignedIn;
import dev.watchkeeper.identity.TeamId;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.oncall.EscalationPolicies;
import dev.watchkeeper.oncall.EscalationPolicy;
import dev.watchkeeper.oncall.Schedules;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Escalation policies in the UI: list with assignments, detail, editor. */
@Controller
class PolicyPages {

	private final EscalationPolicies policies;

	private final TargetLabels.Labeler labels;

	private final Teams teams;

	private final Services services;

	private final Users users;

	private final Schedules schedules;

	private final OrgRoles orgRoles;

	PolicyPages(EscalationPolicies policies, TargetLabels.Labeler labels, Teams teams, Services services, Users users,
			Schedules schedules, OrgRoles orgRoles) {
		this.policies = policies;
		this.labels = labels;
		this.teams = teams;
		this.services = services;
		this.users = users;
		this.schedules = schedules;
		this.orgRoles = orgRoles;
	}

	/**
	 * A team or service and its policy.
	 *
	 * @param kind team or service
	 * @param id its id
	 * @param name its name
	 * @param policyId its own policy's id, or empty
	 */
	record AssignmentRow(String kind, String id, String name, String policyId) {
	}

	@GetMapping("/escalation-policies")
	@PreAuthorize("hasRole('VIEWER')")
	String list(@AuthenticationPrincipal SignedIn me, Model model) {
		List<EscalationPolicy> all = policies.list();
		TargetLabels names = labels.of(all);
		model.addAttribute("policies", all.stream().map(p -> PolicyView.of(p, names)).toList());
		Map<String, String> assigned = new HashMap<>();
		policies.assignments().forEach(a -> assigned.put(a.kind() + ":" + a.subjectId(), a.policyId().toString()));
		List<AssignmentRow> teamRows = new ArrayList<>();
		teams.list(PageQuery.of(1, PageQuery.MAX_SIZE))
			.items()
			.forEach(t -> teamRows.add(new AssignmentRow("team", t.id().toString(), t.name(),
					assigned.getOrDefault("team:" + t.id(), ""))));
		List<AssignmentRow> serviceRows = new ArrayList<>();
		services.list(ServiceFilter.ALL, PageQuery.of(1, PageQuery.MAX_SIZE))
			.items()
			.forEach(s -> serviceRows.add(new AssignmentRow("service", s.id().toString(), s.name(),
					assigned.getOrDefault("service:" + s.id(), ""))));
		model.addAttribute("teamRows", teamRows);
		model.addAttribute("serviceRows", serviceRows);
		model.addAttribute("viewer", Viewer.of(me));
		return "oncall/policies";
	}

	@PostMapping("/escalation-policies/assignments/{kind}/{subject}")
	@PreAuthorize("hasRole('MANAGER')")
	String assign(@PathVariable String kind, @PathVariable UUID subject,
			@RequestParam(defaultValue = "") String policyId, RedirectAttributes redirect) {
		UUID policy;
		try {
			policy = policyId.isBlank() ? null : UUID.fromString(policyId.trim());
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid("policyId", "choose a policy from the list");
		}
		switch (kind) {
			case "teams" -> policies.assignToTeam(new TeamId(subject), policy);
			case "services" -> policies.assignToService(subject, policy);
			default -> throw DomainException.notFound("Assignment kind", kind);
		}
		redirect.addFlashAttribute("flash", "Saved the escalation policy.");
		return "redirect:/escalation-policies#assignments";
	}

	@GetMapping("/escalation-policies/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	String detail(@PathVariable UUID id, @AuthenticationPrincipal SignedIn me, Model model) {
		EscalationPolicy policy = policies.get(id);
		model.addAttribute("policy", PolicyView.of(policy, labels.of(List.of(policy))));
		model.addAttribute("viewer", Viewer.of(me));
		return "oncall/policy";
	}

	@GetMapping("/escalation-policies/new")
	@PreAuthorize("hasRole('MANAGER')")
	String createForm(@RequestParam(required = false) UUID copy, Model model) {
		PolicyForm form = copy == null ? PolicyForm.empty() : PolicyForm.of(policies.get(copy), true);
		return form(model, form, null, Map.of());
	}

	@PostMapping("/escalation-policies")
	@PreAuthorize("hasRole('MANAGER')")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		PolicyForm form = PolicyForm.read(params);
		try {
			EscalationPolicy policy = policies.create(form.draft());
			redirect.addFlashAttribute("flash", "Created escalation policy " + policy.name() + ".");
			return "redirect:/escalation-policies/" + policy.id();
		}
		catch (DomainException ex) {
			return rejected(ex, form, null, model, response);
		}
	}

	@GetMapping("/escalation-policies/{id}/edit")
	@PreAuthorize("hasRole('MANAGER')")
	String editForm(@PathVariable UUID id, Model model) {
		EscalationPolicy policy = policies.get(id);
		if (policy.builtIn()) {
			return "redirect:/escalation-policies/new?copy=" + id;
		}
		return form(model, PolicyForm.of(policy, false), id, Map.of());
	}

	@PostMapping("/escalation-policies/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	String update(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		PolicyForm form = PolicyForm.read(params);
		try {
			EscalationPolicy policy = policies.update(id, form.draft());
			redirect.addFlashAttribute("flash", "Saved escalation policy " + policy.name() + ".");
			return "redirect:/escalation-policies/" + id;
		}
		catch (DomainException ex) {
			return rejected(ex, form, id, model, response);
		}
	}

	@PostMapping("/escalation-policies/{id}/delete")
	@PreAuthorize("hasRole('MANAGER')")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			policies.delete(id);
			redirect.addFlashAttribute("flash", "Deleted the escalation policy.");
			return "redirect:/escalation-policies";
		}
		catch (DomainException ex) {
			if (ex.kind() == DomainException.Kind.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/escalation-policies/" + id;
		}
	}

	private String rejected(DomainException ex, PolicyForm form, UUID id, Model model, HttpServletResponse response) {
		if (ex.kind() == DomainException.Kind.NOT_FOUND) {
			throw ex;
		}
		response.setStatus(ex.kind() == DomainException.Kind.CONFLICT ? 409 : 422);
		Map<String, String> errors = ex.fieldErrors().isEmpty() ? Map.of("name", ex.getMessage())
				: form.formErrors(ex.fieldErrors());
		List<PolicyForm.StepForm> steps = new ArrayList<>(form.steps());
		if (steps.size() < PolicyForm.MAX_STEPS && steps.stream().noneMatch(PolicyForm.StepForm::isBlank)) {
			steps.add(PolicyForm.StepForm.blank());
		}
		return form(model, new PolicyForm(form.name(), form.description(), form.repeat(), steps), id, errors);
	}

	private String form(Model model, PolicyForm form, UUID id, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("id", id);
		model.addAttribute("errors", errors);
		model.addAttribute("users", users.list(PageQuery.of(1, PageQuery.MAX_SIZE)).items());
		model.addAttribute("schedules", schedules.list(null, PageQuery.of(1, PageQuery.MAX_SIZE)).items());
		model.addAttribute("orgRoles", orgRoles.list());
		return "oncall/policy-form";
	}

}
