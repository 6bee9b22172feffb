package dev.watchkeeper.oncall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.platform.DomainException;

/**
 * What a valid escalation policy is: a name, 1 to {@value #MAX_STEPS} steps, each with 1
 * to {@value #MAX_TARGETS} reachable targets (a user who exists and is enabled, a
 * schedule and layer that exist, a team role, an organisation role that exists) and a
 * timeout from one minute to a day; repeat 0 to {@value #MAX_REPEAT}. Every broken rule
 * is reported at once, by field path ({@code steps[1].timeout}).
 */
final class PolicyRules {

	static final int MAX_STEPS = 20;

	static final int MAX_TARGETS = 10;

	static final int MAX_REPEAT = 9;

	static final Duration MIN_TIMEOUT = Duration.ofMinutes(1);

	static final Duration MAX_TIMEOUT = Duration.ofHours(24);

	private PolicyRules() {
	}

	/**
	 * What targets may name.
	 *
	 * @param activeUser whether a user exists and is enabled
	 * @param scheduleLayers how many layers a schedule has, if it exists
	 * @param orgRole the stored spelling of an organisation role, if it exists
	 */
	record Lookups(Predicate<UserId> activeUser, Function<UUID, Optional<Integer>> scheduleLayers,
			Function<String, Optional<String>> orgRole) {
	}

	/**
	 * The valid parts of a policy.
	 *
	 * @param name trimmed name
	 * @param description or null
	 * @param repeat 0 to 9
	 * @param steps the steps
	 */
	record Parsed(String name, String description, int repeat, List<EscalationStep> steps) {
	}

	static Parsed parse(EscalationPolicyDraft draft, Lookups lookups) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = draft.name() == null ? "" : draft.name().trim();
		if (name.isEmpty() || name.length() > 200) {
			errors.put("name", "must be 1 to 200 characters");
		}
		if (draft.description() != null && draft.description().length() > 2000) {
			errors.put("description", "must be at most 2000 characters");
		}
		int repeat = draft.repeat() == null ? 0 : draft.repeat();
		if (repeat < 0 || repeat > MAX_REPEAT) {
			errors.put("repeat", "must be 0 to " + MAX_REPEAT + " (how many times the steps run again)");
		}
		var drafts = draft.steps() == null ? List.<EscalationPolicyDraft.StepDraft>of() : draft.steps();
		if (drafts.isEmpty() || drafts.size() > MAX_STEPS) {
			errors.put("steps", "must be 1 to " + MAX_STEPS + " steps");
		}
		List<EscalationStep> steps = new ArrayList<>();
		for (int i = 0; i < Math.min(drafts.size(), MAX_STEPS); i++) {
			step(drafts.get(i), i, lookups, errors).ifPresent(steps::add);
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		return new Parsed(name, ScheduleRules.blankToNull(draft.description()), repeat, steps);
	}

	private static Optional<EscalationStep> step(EscalationPolicyDraft.StepDraft draft, int index, Lookups lookups,
			Map<String, String> errors) {
		String at = "steps[" + index + "]";
		if (draft == null) {
			errors.put(at, "must be a step");
			return Optional.empty();
		}
		int before = errors.size();
		Optional<Duration> timeout = Durations.parse(draft.timeout());
		if (timeout.isEmpty()) {
			errors.put(at + ".timeout", "must be a duration such as 5m, 1h or PT15M");
		}
		else if (timeout.get().compareTo(MIN_TIMEOUT) < 0 || timeout.get().compareTo(MAX_TIMEOUT) > 0) {
			errors.put(at + ".timeout", "must be from 1m to 24h; " + Durations.format(timeout.get()) + " is not");
		}
		List<EscalationTarget> drafts = draft.targets() == null ? List.of() : draft.targets();
		if (drafts.isEmpty()) {
			errors.put(at + ".targets", "must name at least one target: a step nobody is paged by reaches no one");
		}
		else if (drafts.size() > MAX_TARGETS) {
			errors.put(at + ".targets", "must be at most " + MAX_TARGETS);
		}
		List<EscalationTarget> targets = new ArrayList<>();
		for (int j = 0; j < Math.min(drafts.size(), MAX_TARGETS); j++) {
			target(drafts.get(j), at + ".targets[" + j + "]", lookups, errors).ifPresent(targets::add);
		}
		if (errors.size() > before) {
			return Optional.empty();
		}
		return Optional.of(new EscalationStep(index, targets, timeout.get()));
	}

	static Optional<EscalationTarget> target(EscalationTarget draft, String at, Lookups lookups,
			Map<String, String> errors) {
		if (draft == null || draft.kind() == null || !EscalationTarget.KINDS.contains(draft.kind().trim())) {
			errors.put(at + ".kind", "must be one of " + EscalationTarget.KINDS);
			return Optional.empty();
		}
		String kind = draft.kind().trim();
		String ref = draft.ref() == null ? "" : draft.ref().trim();
		String problem = switch (kind) {
			case "user" -> ScheduleRules.uuid(ref).map(UserId::new).filter(lookups.activeUser()).isPresent() ? null
					: "no enabled user " + ref;
			case "schedule" -> scheduleProblem(ref, lookups);
			case "team_role" -> EscalationTarget.TEAM_ROLES.contains(ref.toLowerCase(Locale.ROOT)) ? null
					: "must be one of " + EscalationTarget.TEAM_ROLES;
			default -> lookups.orgRole().apply(ref).isPresent() ? null : "no organisation role " + ref;
		};
		if (problem != null) {
			errors.put(at + ".ref", problem);
			return Optional.empty();
		}
		String normalised = switch (kind) {
			case "team_role" -> ref.toLowerCase(Locale.ROOT);
			case "org_role" -> lookups.orgRole().apply(ref).orElseThrow();
			case "user" -> UUID.fromString(ref).toString();
			default -> ref.toLowerCase(Locale.ROOT);
		};
		return Optional.of(new EscalationTarget(kind, normalised));
	}

	private static String scheduleProblem(String ref, Lookups lookups) {
		ScheduleRef parsed = ScheduleRef.parse(ref).orElse(null);
		if (parsed == null) {
			return "must be a schedule id, optionally with #layer (e.g. 3f1a…#2)";
		}
		Optional<Integer> layers = lookups.scheduleLayers().apply(parsed.scheduleId());
		if (layers.isEmpty()) {
			return "no schedule " + parsed.scheduleId();
		}
		if (parsed.layer() != null && parsed.layer() > layers.get()) {
			return "schedule " + parsed.scheduleId() + " has no layer " + parsed.layer();
		}
		return null;
	}

	/**
	 * A schedule target's reference: the schedule, and one layer of it or null for the
	 * first layer with someone reachable.
	 *
	 * @param scheduleId the schedule
	 * @param layer 1-based layer or null
	 */
	record ScheduleRef(UUID scheduleId, Integer layer) {

		static Optional<ScheduleRef> parse(String ref) {
			if (ref == null) {
				return Optional.empty();
			}
			String[] parts = ref.trim().split("#", -1);
			Optional<UUID> id = ScheduleRules.uuid(parts[0]);
			if (id.isEmpty() || parts.length > 2) {
				return Optional.empty();
			}
			if (parts.length == 1) {
				return Optional.of(new ScheduleRef(id.get(), null));
			}
			try {
				int layer = Integer.parseInt(parts[1]);
				return layer >= 1 ? Optional.of(new ScheduleRef(id.get(), layer)) : Optional.empty();
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		}

	}

}
