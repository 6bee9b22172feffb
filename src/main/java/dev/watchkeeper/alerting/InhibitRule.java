package dev.watchkeeper.alerting;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * While a firing alert matches the source matchers, alerts matching the target matchers
 * that agree with it on every {@code equal} label are inhibited. As in Alertmanager, an
 * alert matching both sides is not inhibited by sources that also match both sides (so it
 * never inhibits itself), and a label missing on both sides counts as equal.
 *
 * @param sourceMatchers what the inhibiting alert matches
 * @param targetMatchers what the inhibited alert matches
 * @param equal labels both must agree on
 */
public record InhibitRule(List<Matcher> sourceMatchers, List<Matcher> targetMatchers, List<String> equal) {

	public boolean isTarget(Map<String, String> labels) {
		return targetMatchers.stream().allMatch(m -> m.matches(labels));
	}

	public boolean isSource(Map<String, String> labels) {
		return sourceMatchers.stream().allMatch(m -> m.matches(labels));
	}

	/**
	 * The fingerprint of the firing alert that inhibits {@code target}, if any.
	 * @param firing alerts firing now (others are ignored by the caller's choice)
	 */
	public Optional<Alert> inhibitor(Map<String, String> target, Collection<Alert> firing) {
		if (!isTarget(target)) {
			return Optional.empty();
		}
		boolean twoSided = isSource(target);
		for (Alert source : firing) {
			if (!isSource(source.labels()) || (twoSided && isTarget(source.labels()))) {
				continue;
			}
			boolean agrees = equal.stream()
				.allMatch(
						name -> Objects.equals(source.labels().getOrDefault(name, ""), target.getOrDefault(name, "")));
			if (agrees) {
				return Optional.of(source);
			}
		}
		return Optional.empty();
	}

	/** The first firing alert inhibiting {@code target} under any rule. */
	static Optional<Alert> inhibitor(List<InhibitRule> rules, Map<String, String> target, Collection<Alert> firing) {
		for (InhibitRule rule : rules) {
			var found = rule.inhibitor(target, firing);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	/** Label equalities every source must have, to narrow the search in the database. */
	Map<String, String> sourceEqualities() {
		var eq = new java.util.TreeMap<String, String>();
		sourceMatchers.stream()
			.filter(m -> "=".equals(m.op()) && !m.value().isEmpty())
			.forEach(m -> eq.put(m.name(), m.value()));
		return eq;
	}

}
