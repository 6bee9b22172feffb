package dev.watchkeeper.alerting.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.alerting.AlertingConfigs;
import dev.watchkeeper.alerting.Matcher;
import dev.watchkeeper.alerting.Routing;
import dev.watchkeeper.notification.Notifications;
import dev.watchkeeper.platform.DomainException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The routing tree, inhibition rules, time intervals, the route tester and the editor.
 */
@Controller
class RoutingPages {

	private final AlertingConfigs configs;

	private final Routing routing;

	private final Notifications notifications;

	RoutingPages(AlertingConfigs configs, Routing routing, Notifications notifications) {
		this.configs = configs;
		this.routing = routing;
		this.notifications = notifications;
	}

	@GetMapping("/alerting/routing")
	@PreAuthorize("hasRole('VIEWER')")
	String show(@RequestParam(required = false) String labels, Model model, HttpServletResponse response) {
		var current = configs.current();
		model.addAttribute("current", current);
		model.addAttribute("config", current.config());
		model.addAttribute("rootList", List.of(current.config().root()));
		model.addAttribute("versions", configs.versions(20));
		model.addAttribute("labels", labels == null ? "" : labels);
		if (labels != null && !labels.isBlank()) {
			try {
				model.addAttribute("test", routing.test(labelSet(labels)));
			}
			catch (DomainException ex) {
				response.setStatus(422);
				model.addAttribute("testError", PageMessages.of(ex));
			}
		}
		return "alerting/routing";
	}

	@GetMapping("/alerting/config/edit")
	@PreAuthorize("hasRole('MANAGER')")
	String edit(@RequestParam(defaultValue = "false") boolean example, Model model) {
		var current = configs.current();
		return editor(model, example ? configs.defaultSource() : current.source(), Map.of());
	}

	@PostMapping("/alerting/config")
	@PreAuthorize("hasRole('MANAGER')")
	String save(@RequestParam(defaultValue = "") String source, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			var saved = configs.save(source);
			redirect.addFlashAttribute("flash", "Saved routing configuration version " + saved.version() + ".");
			return "redirect:/alerting/routing";
		}
		catch (DomainException ex) {
			response.setStatus(422);
			Map<String, String> errors = new LinkedHashMap<>();
			ex.fieldErrors().forEach(e -> errors.put(e.field(), e.message()));
			if (errors.isEmpty()) {
				errors.put("config", ex.getMessage());
			}
			return editor(model, source, errors);
		}
	}

	private String editor(Model model, String source, Map<String, String> errors) {
		model.addAttribute("source", source);
		model.addAttribute("errors", errors);
		model.addAttribute("channels", notifications.channelNames());
		return "alerting/config-form";
	}

	/** {@code alertname="HighErrorRate", severity=high} → a label set. */
	static Map<String, String> labelSet(String text) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (Matcher matcher : Matcher.parse(text)) {
			if (!"=".equals(matcher.op())) {
				throw DomainException.invalid("labels", "write labels as name=\"value\", not " + matcher);
			}
			labels.put(matcher.name(), matcher.value());
		}
		return labels;
	}

	/** Error text for a page. */
	static final class PageMessages {

		private PageMessages() {
		}

		static String of(DomainException ex) {
			return ex.fieldErrors().isEmpty() ? ex.getMessage()
					: String.join("; ", ex.fieldErrors().stream().map(e -> e.field() + ": " + e.message()).toList());
		}

	}

}
