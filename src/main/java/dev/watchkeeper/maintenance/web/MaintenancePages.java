package dev.watchkeeper.maintenance.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceFilter;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.maintenance.Maintenance;
import dev.watchkeeper.maintenance.MaintenancePolicy;
import dev.watchkeeper.maintenance.MaintenanceWindow;
import dev.watchkeeper.maintenance.MaintenanceWindows;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;
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
 * Maintenance in the UI: the list with pending approvals and open follow-ups, a month
 * calendar, the create/edit form that shows the policy and its refusals, the detail page
 * with approval, cancellation and follow-up, and the policy form.
 */
@Controller
class MaintenancePages {

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

	private final MaintenanceWindows windows;

	private final Services services;

	private final JsonMapper json;

	private final Clock clock;

	MaintenancePages(MaintenanceWindows windows, Services services, JsonMapper json, Clock clock) {
		this.windows = windows;
		this.services = services;
		this.json = json;
		this.clock = clock;
	}

	/** A window as lists show it. */
	record Row(UUID id, String title, String state, String when, String schedule, List<String> services,
			boolean emergency) {
	}

	/** One occurrence in the calendar or on the detail page. */
	record Slot(UUID windowId, String title, String when, String time, List<String> services, boolean active) {
	}

	/** An open follow-up as the list shows it. */
	record FollowUpRow(UUID windowId, String title, String due, boolean overdue) {
	}

	/** A day of the month grid. */
	record Day(LocalDate date, boolean inMonth, boolean today, List<Slot> slots) {
	}

	@GetMapping("/maintenance")
	@PreAuthorize("hasRole('VIEWER')")
	String list(@RequestParam(defaultValue = "open") String state, @RequestParam(required = false) String service,
			@RequestParam(defaultValue = "1") int page, Model model) {
		Instant now = clock.instant();
		Map<UUID, String> names = serviceNames();
		var result = windows.list(state, service, PageQuery.of(Math.max(1, page), 50));
		model.addAttribute("windows", result.items().stream().map(w -> row(w, now, names)).toList());
		model.addAttribute("page", result);
		model.addAttribute("pending",
				windows.list("pending", null, PageQuery.of(1, 50))
					.items()
					.stream()
					.map(w -> row(w, now, names))
					.toList());
		model.addAttribute("followUps",
				windows.followUps(true)
					.stream()
					.map(f -> new FollowUpRow(f.windowId(), f.title(),
							WHEN.format(f.dueAt().atZone(ZoneOffset.UTC)) + " UTC", f.overdueAt(now)))
					.toList());
		model.addAttribute("policy", policyView(windows.policy()));
		model.addAttribute("state", state);
		model.addAttribute("service", service);
		model.addAttribute("allServices", allServices());
		model.addAttribute("now", now);
		return "maintenance/list";
	}

