package dev.watchkeeper.monitoring.metrics.scrape.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.monitoring.metrics.scrape.PromDurations;
import dev.watchkeeper.monitoring.metrics.scrape.ScrapeTarget;
import dev.watchkeeper.monitoring.metrics.scrape.ScrapeTargetDraft;
import dev.watchkeeper.monitoring.metrics.scrape.ScrapeTargets;
import dev.watchkeeper.platform.DomainException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scrape targets page: each target with its last scrape, and adding and removing
 * them.
 */
@Controller
class ScrapeTargetPages {

	private final ScrapeTargets targets;

	ScrapeTargetPages(ScrapeTargets targets) {
		this.targets = targets;
	}

	/** A target row. */
	record Row(UUID id, String url, String job, String instance, String service, String environment, String interval,
			String timeout, String labels, boolean enabled, ScrapeTargets.Status last) {
	}

	/** The add form; labels as {@code name=value} pairs, comma-separated. */
	record TargetForm(String url, String job, String service, String environment, String interval, String timeout,
			String labels) {

		static TargetForm empty() {
			return new TargetForm("", "", "", "", "15s", "", "");
		}

		ScrapeTargetDraft draft(Map<String, String> errors) {
			Map<String, String> parsed = new LinkedHashMap<>();
			if (labels != null && !labels.isBlank()) {
				for (String pair : labels.split(",")) {
					int eq = pair.indexOf('=');
					if (eq <= 0) {
						errors.put("labels", "write labels as name=value, separated by commas");
						break;
					}
					parsed.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
				}
			}
			return new ScrapeTargetDraft(url, job, service, environment, interval, timeout, parsed, true);
		}

	}

	@GetMapping("/monitoring/targets")
	@PreAuthorize("hasRole('VIEWER')")
	String list(Model model) {
		return page(model, TargetForm.empty(), Map.of());
	}

	@PostMapping("/monitoring/targets")
	@PreAuthorize("hasRole('MANAGER')")
	String create(@ModelAttribute TargetForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		ScrapeTargetDraft draft = form.draft(errors);
		if (errors.isEmpty()) {
			try {
				ScrapeTarget target = targets.create(draft);
				redirect.addFlashAttribute("flash", "Added scrape target " + target.url() + ".");
				return "redirect:/monitoring/targets";
			}
			catch (DomainException ex) {
				if (ex.kind() != DomainException.Kind.INVALID && ex.kind() != DomainException.Kind.CONFLICT) {
					throw ex;
				}
				ex.fieldErrors()
					.forEach((e) -> errors.put(e.field().startsWith("labels") ? "labels" : e.field(), e.message()));
				if (ex.fieldErrors().isEmpty()) {
					errors.put("url", ex.getMessage());
				}
				response.setStatus(ex.kind() == DomainException.Kind.CONFLICT ? 409 : 422);
			}
		}
		else {
			response.setStatus(422);
		}
		return page(model, form, errors);
	}

	@PostMapping("/monitoring/targets/{id}/enabled")
	@PreAuthorize("hasRole('MANAGER')")
	String toggle(@PathVariable UUID id, RedirectAttributes redirect) {
		ScrapeTarget t = targets.get(id);
		targets.replace(id, new ScrapeTargetDraft(t.url(), t.job(), t.service(), t.environment(),
				PromDurations.format(t.interval()), PromDurations.format(t.timeout()), t.labels(), !t.enabled()));
		redirect.addFlashAttribute("flash", (t.enabled() ? "Paused " : "Resumed ") + t.url() + ".");
		return "redirect:/monitoring/targets";
	}

	@PostMapping("/monitoring/targets/{id}/delete")
	@PreAuthorize("hasRole('MANAGER')")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		ScrapeTarget t = targets.get(id);
		targets.delete(id);
		redirect.addFlashAttribute("flash", "Removed scrape target " + t.url() + ".");
		return "redirect:/monitoring/targets";
	}

	private String page(Model model, TargetForm form, Map<String, String> errors) {
		List<Row> rows = new ArrayList<>();
		for (ScrapeTarget t : targets.list()) {
			StringBuilder labels = new StringBuilder();
			t.labels().forEach((k, v) -> labels.append(labels.isEmpty() ? "" : ", ").append(k).append('=').append(v));
			rows.add(new Row(t.id(), t.url(), t.job(), t.instance(), t.service(), t.environment(),
					PromDurations.format(t.interval()), PromDurations.format(t.timeout()), labels.toString(),
					t.enabled(), targets.status(t.id()).orElse(null)));
		}
		model.addAttribute("targets", rows);
		model.addAttribute("self", targets.selfStatus().orElse(null));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "monitoring/targets";
	}

}
