package dev.watchkeeper.alerting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.watchkeeper.platform.DomainException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers "what would happen to an alert with these labels?": the routes it takes, and
 * whether it is silenced, inhibited or muted right now. The alert pages use the same
 * answers to show each alert's state.
 */
@Service
public class Routing {

	private final AlertingConfigs configs;

	private final AlertStore alerts;

	private final Silences silences;

	private final Clock clock;

	private final ObjectProvider<AlertSuppressions> suppressions;

	Routing(AlertingConfigs configs, AlertStore alerts, Silences silences, Clock clock,
			ObjectProvider<AlertSuppressions> suppressions) {
		this.suppressions = suppressions;
		this.configs = configs;
		this.alerts = alerts;
		this.silences = silences;
		this.clock = clock;
	}

	/**
	 * One route an alert takes.
	 *
	 * @param path where the route is written, e.g. {@code route.routes[0]}
	 * @param matchers the route's own matchers
	 * @param receiver the receiver
	 * @param channels the receiver's notification channels
	 * @param groupBy the grouping labels
	 * @param groupWait wait before a new group's first notice
	 * @param groupInterval wait between notices about changes
	 * @param repeatInterval wait before repeating an unchanged notice
	 * @param groupKey the key of the group the alert joins
	 * @param groupLabels the group's labels
	 * @param mutedBy the time interval muting the route now; null when not muted
	 * @param sendResolvedWhenSilenced whether a resolve while silenced is notified
	 */
	public record RouteMatch(String path, List<String> matchers, String receiver, List<String> channels,
			List<String> groupBy, String groupWait, String groupInterval, String repeatInterval, String groupKey,
			Map<String, String> groupLabels, String mutedBy, boolean sendResolvedWhenSilenced) {
	}

	/**
	 * An alert that inhibits another.
	 *
	 * @param alertname its name
	 * @param fingerprint its fingerprint
	 */
	public record Inhibitor(String alertname, String fingerprint) {
	}

	/**
	 * The answer of the route tester.
	 *
	 * @param labels the labels tested
	 * @param routes every route the alert takes, in order
	 * @param silencedBy active silences that mute it now
	 * @param inhibitedBy the firing alert inhibiting it now, if any
	 * @param configVersion the configuration version used (0: the shipped default)
	 */
	public record RouteTest(Map<String, String> labels, List<RouteMatch> routes, List<UUID> silencedBy,
			Inhibitor inhibitedBy, int configVersion) {
	}

	/**
	 * Whether an alert is kept from notices now.
	 *
	 * @param silencedBy active silences matching it
	 * @param inhibitedBy the firing alert inhibiting it, if any
	 * @param mutedBy time intervals muting every route it takes; empty when any route is
	 * live
	 * @param suppressedBy what suppresses it now (planned maintenance), or null
	 */
	public record AlertState(List<UUID> silencedBy, Inhibitor inhibitedBy, List<String> mutedBy, String suppressedBy) {
	}

	@Transactional(readOnly = true)
	public RouteTest test(Map<String, String> labels) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (labels == null || labels.isEmpty()) {
			errors.put("labels",
					"give the alert's labels, e.g. {\"alertname\":\"HighErrorRate\",\"severity\":\"high\"}");
		}
		else {
			labels.forEach((name, value) -> {
				if (name == null || !AlertValidation.isLabelName(name)) {
					errors.put("labels." + name, "is not a label name");
				}
				else if (value == null) {
					errors.put("labels." + name, "needs a value");
				}
			});
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		var current = configs.current();
		AlertingConfig config = current.config();
		Instant now = clock.instant();
		Map<String, String> sorted = new TreeMap<>(labels);
		List<RouteMatch> routes = new ArrayList<>();
		for (Route route : config.root().match(sorted)) {
			routes.add(new RouteMatch(route.path(), route.matchers().stream().map(Matcher::toString).toList(),
					route.receiver(), config.receiver(route.receiver()).channels(), route.groupBy(),
					ConfigDocument.format(route.groupWait()), ConfigDocument.format(route.groupInterval()),
					ConfigDocument.format(route.repeatInterval()), route.groupKey(sorted), route.groupLabels(sorted),
					route.mutedAt(now, config.intervals()).orElse(null), route.sendResolvedWhenSilenced()));
		}
		var state = state(sorted, config, silences.active(), planned(), now, new java.util.HashMap<>());
		return new RouteTest(sorted, routes, state.silencedBy(), state.inhibitedBy(), current.version());
	}

	/** Each alert's state now, in the order given. */
	@Transactional(readOnly = true)
	public List<AlertState> states(List<Alert> list) {
		AlertingConfig config = configs.current().config();
		var active = silences.active();
		Instant now = clock.instant();
		Map<InhibitRule, List<Alert>> sources = new java.util.HashMap<>();
		AlertSuppressions planned = planned();
		return list.stream().map(a -> state(a.labels(), config, active, planned, now, sources)).toList();
	}

	private AlertSuppressions planned() {
		return AlertSuppressions.of(suppressions.orderedStream().toList());
	}

	private AlertState state(Map<String, String> labels, AlertingConfig config, List<Silence> active,
			AlertSuppressions planned, Instant now, Map<InhibitRule, List<Alert>> sources) {
		List<UUID> silencedBy = silences.silencing(labels, active);
		Inhibitor inhibitor = null;
		for (InhibitRule rule : config.inhibitRules()) {
			if (rule.isTarget(labels)) {
				var source = rule.inhibitor(labels,
						sources.computeIfAbsent(rule, r -> alerts.firingWith(r.sourceEqualities(), now)));
				if (source.isPresent()) {
					inhibitor = new Inhibitor(source.get().name(), source.get().fingerprint());
					break;
				}
			}
		}
		List<String> mutedBy = new ArrayList<>();
		for (Route route : config.root().match(labels)) {
			var muted = route.mutedAt(now, config.intervals());
			if (muted.isEmpty()) {
				mutedBy.clear();
				break;
			}
			mutedBy.add(muted.get());
		}
		return new AlertState(silencedBy, inhibitor, List.copyOf(mutedBy),
				planned.suppressedBy(labels, now).orElse(null));
	}

}
