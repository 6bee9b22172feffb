package dev.watchkeeper.monitoring.metrics.rules.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.watchkeeper.monitoring.metrics.rules.AlertRules;
import dev.watchkeeper.monitoring.metrics.scrape.PromDurations;
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
 * The rules page: every rule with its state and last evaluation, and the rule file
 * editor.
 */
@Controller
class RulePages {

	private final AlertRules rules;

	RulePages(AlertRules rules) {
		this.rules = rules;
	}

	/** A group as the page shows it. */
	record GroupRow(String name, String interval, String source, Instant lastEvaluation, List<RuleRow> rules) {
	}

	/** A rule as the page shows it. */
	record RuleRow(String name, String type, String forDuration, String runbookUrl, String state, String health,
			String lastError, Instant lastEvaluation, String evaluationMillis, String expr,
			List<AlertRules.ActiveAlert> alerts) {
	}

	@GetMapping("/monitoring/rules")
	@PreAuthorize("hasRole('VIEWER')")
	String list(Model model) {
		List<GroupRow> groups = new ArrayList<>();
		for (AlertRules.GroupStatus g : rules.status()) {
			List<RuleRow> rows = new ArrayList<>();
			for (AlertRules.RuleStatus r : g.rules()) {
				rows.add(new RuleRow(r.name(), r.type(),
						r.forDuration().isZero() ? null : PromDurations.format(r.forDuration()),
						r.annotations().get("runbook_url"), r.state(), r.health(), r.lastError(), r.lastEvaluation(),
						String.format(Locale.ROOT, "%.2f", r.evaluationSeconds() * 1000), r.expr(), r.alerts()));
			}
			groups
				.add(new GroupRow(g.name(), PromDurations.format(g.interval()), g.source(), g.lastEvaluation(), rows));
		}
		model.addAttribute("groups", groups);
		model.addAttribute("document", rules.document());
		return "monitoring/rules";
	}

	@GetMapping("/monitoring/rules/edit")
	@PreAuthorize("hasRole('MANAGER')")
	String edit(Model model) {
		model.addAttribute("content", rules.document().content());
		model.addAttribute("errors", Map.of());
		return "monitoring/rules-edit";
	}

	@PostMapping("/monitoring/rules")
	@PreAuthorize("hasRole('MANAGER')")
	String save(@RequestParam(defaultValue = "") String content, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			var file = rules.replace(content);
			redirect.addFlashAttribute("flash", "Saved the rule file: " + file.groups().size() + " groups.");
			return "redirect:/monitoring/rules";
		}
		catch (DomainException ex) {
			if (ex.kind() != DomainException.Kind.INVALID) {
				throw ex;
			}
			response.setStatus(422);
			Map<String, String> errors = new LinkedHashMap<>();
			ex.fieldErrors().forEach((e) -> errors.put(e.field(), e.message()));
			if (errors.isEmpty()) {
				errors.put("file", ex.getMessage());
			}
			model.addAttribute("content", content);
			model.addAttribute("errors", errors);
			return "monitoring/rules-edit";
		}
	}

	@PostMapping("/monitoring/rules/reset")
	@PreAuthorize("hasRole('MANAGER')")
	String reset(RedirectAttributes redirect) {
		rules.reset();
		redirect.addFlashAttribute("flash", "Restored the shipped rules.");
		return "redirect:/monitoring/rules";
	}

}
