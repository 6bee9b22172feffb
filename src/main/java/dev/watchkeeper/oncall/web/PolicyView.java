package dev.watchkeeper.oncall.web;

import java.time.Instant;
import java.util.List;

import dev.watchkeeper.oncall.Durations;
import dev.watchkeeper.oncall.EscalationPolicy;
import dev.watchkeeper.oncall.EscalationPolicySnapshot;
import dev.watchkeeper.oncall.EscalationStep;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An escalation policy as the API shows it.
 *
 * @param id id
 * @param name name
 * @param description when to use it
 * @param repeat how many times the steps run again after the last
 * @param builtIn whether it is the handbook's default
 * @param steps the steps
 * @param createdAt when created (null for the default)
 * @param updatedAt when changed (null for the default)
 */
@Schema(example = """
		{"id":"00000000-0000-0000-0000-000000000001","name":"Handbook default","repeat":1,"builtIn":true,
		 "steps":[{"index":0,"timeout":"5m","timeoutSeconds":300,
		           "targets":[{"kind":"team_role","ref":"on_call","label":"The team's on-call engineer"}]},
		          {"index":1,"timeout":"10m","timeoutSeconds":600,
		           "targets":[{"kind":"team_role","ref":"lead","label":"The team lead"}]}]}""")
record PolicyView(String id, String name, String description, int repeat, boolean builtIn, List<StepView> steps,
		Instant createdAt, Instant updatedAt) {

	/**
	 * One step.
	 *
	 * @param index 0-based position
	 * @param timeout e.g. 5m
	 * @param timeoutSeconds the same in seconds
	 * @param targets whom it pages
	 */
	record StepView(int index, String timeout, long timeoutSeconds, List<TargetView> targets) {
	}

	/**
	 * One target.
	 *
	 * @param kind user, schedule, team_role or org_role
	 * @param ref what it names
	 * @param label what people read
	 */
	record TargetView(String kind, String ref, String label) {
	}

	static PolicyView of(EscalationPolicy policy, TargetLabels labels) {
		return new PolicyView(policy.id().toString(), policy.name(), policy.description(), policy.repeat(),
				policy.builtIn(), steps(policy.steps(), labels), policy.createdAt(), policy.updatedAt());
	}

	static PolicyView of(EscalationPolicySnapshot snapshot, TargetLabels labels) {
		return new PolicyView(snapshot.policyId().toString(), snapshot.name(), null, snapshot.repeat(),
				snapshot.policyId().equals(dev.watchkeeper.oncall.EscalationPolicies.DEFAULT_POLICY_ID),
				steps(snapshot.steps(), labels), null, null);
	}

	private static List<StepView> steps(List<EscalationStep> steps, TargetLabels labels) {
		return steps.stream()
			.map(step -> new StepView(step.index(), Durations.format(step.timeout()), step.timeout().getSeconds(),
					step.targets().stream().map(t -> new TargetView(t.kind(), t.ref(), labels.label(t))).toList()))
			.toList();
	}

}
