package dev.watchkeeper.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A node of the routing tree with every inherited value filled in, as Alertmanager
 * evaluates it.
 *
 * @param id stable identity used in group keys: the parent's id, this route's matchers
 * and its position among its siblings
 * @param path where it is written in the document, e.g. {@code route.routes[1]}
 * @param matchers all must match for the route to apply
 * @param receiver the receiver notices go to
 * @param groupBy label names alerts are grouped by; {@code ...} means every label
 * @param groupWait how long a new group waits before its first notice
 * @param groupInterval how long after a notice the group may notify about changes
 * @param repeatInterval how long after a notice an unchanged firing group notifies again
 * @param continueMatching whether later siblings are tried after this route matched
 * @param muteTimeIntervals while any of these contains the moment, the route is muted
 * @param activeTimeIntervals when set, the route is muted outside all of them
 * @param sendResolvedWhenSilenced whether an alert resolving while silenced is notified
 * @param routes child routes
 */
public record Route(String id, String path, List<Matcher> matchers, String receiver, List<String> groupBy,
		Duration groupWait, Duration groupInterval, Duration repeatInterval, boolean continueMatching,
		List<String> muteTimeIntervals, List<String> activeTimeIntervals, boolean sendResolvedWhenSilenced,
		List<Route> routes) {

	public static final String ALL_LABELS = "...";

	public boolean groupsByAllLabels() {
		return groupBy.contains(ALL_LABELS);
	}

	/**
	 * The routes an alert with these labels takes, in order: Alertmanager's depth-first
	 * match where a matching child stops its later siblings unless it has
	 * {@code continue}, and a node none of whose children match is itself the match.
	 */
	public List<Route> match(Map<String, String> labels) {
		if (!matchers.stream().allMatch(m -> m.matches(labels))) {
			return List.of();
		}
		List<Route> all = new ArrayList<>();
		for (Route child : routes) {
			List<Route> matches = child.match(labels);
			all.addAll(matches);
			if (!matches.isEmpty() && !child.continueMatching()) {
				break;
			}
		}
		if (all.isEmpty()) {
			all.add(this);
		}
		return all;
	}

	/** The labels an alert is grouped by on this route. */
	public Map<String, String> groupLabels(Map<String, String> labels) {
		if (groupsByAllLabels()) {
			return new TreeMap<>(labels);
		}
		Map<String, String> grouped = new TreeMap<>();
		for (String name : groupBy) {
			String value = labels.get(name);
			if (value != null && !value.isEmpty()) {
				grouped.put(name, value);
			}
		}
		return grouped;
	}

	/** Stable for the life of a group: this route's id and the group labels. */
	public String groupKey(Map<String, String> labels) {
		return id + ":" + labelString(groupLabels(labels));
	}

	static String labelString(Map<String, String> labels) {
		return new TreeMap<>(labels).entrySet()
			.stream()
			.map(e -> e.getKey() + "=\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining(",", "{", "}"));
	}

	/**
	 * What mutes the route at this moment: a mute interval that contains it, or the
	 * active intervals when none contains it.
	 */
	public Optional<String> mutedAt(Instant now, Map<String, TimeInterval> intervals) {
		for (String name : muteTimeIntervals) {
			TimeInterval interval = intervals.get(name);
			if (interval != null && interval.contains(now)) {
				return Optional.of("mute_time_intervals: " + name);
			}
		}
		if (!activeTimeIntervals.isEmpty() && activeTimeIntervals.stream()
			.map(intervals::get)
			.noneMatch(interval -> interval != null && interval.contains(now))) {
			return Optional.of("outside active_time_intervals: " + String.join(", ", activeTimeIntervals));
		}
		return Optional.empty();
	}

	/** This route and all below it, depth first. */
	public List<Route> flatten() {
		List<Route> all = new ArrayList<>();
		all.add(this);
		routes.forEach(child -> all.addAll(child.flatten()));
		return all;
	}

	public Optional<Route> find(String routeId) {
		return flatten().stream().filter(r -> r.id().equals(routeId)).findFirst();
	}

	public String matchersText() {
		return matchers.stream().map(Matcher::toString).collect(Collectors.joining(", "));
	}

	public String timings() {
		return "wait " + ConfigDocument.format(groupWait) + ", interval " + ConfigDocument.format(groupInterval)
				+ ", repeat " + ConfigDocument.format(repeatInterval);
	}

}