	@GetMapping("/maintenance/calendar")
	@PreAuthorize("hasRole('VIEWER')")
	String calendar(@RequestParam(required = false) String month, Model model) {
		YearMonth shown;
		try {
			shown = month == null || month.isBlank() ? YearMonth.now(clock) : YearMonth.parse(month.trim());
		}
		catch (DateTimeParseException ex) {
			throw DomainException.invalid("month", "give a month as 2026-12");
		}
		Instant now = clock.instant();
		LocalDate first = shown.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate last = shown.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
		Map<UUID, String> names = serviceNames();
		Map<LocalDate, List<Slot>> byDay = new HashMap<>();
		for (var o : windows.calendar(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
				last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
			byDay.computeIfAbsent(o.startsAt().atZone(ZoneOffset.UTC).toLocalDate(), d -> new ArrayList<>())
				.add(slot(o, now, names));
		}
		List<List<Day>> weeks = new ArrayList<>();
		LocalDate today = LocalDate.now(clock);
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
				weeks.add(new ArrayList<>());
			}
			weeks.get(weeks.size() - 1)
				.add(new Day(day, YearMonth.from(day).equals(shown), day.equals(today),
						byDay.getOrDefault(day, List.of())));
		}
		model.addAttribute("weeks", weeks);
		model.addAttribute("month", shown);
		model.addAttribute("title", shown.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
				+ " " + shown.getYear());
		model.addAttribute("previous", shown.minusMonths(1));
		model.addAttribute("next", shown.plusMonths(1));
		return "maintenance/calendar";
	}

	@GetMapping("/maintenance/new")
	@PreAuthorize("hasRole('RESPONDER')")
	String createForm(Model model) {
		return form(model, MaintenanceForm.empty(windows.policy().defaultWindow(), json), null, Map.of());
	}

	@PostMapping("/maintenance")
	@PreAuthorize("hasRole('RESPONDER')")
	String create(@ModelAttribute MaintenanceForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			var window = windows.create(form.draft(json));
			redirect.addFlashAttribute("flash",
					window.emergency()
							? "Requested emergency maintenance " + window.title()
									+ ": a manager or admin must approve it."
							: "Scheduled maintenance " + window.title() + ".");
			return "redirect:/maintenance/" + window.id();
		}
		catch (DomainException ex) {
			return rejected(ex, form, null, model, response);
		}
	}

	@GetMapping("/maintenance/import")
	@PreAuthorize("hasRole('RESPONDER')")
	String importForm(Model model) {
		return importForm(model, "", List.of(), "", Map.of());
	}

	@PostMapping("/maintenance/import")
	@PreAuthorize("hasRole('RESPONDER')")
	String importCalendar(@RequestParam(defaultValue = "") String calendar,
			@RequestParam(required = false) List<String> services, @RequestParam(defaultValue = "") String rollbackPlan,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		List<String> chosen = services == null ? List.of() : services;
		try {
			var created = windows.importCalendar(calendar, chosen, rollbackPlan);
			redirect.addFlashAttribute("flash", "Imported " + created.size() + " maintenance window(s).");
			return "redirect:/maintenance";
		}
		catch (DomainException ex) {
			if (ex.kind() != DomainException.Kind.INVALID) {
				throw ex;
			}
			response.setStatus(422);
			Map<String, String> errors = new java.util.LinkedHashMap<>();
			ex.fieldErrors().forEach(e -> errors.put(e.field(), e.message()));
			return importForm(model, calendar, chosen, rollbackPlan, errors);
		}
	}

	private String importForm(Model model, String calendar, List<String> services, String rollbackPlan,
			Map<String, String> errors) {
		model.addAttribute("calendar", calendar);
		model.addAttribute("services", services);
		model.addAttribute("rollbackPlan", rollbackPlan);
		model.addAttribute("errors", errors);
		model.addAttribute("allServices", allServices());
		return "maintenance/import";
	}

	@GetMapping("/maintenance/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	String detail(@PathVariable UUID id, Model model) {
		Instant now = clock.instant();
		MaintenanceWindow window = windows.get(id);
		Map<UUID, String> names = serviceNames();
		model.addAttribute("window", window);
		model.addAttribute("row", row(window, now, names));
		model.addAttribute("occurrences",
				window.cancelled() ? List.of()
						: windows.occurrences(window, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(366)))
							.stream()
							.filter(o -> o.endsAt().isAfter(now))
							.limit(12)
							.map(o -> slot(o, now, names))
							.toList());
		var followUp = windows.followUp(id);
		model.addAttribute("followUp", followUp.orElse(null));
		model.addAttribute("followUpDue",
				followUp.map(f -> WHEN.format(f.dueAt().atZone(ZoneOffset.UTC)) + " UTC").orElse(""));
		model.addAttribute("schedule", schedule(window));
		model.addAttribute("editable",
				!window.cancelled() && window.approval() != dev.watchkeeper.maintenance.Approval.REJECTED
						&& (window.recurring() || window.endsAt().isAfter(now)));
		return "maintenance/detail";
	}

	@GetMapping("/maintenance/{id}/edit")
	@PreAuthorize("hasRole('RESPONDER')")
	String editForm(@PathVariable UUID id, Model model) {
		return form(model, MaintenanceForm.of(windows.get(id), json), id, Map.of());
	}

	@PostMapping("/maintenance/{id}")
	@PreAuthorize("hasRole('RESPONDER')")
	String update(@PathVariable UUID id, @ModelAttribute MaintenanceForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			var window = windows.update(id, form.draft(json));
			redirect.addFlashAttribute("flash", "Saved maintenance " + window.title() + ".");
			return "redirect:/maintenance/" + id;
		}
		catch (DomainException ex) {
			return rejected(ex, form, id, model, response);
		}
	}

	@PostMapping("/maintenance/{id}/cancel")
	@PreAuthorize("hasRole('RESPONDER')")
	String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
		var window = windows.cancel(id);
		redirect.addFlashAttribute("flash", "Cancelled maintenance " + window.title() + ".");
		return "redirect:/maintenance/" + id;
	}

	@PostMapping("/maintenance/{id}/approve")
	@PreAuthorize("hasRole('MANAGER')")
	String approve(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		var window = windows.approve(id, note);
		redirect.addFlashAttribute("flash",
				"Approved emergency maintenance " + window.title() + "; its post-mortem follow-up is open.");
		return "redirect:/maintenance/" + id;
	}

	@PostMapping("/maintenance/{id}/reject")
	@PreAuthorize("hasRole('MANAGER')")
	String reject(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		var window = windows.reject(id, note);
		redirect.addFlashAttribute("flash", "Rejected emergency maintenance " + window.title() + ".");
		return "redirect:/maintenance/" + id;
	}

	@PostMapping("/maintenance/{id}/follow-up")
	@PreAuthorize("hasRole('RESPONDER')")
	String completeFollowUp(@PathVariable UUID id, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		windows.completeFollowUp(id, note);
		redirect.addFlashAttribute("flash", "Marked the follow-up done.");
		return "redirect:/maintenance/" + id;
	}

	@GetMapping("/maintenance/policy")
	@PreAuthorize("hasRole('ADMIN')")
	String policyForm(Model model) {
		var policy = windows.policy();
		return policyForm(model,
				new PolicyForm(minutes(policy.maxDuration()), minutes(policy.minNotice()),
						minutes(policy.reminderBefore()), minutes(policy.followUpAfter()),
						json.writeValueAsString(policy.defaultWindow())),
				Map.of());
	}

	/** The policy form, durations in minutes. */
	record PolicyForm(String maxDurationMinutes, String minNoticeMinutes, String reminderBeforeMinutes,
			String followUpAfterMinutes, String defaultWindow) {
	}

	@PostMapping("/maintenance/policy")
	@PreAuthorize("hasRole('ADMIN')")
	String updatePolicy(@ModelAttribute PolicyForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, String> errors = new HashMap<>();
		Duration max = duration(form.maxDurationMinutes(), "maxDurationMinutes", errors);
		Duration notice = duration(form.minNoticeMinutes(), "minNoticeMinutes", errors);
		Duration reminder = duration(form.reminderBeforeMinutes(), "reminderBeforeMinutes", errors);
		Duration followUp = duration(form.followUpAfterMinutes(), "followUpAfterMinutes", errors);
		List<Map<String, Object>> window = null;
		try {
			window = json.readValue(form.defaultWindow() == null ? "" : form.defaultWindow(),
					new tools.jackson.core.type.TypeReference<List<Map<String, Object>>>() {
					});
		}
		catch (tools.jackson.core.JacksonException ex) {
			errors.put("defaultWindow", "write a JSON list of ranges in Alertmanager's time-interval syntax");
		}
		if (errors.isEmpty()) {
			try {
				windows.updatePolicy(new MaintenanceWindows.PolicyDraft(max, notice, reminder, followUp, window));
				redirect.addFlashAttribute("flash", "Saved the maintenance policy.");
				return "redirect:/maintenance";
			}
			catch (DomainException ex) {
				ex.fieldErrors()
					.forEach(e -> errors.merge(policyField(e.field()), e.message(), (a, b) -> a + "; " + b));
			}
		}
		response.setStatus(422);
		return policyForm(model, form, errors);
	}

	private String policyForm(Model model, PolicyForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "maintenance/policy";
	}

	private static String policyField(String field) {
		return switch (field) {
			case "maxDuration" -> "maxDurationMinutes";
			case "minNotice" -> "minNoticeMinutes";
			case "reminderBefore" -> "reminderBeforeMinutes";
			case "followUpAfter" -> "followUpAfterMinutes";
			default -> field.startsWith("defaultWindow") ? "defaultWindow" : field;
		};
	}

	private static Duration duration(String value, String field, Map<String, String> errors) {
		try {
			return Duration.ofMinutes(Long.parseLong(value == null ? "" : value.trim()));
		}
		catch (NumberFormatException ex) {
			errors.put(field, "give whole minutes, e.g. 240");
			return null;
		}
	}

	private static String minutes(Duration duration) {
		return String.valueOf(duration.toMinutes());
	}

	private String rejected(DomainException ex, MaintenanceForm form, UUID id, Model model,
			HttpServletResponse response) {
		if (ex.kind() == DomainException.Kind.NOT_FOUND || ex.kind() == DomainException.Kind.FORBIDDEN) {
			throw ex;
		}
		response.setStatus(ex.kind() == DomainException.Kind.CONFLICT ? 409 : 422);
		Map<String, String> errors = ex.fieldErrors().isEmpty() ? Map.of("title", ex.getMessage())
				: form.formErrors(ex.fieldErrors());
		return form(model, form, id, errors);
	}

	private String form(Model model, MaintenanceForm form, UUID id, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("id", id);
		model.addAttribute("errors", errors);
		model.addAttribute("allServices", allServices());
		model.addAttribute("policy", policyView(windows.policy()));
		return "maintenance/form";
	}

	/** The policy in sentences, as the form and list show it. */
	record PolicyView(String maxDuration, String minNotice, String reminderBefore, String followUpAfter,
			String earliestScheduledStart, String defaultWindow) {
	}

	private PolicyView policyView(MaintenancePolicy policy) {
		return new PolicyView(MaintenancePolicy.words(policy.maxDuration()),
				MaintenancePolicy.words(policy.minNotice()), MaintenancePolicy.words(policy.reminderBefore()),
				MaintenancePolicy.words(policy.followUpAfter()),
				WHEN.format(clock.instant().plus(policy.minNotice()).atZone(ZoneOffset.UTC)) + " UTC",
				json.writeValueAsString(policy.defaultWindow()));
	}

	private Row row(MaintenanceWindow w, Instant now, Map<UUID, String> names) {
		var next = windows.next(w, now);
		String when = next.map(o -> range(o.startsAt(), o.endsAt())).orElse("—");
		return new Row(w.id(), w.title(), windows.state(w, now), when, schedule(w), names(w.serviceIds(), names),
				w.emergency());
	}

	private Slot slot(Maintenance.MaintenanceOccurrence o, Instant now, Map<UUID, String> names) {
		return new Slot(o.windowId(), o.title(), range(o.startsAt(), o.endsAt()),
				o.startsAt().atZone(ZoneOffset.UTC).toLocalTime() + "–"
						+ o.endsAt().atZone(ZoneOffset.UTC).toLocalTime(),
				names(o.serviceIds(), names), o.activeAt(now));
	}

	private String schedule(MaintenanceWindow w) {
		return switch (w.kind()) {
			case MaintenanceWindow.ONE_OFF -> "once";
			case MaintenanceWindow.RRULE -> "RRULE " + w.rrule() + " from " + w.rruleStart() + " " + w.timeZone() + ", "
					+ MaintenancePolicy.words(w.duration()) + " each";
			default -> "time intervals " + json.writeValueAsString(w.timeIntervals());
		};
	}

	static String range(Instant start, Instant end) {
		var s = start.atZone(ZoneOffset.UTC);
		var e = end.atZone(ZoneOffset.UTC);
		String endText = s.toLocalDate().equals(e.toLocalDate()) ? e.toLocalTime().toString() : WHEN.format(e);
		return WHEN.format(s) + "–" + endText + " UTC";
	}

	private static List<String> names(List<UUID> ids, Map<UUID, String> names) {
		return ids.stream().map(id -> names.getOrDefault(id, "(deleted service)")).toList();
	}

	private List<Service> allServices() {
		return services.list(new ServiceFilter(null, null, null, null), PageQuery.of(1, PageQuery.MAX_SIZE)).items();
	}

	private Map<UUID, String> serviceNames() {
		Map<UUID, String> names = new HashMap<>();
		allServices().forEach(s -> names.put(s.id().value(), s.name()));
		return names;
	}

}
