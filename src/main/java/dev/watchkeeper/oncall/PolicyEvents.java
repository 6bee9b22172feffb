package dev.watchkeeper.oncall;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.platform.AuditableEvent;

/** Changes to escalation policies and to which team or service uses which. */
public final class PolicyEvents {

	private PolicyEvents() {
	}

	/** A policy was created, changed or deleted. */
	public record EscalationPolicyChanged(String action, EscalationPolicy previous,
			EscalationPolicy policy) implements AuditableEvent {

		public String targetType() {
			return "escalation_policy";
		}

		public String targetId() {
			return (policy != null ? policy : previous).id().toString();
		}

		public String summary() {
			String name = (policy != null ? policy : previous).name();
			return switch (action) {
				case "escalation_policy.created" -> "Created escalation policy " + name;
				case "escalation_policy.deleted" -> "Deleted escalation policy " + name;
				default -> "Updated escalation policy " + name;
			};
		}

		public Map<String, Object> before() {
			return fields(previous);
		}

		public Map<String, Object> after() {
			return fields(policy);
		}

		private static Map<String, Object> fields(EscalationPolicy policy) {
			if (policy == null) {
				return Map.of();
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("name", policy.name());
			fields.put("repeat", policy.repeat());
			fields.put("steps",
					policy.steps()
						.stream()
						.map(step -> step.targets().stream().map(t -> t.kind() + ":" + t.ref()).toList() + " then wait "
								+ Durations.format(step.timeout()))
						.toList());
			return fields;
		}

	}

	/**
	 * A team or service was given a policy, or went back to the default (policyId null).
	 */
	public record PolicyAssigned(String kind, UUID subjectId, String subjectName, UUID previousPolicyId,
			UUID policyId) implements AuditableEvent {

		public String action() {
			return policyId == null ? "escalation_policy.unassigned" : "escalation_policy.assigned";
		}

		public String targetType() {
			return kind;
		}

		public String targetId() {
			return subjectId.toString();
		}

		public String summary() {
			return policyId == null
					? "The " + kind + " " + subjectName + " no longer has an escalation policy of its own"
					: "The " + kind + " " + subjectName + " uses escalation policy " + policyId;
		}

		public Map<String, Object> before() {
			return previousPolicyId == null ? Map.of() : Map.of("policy", previousPolicyId.toString());
		}

		public Map<String, Object> after() {
			return policyId == null ? Map.of() : Map.of("policy", policyId.toString());
		}

	}

}
