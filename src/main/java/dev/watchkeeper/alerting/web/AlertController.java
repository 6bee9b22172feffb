package dev.watchkeeper.alerting.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.watchkeeper.alerting.Alert;
import dev.watchkeeper.alerting.AlertEvent;
import dev.watchkeeper.alerting.Alerts;
import dev.watchkeeper.alerting.Routing;
import dev.watchkeeper.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading alerts. */
@RestController
@Tag(name = "Alerts")
@PreAuthorize("hasRole('VIEWER')")
class AlertController {

	private final Alerts alerts;

	private final Routing routing;

	AlertController(Alerts alerts, Routing routing) {
		this.alerts = alerts;
		this.routing = routing;
	}

	/**
	 * An alert with what keeps it from notices now.
	 *
	 * @param alert the alert
	 * @param silencedBy ids of the active silences that match it
	 * @param inhibitedBy the firing alert inhibiting it, if any
	 * @param mutedBy the time intervals muting every route it takes; empty when a route
	 * is live
	 * @param suppressedBy the maintenance window suppressing it now, or null
	 */
	record AlertView(@JsonUnwrapped Alert alert, List<UUID> silencedBy, Routing.Inhibitor inhibitedBy,
			List<String> mutedBy, String suppressedBy) {

		/** Kept from notices by planned maintenance. */
		public boolean suppressed() {
			return suppressedBy != null;
		}

		public boolean silenced() {
			return !silencedBy.isEmpty();
		}

		public boolean muted() {
			return !mutedBy.isEmpty();
		}

		/** The labels as the route tester reads them: {@code name="value", …}. */
		public String labelText() {
			return String.join(", ",
					alert.labels()
						.entrySet()
						.stream()
						.map(e -> new dev.watchkeeper.alerting.Matcher(e.getKey(), "=", e.getValue()).toString())
						.toList());
		}

	}

	static List<AlertView> views(List<Alert> alerts, Routing routing) {
		var states = routing.states(alerts);
		List<AlertView> views = new java.util.ArrayList<>();
		for (int i = 0; i < alerts.size(); i++) {
			var state = states.get(i);
			views.add(new AlertView(alerts.get(i), state.silencedBy(), state.inhibitedBy(), state.mutedBy(),
					state.suppressedBy()));
		}
		return views;
	}

	@GetMapping("/api/v1/alerts")
	@Operation(summary = "Alerts, firing first",
			description = "label=name=value (repeatable) keeps alerts with all those labels; state=firing|resolved.")
	List<AlertView> list(@Parameter(example = "service=checkout") @RequestParam(required = false) List<String> label,
			@RequestParam(required = false) String state, @RequestParam(defaultValue = "200") int limit) {
		return views(alerts.list(labels(label), state(state), limit), routing);
	}

	@GetMapping("/api/v1/alerts/{fingerprint}")
	@Operation(summary = "One alert by fingerprint")
	AlertView get(@PathVariable String fingerprint) {
		return views(
				List.of(alerts.find(fingerprint).orElseThrow(() -> DomainException.notFound("Alert", fingerprint))),
				routing)
			.get(0);
	}

	@GetMapping("/api/v1/alerts/{fingerprint}/history")
	@Operation(summary = "An alert's history, newest first",
			description = "Fired, resolved, left out of notices (silenced, inhibited) and notified, with the receiver, "
					+ "channels and each delivery's idempotency key.")
	List<AlertEvent> history(@PathVariable String fingerprint) {
		alerts.find(fingerprint).orElseThrow(() -> DomainException.notFound("Alert", fingerprint));
		return alerts.history(fingerprint);
	}

	static Map<String, String> labels(List<String> matchers) {
		Map<String, String> labels = new LinkedHashMap<>();
		if (matchers != null) {
			for (String matcher : matchers) {
				int eq = matcher.indexOf('=');
				if (eq <= 0) {
					throw DomainException.invalid("label", "use name=value, e.g. service=checkout");
				}
				labels.put(matcher.substring(0, eq).trim(), matcher.substring(eq + 1).trim());
			}
		}
		return labels;
	}

	static Boolean state(String state) {
		if (state == null || state.isBlank() || "all".equals(state)) {
			return null;
		}
		return switch (state) {
			case "firing" -> true;
			case "resolved" -> false;
			default -> throw DomainException.invalid("state", "use firing, resolved or all");
		};
	}

}
