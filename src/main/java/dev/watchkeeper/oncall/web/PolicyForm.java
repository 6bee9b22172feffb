package dev.watchkeeper.oncall.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.watchkeeper.oncall.Durations;
import dev.watchkeeper.oncall.EscalationPolicy;
import dev.watchkeeper.oncall.EscalationPolicyDraft;
import dev.watchkeeper.oncall.EscalationStep;
import dev.watchkeeper.oncall.EscalationTarget;
import dev.watchkeeper.platform.DomainException;

import org.springframework.util.MultiValueMap;

/**
 * The escalation policy editor as the browser posts it: per step ({@code step0.…}) a
 * timeout, team roles as checkboxes, users, schedules and organisation roles as multiple
 * choices. A step with neither targets nor a timeout is dropped; one with a timeout but
 * no target is refused, as it would reach nobody.
 *
 * @param name name
 * @param description description
 * @param repeat repeat count as typed
 * @param steps the steps, one blank extra for adding
 */
record PolicyForm(String name, String description, String repeat, List<StepForm> steps) {

	static final int MAX_STEPS = 20;

	/**
	 * One step.
	 *
	 * @param timeout e.g. 5m
	 * @param teamRoles on_call, lead, manager
	 * @param users user ids
	 * @param schedules schedule ids
	 * @param orgRoles organisation role names
	 */
	record StepForm(String timeout, List<String> teamRoles, List<String> users, List<String> schedules,
			List<String> orgRoles) {

		static StepForm blank() {
			return new StepForm("", List.of(), List.of(), List.of(), List.of());
		}

		public boolean isBlank() {
			return (timeout == null || timeout.isBlank()) && teamRoles.isEmpty() && users.isEmpty()
					&& schedules.isEmpty() && orgRoles.isEmpty();
		}

		List<EscalationTarget> targets() {
			List<EscalationTarget> targets = new ArrayList<>();
			teamRoles.forEach(r -> targets.add(new EscalationTarget("team_role", r)));
			users.forEach(u -> targets.add(new EscalationTarget("user", u)));
			schedules.forEach(s -> targets.add(new EscalationTarget("schedule", s)));
			orgRoles.forEach(r -> targets.add(new EscalationTarget("org_role", r)));
			return targets;
		}

	}

	static PolicyForm empty() {
		return new PolicyForm("", "", "0",
				List.of(new StepForm("5m", List.of("on_call"), List.of(), List.of(), List.of()), StepForm.blank()));
	}

	/** A copy of a policy to start from: the policy's steps and one blank step. */
	static PolicyForm of(EscalationPolicy policy, boolean copy) {
		List<StepForm> steps = new ArrayList<>();
		for (EscalationStep step : policy.steps()) {
			steps.add(new StepForm(Durations.format(step.timeout()), refs(step, "team_role"), refs(step, "user"),
					refs(step, "schedule"), refs(step, "org_role")));
		}
		steps.add(StepForm.blank());
		return new PolicyForm(copy ? "Copy of " + policy.name() : policy.name(),
				policy.description() == null ? "" : policy.description(), Integer.toString(policy.repeat()), steps);
	}

	private static List<String> refs(EscalationStep step, String kind) {
		return step.targets().stream().filter(t -> t.kind().equals(kind)).map(EscalationTarget::ref).toList();
	}

	static PolicyForm read(MultiValueMap<String, String> params) {
		List<StepForm> steps = new ArrayList<>();
		for (int i = 0; i < MAX_STEPS; i++) {
			String prefix = "step" + i + ".";
			if (!params.containsKey(prefix + "timeout")) {
				continue;
			}
			steps.add(new StepForm(first(params, prefix + "timeout"), all(params, prefix + "teamRoles"),
					all(params, prefix + "users"), all(params, prefix + "schedules"),
					all(params, prefix + "orgRoles")));
		}
		return new PolicyForm(first(params, "name"), first(params, "description"), first(params, "repeat"), steps);
	}

	EscalationPolicyDraft draft() {
		Integer count;
		try {
			count = repeat == null || repeat.isBlank() ? 0 : Integer.valueOf(repeat.trim());
		}
		catch (NumberFormatException ex) {
			throw DomainException.invalid("repeat", "must be a whole number from 0 to 9");
		}
		List<EscalationPolicyDraft.StepDraft> drafts = steps.stream()
			.filter(step -> !step.isBlank())
			.map(step -> new EscalationPolicyDraft.StepDraft(step.targets(), step.timeout()))
			.toList();
		return new EscalationPolicyDraft(name, description, count, drafts);
	}

	/** {@code steps[2].targets[0].ref} → {@code step<form index>.targets}. */
	Map<String, String> formErrors(List<DomainException.FieldError> errors) {
		List<Integer> kept = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			if (!steps.get(i).isBlank()) {
				kept.add(i);
			}
		}
		Map<String, String> mapped = new LinkedHashMap<>();
		for (var error : errors) {
			String field = error.field();
			Matcher matcher = Pattern.compile("steps\\[(\\d+)]\\.?([a-zA-Z]*).*").matcher(field);
			if (matcher.matches()) {
				int index = Integer.parseInt(matcher.group(1));
				String part = matcher.group(2).isEmpty() ? "targets" : matcher.group(2);
				field = index < kept.size() ? "step" + kept.get(index) + "." + part : "steps";
			}
			mapped.putIfAbsent(field, error.message());
		}
		return mapped;
	}

	private static String first(MultiValueMap<String, String> params, String key) {
		String value = params.getFirst(key);
		return value == null ? "" : value;
	}

	private static List<String> all(MultiValueMap<String, String> params, String key) {
		List<String> values = params.get(key);
		return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
	}

}
