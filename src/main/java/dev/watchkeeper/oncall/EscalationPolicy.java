package dev.watchkeeper.oncall;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An escalation policy as stored and edited.
 *
 * @param id the id
 * @param name unique display name
 * @param description when to use it
 * @param repeat how many times the steps run again after the last (0 = once)
 * @param steps the steps in order
 * @param builtIn whether this is the handbook's default, shipped as data and not editable
 * @param createdAt when created; null for the built-in default
 * @param updatedAt when last changed; null for the built-in default
 */
public record EscalationPolicy(UUID id, String name, String description, int repeat, List<EscalationStep> steps,
		boolean builtIn, Instant createdAt, Instant updatedAt) {

	public EscalationPolicy {
		steps = List.copyOf(steps);
	}

	public EscalationPolicySnapshot snapshot() {
		return new EscalationPolicySnapshot(id, name, repeat, steps);
	}

}
