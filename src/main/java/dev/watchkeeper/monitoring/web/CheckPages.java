package dev.watchkeeper.monitoring.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceFilter;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.monitoring.Certificate;
import dev.watchkeeper.monitoring.Check;
import dev.watchkeeper.monitoring.CheckHistory;
import dev.watchkeeper.monitoring.Checks;
import dev.watchkeeper.monitoring.Heartbeats;
import dev.watchkeeper.monitoring.Result;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Checks in the UI: list, heartbeats, certificates, a check's page, create, edit, delete.
 */
@Controller
class CheckPages {

	private final Checks checks;

	private final CheckHistory history;

	private final Heartbeats heartbeats;

	private final Services services;

	private final JsonMapper json;

	private final Clock clock;

	CheckPages(Checks checks, CheckHistory history, Heartbeats heartbeats, Services services, JsonMapper json,
			Clock clock) {
		this.checks = checks;
		this.history = history;
		this.heartbeats = heartbeats;
		this.services = services;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/checks")
	@PreAuthorize("hasRole('VIEWER')")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "1") int page, Model model, HttpServletRequest request) {
		String statusFilter = blank(status) ? null : status;
		String kindFilter = blank(kind) ? null : kind;
		var result = checks.list(null, kindFilter, statusFilter, PageQuery.of(Math.max(1, page), 50));
		model.addAttribute("checks", rows(result.items()));
		model.addAttribute("page", result);
		model.addAttribute("status", statusFilter);
		model.addAttribute("kind", kindFilter);
		return request.getHeader("HX-Request") != null ? "monitoring/list :: panel" : "monitoring/list";
	}

	@GetMapping("/checks/heartbeats")
	@PreAuthorize("hasRole('VIEWER')")
	String heartbeats(@RequestParam(defaultValue = "1") int page, Model model, HttpServletRequest request) {
		var result = checks.list(null, "heartbeat", null, PageQuery.of(Math.max(1, page), 50));
		model.addAttribute("checks", rows(result.items()));
		model.addAttribute("page", result);
		return request.getHeader("HX-Request") != null ? "monitoring/heartbeats :: panel" : "monitoring/heartbeats";
	}

	/** A certificate with its check and days left. */
	record CertificateRow(UUID checkId, String check, String subject, String issuer, String notAfter, long daysLeft,
			int position) {
	}

	@GetMapping("/checks/certificates")
	@PreAuthorize("hasRole('VIEWER')")
	String certificates(Model model) {
		Instant now = clock.instant();
		List<CertificateRow> rows = new ArrayList<>();
		for (Certificate c : history.certificates()) {
			String name = checks.find(c.checkId()).map(Check::name).orElse("—");
			rows.add(new CertificateRow(c.checkId(), name, c.subject(), c.issuer(), CheckRow.time(c.notAfter()),
					Math.floorDiv(Duration.between(now, c.notAfter()).toSeconds(), 86_400), c.position()));
		}
		model.addAttribute("certificates", rows);
		return "monitoring/certificates";
	}

	@GetMapping("/checks/new")
	@PreAuthorize("hasRole('MANAGER')")
	String createForm(Model model) {
		return form(model, CheckForm.empty(), null, Map.of());
	}

	@PostMapping("/checks")
	@PreAuthorize("hasRole('MANAGER')")
	String create(@ModelAttribute CheckForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			Check check = checks.create(form.draft());
			redirect.addFlashAttribute("flash", "Created check " + check.name() + "."
					+ (check.pingKey() == null ? "" : " Ping it at /ping/" + check.pingKey()));
			return "redirect:/checks/" + check.id();
		}
		catch (DomainException ex) {
			return rejected(ex, form, null, model, response);
		}
	}

	@GetMapping("/checks/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	String detail(@PathVariable UUID id, Model model, HttpServletRequest request) {
		Check check = checks.get(id);
		String service = checks.serviceSlug(check);
		List<Result> results = history.results(id, 200);
		model.addAttribute("check", CheckRow.of(check, service, history.uptime(id), List.of()));
		model.addAttribute("definition", check);
		model.addAttribute("results", results.subList(0, Math.min(results.size(), 50)));
		model.addAttribute("chart", chart(results));
		model.addAttribute("hourly", history.rollups(id, "h", clock.instant().minus(Duration.ofDays(7)), null));
		model.addAttribute("pings", check.pingKey() == null ? List.of() : heartbeats.pings(id, 50));
		model.addAttribute("certificates", history.certificates(id));
		return request.getHeader("HX-Request") != null ? "monitoring/detail :: panel" : "monitoring/detail";
	}

	@GetMapping("/checks/{id}/edit")
	@PreAuthorize("hasRole('MANAGER')")
	String editForm(@PathVariable UUID id, Model model) {
		Check check = checks.get(id);
		return form(model, CheckForm.of(check, checks.serviceSlug(check)), id, Map.of());
	}

	@PostMapping("/checks/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	String update(@PathVariable UUID id, @ModelAttribute CheckForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			Check check = checks.update(id, form.draft());
			redirect.addFlashAttribute("flash", "Saved check " + check.name() + ".");
			return "redirect:/checks/" + id;
		}
		catch (DomainException ex) {
			return rejected(ex, form, id, model, response);
		}
	}

	@PostMapping("/checks/{id}/delete")
	@PreAuthorize("hasRole('MANAGER')")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		Check check = checks.get(id);
		checks.delete(id);
		redirect.addFlashAttribute("flash", "Deleted check " + check.name() + ".");
		return "redirect:/checks";
	}

	private List<CheckRow> rows(List<Check> items) {
		var ids = items.stream().map(Check::id).toList();
		var uptime = history.uptime(ids);
		var latencies = history.latencies(ids, 30);
		return items.stream()
			.map(c -> CheckRow.of(c, checks.serviceSlug(c), uptime.get(c.id()), latencies.get(c.id())))
			.toList();
	}

	/** Latency of the latest runs, oldest first, as Chart.js data. */
	private String chart(List<Result> results) {
		List<String> labels = new ArrayList<>();
		List<Double> latency = new ArrayList<>();
		for (int i = results.size() - 1; i >= 0; i--) {
			Result r = results.get(i);
			labels.add(r.at().toString().substring(11, 19));
			latency.add(r.ok() ? r.latencyMs() : null);
		}
		return json.writeValueAsString(Map.of("labels", labels, "unit", "ms", "datasets",
				List.of(Map.of("label", "latency (ms)", "data", latency, "spanGaps", false))));
	}

	private String rejected(DomainException ex, CheckForm form, UUID id, Model model, HttpServletResponse response) {
		if (ex.kind() == DomainException.Kind.NOT_FOUND) {
			throw ex;
		}
		response.setStatus(ex.kind() == DomainException.Kind.CONFLICT ? 409 : 422);
		Map<String, String> errors = ex.fieldErrors().isEmpty() ? Map.of("name", ex.getMessage())
				: CheckForm.formErrors(ex.fieldErrors());
		return form(model, form, id, errors);
	}

	private String form(Model model, CheckForm form, UUID id, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("id", id);
		model.addAttribute("errors", errors);
		model.addAttribute("services",
				services.list(new ServiceFilter(null, null, null, null), PageQuery.of(1, 500))
					.items()
					.stream()
					.map(Service::slug)
					.toList());
		model.addAttribute("kinds", List.of("http", "tcp", "tls", "heartbeat"));
		model.addAttribute("severities", List.of("critical", "high", "medium", "low"));
		return "monitoring/form";
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
