package dev.watchkeeper.alerting.web;

import java.time.Clock;
import java.util.List;

import dev.watchkeeper.alerting.Alerts;
import dev.watchkeeper.alerting.Routing;
import dev.watchkeeper.platform.DomainException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Firing and resolved alerts in the UI. */
@Controller
@PreAuthorize("hasRole('VIEWER')")
class AlertPages {

	private final Alerts alerts;

	private final Routing routing;

	private final Clock clock;

	AlertPages(Alerts alerts, Routing routing, Clock clock) {
		this.alerts = alerts;
		this.routing = routing;
		this.clock = clock;
	}

	@GetMapping("/alerts")
	String list(@RequestParam(required = false) List<String> label, @RequestParam(defaultValue = "firing") String state,
			@RequestParam(required = false) String group, Model model) {
		try {
			if (group != null && !group.isBlank()) {
				Boolean firing = AlertController.state(state);
				model.addAttribute("group", group);
				model.addAttribute("alerts",
						AlertController.views(alerts.inGroup(group)
							.stream()
							.filter(a -> firing == null || a.firingAt(clock.instant()) == firing)
							.toList(), routing));
			}
			else {
				model.addAttribute("alerts", AlertController
					.views(alerts.list(AlertController.labels(label), AlertController.state(state), 500), routing));
			}
		}
		catch (DomainException ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("alerts", List.of());
		}
		model.addAttribute("labels", label == null ? "" : String.join(", ", label));
		model.addAttribute("state", state);
		model.addAttribute("now", clock.instant());
		return "alerting/list";
	}

	@GetMapping("/alerts/{fingerprint}")
	String detail(@PathVariable String fingerprint, Model model) {
		var alert = alerts.find(fingerprint).orElseThrow(() -> DomainException.notFound("Alert", fingerprint));
		model.addAttribute("alert", alert);
		model.addAttribute("view", AlertController.views(List.of(alert), routing).get(0));
		model.addAttribute("history", alerts.history(fingerprint));
		model.addAttribute("now", clock.instant());
		return "alerting/detail";
	}

}
