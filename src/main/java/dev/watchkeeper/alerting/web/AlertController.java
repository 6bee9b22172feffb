package dev.watchkeeper.alerting.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.watchkeeper.alerting.Alert;
import dev.watchkeeper.alerting.Alerts;
import dev.watchkeeper.alerting.Silences;
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

	private final Silences silences;

	AlertController(Alerts alerts, Silences silences) {
		this.alerts = alerts;
		this.silences = silences;
	}

	/**
	 * An alert with the silences muting it now.
	 *
	 * @param alert the alert
	 * @param silencedBy ids of the active silences that match it
	 */
	record AlertView(@JsonUnwrapped Alert alert, List<UUID> silencedBy) {
	}

	static List<AlertView> views(List<Alert> alerts, Silences silences) {
		var active = silences.active();
		return alerts.stream().map(a -> new AlertView(a, silences.silencing(a.labels(), active))).toList();
	}

	@GetMapping("/api/v1/alerts")
	@Operation(summary = "Alerts, firing first",
			description = "label=name=value (repeatable) keeps alerts with all those labels; state=firing|resolved.")
	List<AlertView> list(@Parameter(example = "service=checkout") @RequestParam(required = false) List<String> label,
			@RequestParam(required = false) String state, @RequestParam(defaultValue = "200") int limit) {
		return views(alerts.list(labels(label), state(state), limit), silences);
	}

	@GetMapping("/api/v1/alerts/{fingerprint}")
	@Operation(summary = "One alert by fingerprint")
	AlertView get(@PathVariable String fingerprint) {
		return views(
				List.of(alerts.find(fingerprint).orElseThrow(() -> DomainException.notFound("Alert", fingerprint))),
				silences)
			.get(0);
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
