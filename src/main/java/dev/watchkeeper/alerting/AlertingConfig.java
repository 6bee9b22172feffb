package dev.watchkeeper.alerting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.watchkeeper.platform.DomainException;

/**
 * The routing configuration in Alertmanager's model: receivers, the route tree,
 * inhibition rules and named time intervals. Checked whole when read, so a saved
 * configuration never fails when used.
 *
 * @param receivers where notices go
 * @param root the route tree with inherited values filled in
 * @param inhibitRules which firing alerts mute which others
 * @param timeIntervals named intervals routes refer to
 */
public record AlertingConfig(List<Receiver> receivers, Route root, List<InhibitRule> inhibitRules,
		List<TimeInterval> timeIntervals) {

	static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);

	static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);

	static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

	private static final Set<String> TOP_FIELDS = Set.of("receivers", "route", "inhibit_rules", "time_intervals");

	private static final Set<String> ROUTE_FIELDS = Set.of("receiver", "group_by", "group_wait", "group_interval",
			"repeat_interval", "matchers", "continue", "routes", "mute_time_intervals", "active_time_intervals",
			"send_resolved_when_silenced");

	/**
	 * A named destination: the notification channels a notice goes to and, when
	 * {@code incident} is set, an incident for the group, paged through the escalation
	 * policy of the alerts' service.
	 *
	 * @param name what routes refer to
	 * @param channels names of notification channels
	 * @param incident whether a notice also opens (or updates) the group's incident
	 */
	public record Receiver(String name, List<String> channels, boolean incident) {
	}

	public Receiver receiver(String name) {
		return receivers.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
	}

	public Map<String, TimeInterval> intervals() {
		Map<String, TimeInterval> byName = new LinkedHashMap<>();
		timeIntervals.forEach(t -> byName.put(t.name(), t));
		return byName;
	}

	/**
	 * Receives the parsed document; the source map is kept verbatim as the stored form.
	 */
	static AlertingConfig parse(Map<String, Object> document, Predicate<String> channelExists) {
		Map<String, String> errors = new LinkedHashMap<>();
		document.keySet()
			.stream()
			.filter(k -> !TOP_FIELDS.contains(k))
			.forEach(k -> errors.put(k, "unknown field; use receivers, route, inhibit_rules, time_intervals"));

		List<TimeInterval> intervals = new ArrayList<>();
		Set<String> intervalNames = new HashSet<>();
		var rawIntervals = ConfigDocument.list(document.get("time_intervals"), "time_intervals", errors);
		for (int i = 0; i < rawIntervals.size(); i++) {
			String at = "time_intervals[" + i + "]";
			var map = ConfigDocument.map(rawIntervals.get(i), at, errors);
			if (map == null) {
				continue;
			}
			String name = ConfigDocument.string(map.get("name"), at + ".name", errors);
			if (name == null || name.isBlank()) {
				errors.put(at + ".name", "is required");
			}
			else if (!intervalNames.add(name)) {
				errors.put(at + ".name", "'" + name + "' is defined twice");
			}
			var rawRanges = ConfigDocument.list(map.get("time_intervals"), at + ".time_intervals", errors);
			List<TimeInterval.Range> ranges = new ArrayList<>();
			for (int j = 0; j < rawRanges.size(); j++) {
				var range = TimeInterval.parseRange(rawRanges.get(j), at + ".time_intervals[" + j + "]", errors);
				if (range != null) {
					ranges.add(range);
				}
			}
			if (name != null && !name.isBlank()) {
				intervals.add(new TimeInterval(name, ranges));
			}
		}

		List<Receiver> receivers = new ArrayList<>();
		Set<String> receiverNames = new HashSet<>();
		var rawReceivers = ConfigDocument.list(document.get("receivers"), "receivers", errors);
		for (int i = 0; i < rawReceivers.size(); i++) {
			String at = "receivers[" + i + "]";
			var map = ConfigDocument.map(rawReceivers.get(i), at, errors);
			if (map == null) {
				continue;
			}
			map.keySet()
				.stream()
				.filter(k -> !Set.of("name", "channels", "incident").contains(k))
				.forEach(k -> errors.put(at + "." + k, "unknown field; a receiver has a name, channels and incident"));
			String name = ConfigDocument.string(map.get("name"), at + ".name", errors);
			if (name == null || name.isBlank()) {
				errors.put(at + ".name", "is required");
				continue;
			}
			if (!receiverNames.add(name)) {
				errors.put(at + ".name", "'" + name + "' is defined twice");
			}
			List<String> channels = new ArrayList<>();
			var rawChannels = ConfigDocument.list(map.get("channels"), at + ".channels", errors);
			for (int j = 0; j < rawChannels.size(); j++) {
				String channel = ConfigDocument.string(rawChannels.get(j), at + ".channels[" + j + "]", errors);
				if (channel == null || channel.isBlank()) {
					errors.put(at + ".channels[" + j + "]", "is empty");
				}
				else if (!channelExists.test(channel)) {
					errors.put(at + ".channels[" + j + "]", "no notification channel is named '" + channel + "'");
				}
				else {
					channels.add(channel);
				}
			}
			Object rawIncident = map.get("incident");
			if (rawIncident != null && !(rawIncident instanceof Boolean)) {
				errors.put(at + ".incident", "must be true or false");
			}
			receivers.add(new Receiver(name, List.copyOf(channels), Boolean.TRUE.equals(rawIncident)));
		}
		if (receivers.isEmpty() && !errors.containsKey("receivers")) {
			errors.put("receivers", "at least one receiver is needed");
		}

		List<InhibitRule> rules = new ArrayList<>();
		var rawRules = ConfigDocument.list(document.get("inhibit_rules"), "inhibit_rules", errors);
		for (int i = 0; i < rawRules.size(); i++) {
			String at = "inhibit_rules[" + i + "]";
			var map = ConfigDocument.map(rawRules.get(i), at, errors);
			if (map == null) {
				continue;
			}
			map.keySet()
				.stream()
				.filter(k -> !Set.of("source_matchers", "target_matchers", "equal").contains(k))
				.forEach(
						k -> errors.put(at + "." + k, "unknown field; use source_matchers, target_matchers and equal"));
			var source = matchers(map.get("source_matchers"), at + ".source_matchers", errors);
			var target = matchers(map.get("target_matchers"), at + ".target_matchers", errors);
			List<String> equal = labelNames(map.get("equal"), at + ".equal", errors, false);
			if (source.isEmpty() && !errors.keySet().stream().anyMatch(k -> k.startsWith(at + ".source"))) {
				errors.put(at + ".source_matchers", "at least one matcher is needed");
			}
			if (target.isEmpty() && !errors.keySet().stream().anyMatch(k -> k.startsWith(at + ".target"))) {
				errors.put(at + ".target_matchers", "at least one matcher is needed");
			}
			rules.add(new InhibitRule(source, target, equal));
		}

		Object rawRoute = document.get("route");
		Route root = null;
		if (rawRoute == null) {
			errors.put("route", "the root route is required");
		}
		else {
			var map = ConfigDocument.map(rawRoute, "route", errors);
			if (map != null) {
				if (map.get("receiver") == null) {
					errors.put("route.receiver", "the root route needs a receiver (the default for every alert)");
				}
				if (map.get("matchers") != null
						&& !ConfigDocument.list(map.get("matchers"), "route", errors).isEmpty()) {
					errors.put("route.matchers", "the root route matches every alert and takes no matchers");
				}
				if (Boolean.TRUE.equals(map.get("continue"))) {
					errors.put("route.continue", "the root route has no siblings; continue is not allowed");
				}
				for (String field : List.of("mute_time_intervals", "active_time_intervals")) {
					if (map.get(field) != null && !ConfigDocument.list(map.get(field), "route", errors).isEmpty()) {
						errors.put("route." + field, "the root route cannot be muted; put intervals on child routes");
					}
				}
				Route defaults = new Route("", "", List.of(), null, List.of(), DEFAULT_GROUP_WAIT,
						DEFAULT_GROUP_INTERVAL, DEFAULT_REPEAT_INTERVAL, false, List.of(), List.of(), false, List.of());
				root = route(map, "route", "{}", defaults, receiverNames, intervalNames, errors);
			}
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		return new AlertingConfig(List.copyOf(receivers), root, List.copyOf(rules), List.copyOf(intervals));
	}

	private static Route route(Map<String, Object> map, String path, String id, Route parent, Set<String> receivers,
			Set<String> intervals, Map<String, String> errors) {
		map.keySet()
			.stream()
			.filter(k -> !ROUTE_FIELDS.contains(k))
			.forEach(k -> errors.put(path + "." + k,
					"unknown field; a route takes " + String.join(", ", ROUTE_FIELDS.stream().sorted().toList())));
		String receiver = ConfigDocument.string(map.get("receiver"), path + ".receiver", errors);
		if (receiver != null && !receivers.contains(receiver)) {
			errors.put(path + ".receiver", "no receiver is named '" + receiver + "'");
		}
		List<String> groupBy = map.containsKey("group_by")
				? labelNames(map.get("group_by"), path + ".group_by", errors, true) : parent.groupBy();
		if (groupBy.contains(Route.ALL_LABELS) && groupBy.size() > 1) {
			errors.put(path + ".group_by", "'...' groups by every label and must stand alone");
		}
		Duration wait = ConfigDocument.duration(map.get("group_wait"), path + ".group_wait", errors);
		Duration interval = ConfigDocument.duration(map.get("group_interval"), path + ".group_interval", errors);
		Duration repeat = ConfigDocument.duration(map.get("repeat_interval"), path + ".repeat_interval", errors);
		if (interval != null && interval.isZero()) {
			errors.put(path + ".group_interval", "must be more than 0s");
		}
		if (repeat != null && repeat.isZero()) {
			errors.put(path + ".repeat_interval", "must be more than 0s");
		}
		List<Matcher> matchers = matchers(map.get("matchers"), path + ".matchers", errors);
		Object rawContinue = map.get("continue");
		if (rawContinue != null && !(rawContinue instanceof Boolean)) {
			errors.put(path + ".continue", "must be true or false");
		}
		Object rawResolved = map.get("send_resolved_when_silenced");
		if (rawResolved != null && !(rawResolved instanceof Boolean)) {
			errors.put(path + ".send_resolved_when_silenced", "must be true or false");
		}
		List<String> mute = intervalNames(map.get("mute_time_intervals"), path + ".mute_time_intervals", intervals,
				errors);
		List<String> active = intervalNames(map.get("active_time_intervals"), path + ".active_time_intervals",
				intervals, errors);
		Route self = new Route(id, path, matchers, receiver != null ? receiver : parent.receiver(),
				List.copyOf(groupBy), wait != null ? wait : parent.groupWait(),
				interval != null ? interval : parent.groupInterval(), repeat != null ? repeat : parent.repeatInterval(),
				Boolean.TRUE.equals(rawContinue), mute, active,
				rawResolved instanceof Boolean b ? b : parent.sendResolvedWhenSilenced(), List.of());
		List<Route> children = new ArrayList<>();
		var rawChildren = ConfigDocument.list(map.get("routes"), path + ".routes", errors);
		for (int i = 0; i < rawChildren.size(); i++) {
			String at = path + ".routes[" + i + "]";
			var child = ConfigDocument.map(rawChildren.get(i), at, errors);
			if (child != null) {
				String childMatchers = matchers(child.get("matchers"), at + ".matchers", new LinkedHashMap<>()).stream()
					.map(Matcher::toString)
					.reduce((a, b) -> a + "," + b)
					.orElse("");
				children
					.add(route(child, at, id + "/{" + childMatchers + "}/" + i, self, receivers, intervals, errors));
			}
		}
		return new Route(self.id(), self.path(), self.matchers(), self.receiver(), self.groupBy(), self.groupWait(),
				self.groupInterval(), self.repeatInterval(), self.continueMatching(), self.muteTimeIntervals(),
				self.activeTimeIntervals(), self.sendResolvedWhenSilenced(), List.copyOf(children));
	}

	static List<Matcher> matchers(Object raw, String at, Map<String, String> errors) {
		List<Matcher> matchers = new ArrayList<>();
		var list = ConfigDocument.list(raw, at, errors);
		for (int i = 0; i < list.size(); i++) {
			String text = ConfigDocument.string(list.get(i), at + "[" + i + "]", errors);
			if (text == null || text.isBlank()) {
				errors.put(at + "[" + i + "]", "write a matcher such as severity=\"critical\"");
				continue;
			}
			try {
				var parsed = Matcher.parse(text);
				if (parsed.size() != 1) {
					errors.put(at + "[" + i + "]", "write one matcher per entry, such as severity=\"critical\"");
				}
				else {
					matchers.add(parsed.get(0));
				}
			}
			catch (DomainException ex) {
				errors.put(at + "[" + i + "]",
						ex.fieldErrors().isEmpty() ? ex.getMessage() : ex.fieldErrors().get(0).message());
			}
		}
		return List.copyOf(matchers);
	}

	private static List<String> labelNames(Object raw, String at, Map<String, String> errors, boolean allowAll) {
		List<String> names = new ArrayList<>();
		var list = ConfigDocument.list(raw, at, errors);
		for (int i = 0; i < list.size(); i++) {
			String name = ConfigDocument.string(list.get(i), at + "[" + i + "]", errors);
			if (name == null) {
				continue;
			}
			if ((allowAll && Route.ALL_LABELS.equals(name)) || AlertValidation.isLabelName(name)) {
				names.add(name);
			}
			else {
				errors.put(at + "[" + i + "]", "'" + name + "' is not a label name");
			}
		}
		return List.copyOf(names);
	}

	private static List<String> intervalNames(Object raw, String at, Set<String> known, Map<String, String> errors) {
		List<String> names = new ArrayList<>();
		var list = ConfigDocument.list(raw, at, errors);
		for (int i = 0; i < list.size(); i++) {
			String name = ConfigDocument.string(list.get(i), at + "[" + i + "]", errors);
			if (name != null && !known.contains(name)) {
				errors.put(at + "[" + i + "]", "no time interval is named '" + name + "'");
			}
			else if (name != null) {
				names.add(name);
			}
		}
		return List.copyOf(names);
	}

}
