package dev.watchkeeper.oncall;

import java.util.List;
import java.util.UUID;

/**
 * An immutable copy of a policy, kept by an incident when it opens, so later edits do not
 * change pages already in flight.
 *
 * @param policyId the policy's id ({@link EscalationPolicies#DEFAULT_POLICY_ID} for the
 * handbook's default)
 * @param name the policy's name then
 * @param repeat how many times the whole list runs again after the last step (0 = once)
 * @param steps the steps, first first
 */
public record EscalationPolicySnapshot(UUID policyId, String name, int repeat, List<EscalationStep> steps) {

	public EscalationPolicySnapshot {
		steps = List.copyOf(steps);
	}

}
