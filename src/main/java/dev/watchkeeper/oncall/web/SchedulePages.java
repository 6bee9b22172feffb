package dev.watchkeeper.oncall.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.watchkeeper.identity.SignedIn;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.oncall.Feeds;
import dev.watchkeeper.oncall.OnCall;
import dev.watchkeeper.oncall.OncallSettings;
import dev.watchkeeper.oncall.OverrideDraft;
import dev.watchkeeper.oncall.Schedule;
import dev.watchkeeper.oncall.ScheduleCalendar;
import dev.watchkeeper.oncall.Schedules;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Schedules in the UI: list, calendar, editor, overrides, feed link. */
@Controller
class SchedulePages {

	private final Schedules schedules;

	private final OnCall onCall;

	private final Feeds feeds;

	private final Users users;

	private final Teams teams;

	private final People people;

	private final OncallSettings settings;

	private final Clock clock;

	SchedulePages(Schedules schedules, OnCall onCall, Feeds feeds, Users users, Teams teams, People people,
			OncallSettings settings, Clock clock) {
		this.schedules = schedules;
		this.onCall = onCall;
		this.feeds = feeds;
		this.users = users;
		this.teams = teams;
		this.people = people;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * A schedule in the list.
	 *
	 * @param id id
	 * @param name name
	 * @param team team name
	 * @param timeZone zone
	 * @param layers layer names
	 * @param onCallNow who is on call now, layer by layer
	 */
	record Row(String id, String name, String team, String timeZone, List<String> layers, List<String> onCallNow) {
	}

	@GetMapping("/schedules")
	@PreAuthorize("hasRole('VIEWER')")
	String list(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal SignedIn me, Model model) {
		var result = schedules.list(null, PageQuery.of(Math.max(1, page), 50));
		Instant now = clock.instant();
		List<OnCall.ScheduleOnCall> current = result.items()
			.stream()
			.map(s -> onCall.layers(s.id(), now).orElse(new OnCall.ScheduleOnCall(s, List.of())))
			.toList();
		var names = people.of(current.stream()
			.flatMap(c -> c.layers().stream())
			.map(OnCall.LayerOnCall::userId)
			.filter(Objects::nonNull)
			.toList(), result.items().stream().map(Schedule::teamId).filter(Objects::nonNull).toList());
		List<Row> rows = current.stream()
			.map(c -> new Row(c.schedule().id().toString(), c.schedule().name(),
					c.schedule().teamId() == null ? "—" : names.team(c.schedule().teamId()).name(),
					c.schedule().timeZone(), c.schedule().layers().stream().map(l -> l.name()).toList(),
					c.layers().stream().map(l -> l.name() + ": " + names.name(l.userId())).toList()))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("page", result);
		model.addAttribute("viewer", Viewer.of(me));
		return "oncall/schedules";
	}

	@GetMapping("/schedules/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	String calendar(@PathVariable UUID id, @RequestParam(required = false) String from,
			@RequestParam(required = false) Integer weeks, @AuthenticationPrincipal SignedIn me, Model model) {
		Schedule schedule = schedules.get(id);
		ZoneId zone = schedule.zone();
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		LocalDate first = parseDate(from).orElse(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
		int count = weeks == null ? settings.calendarWeeks() : Math.max(1, Math.min(OncallSettings.MAX_WEEKS, weeks));
		Instant start = first.atStartOfDay(zone).toInstant();
		Instant end = first.plusWeeks(count).atStartOfDay(zone).toInstant();
		ScheduleCalendar calendar = schedules.calendar(id, start, end);
		Instant now = clock.instant();
		OnCall.ScheduleOnCall current = onCall.layers(id, now).orElseThrow();
		List<UserId> ids = new ArrayList<>(CalendarView.people(calendar));
		current.layers().stream().map(OnCall.LayerOnCall::userId).filter(Objects::nonNull).forEach(ids::add);
		var names = people.of(ids, schedule.teamId() == null ? List.of() : List.of(schedule.teamId()));
		model.addAttribute("schedule", ScheduleView.of(schedule, names));
		model.addAttribute("grid", CalendarGrid.of(calendar, names, first, count * 7, today));
		model.addAttribute("now",
				current.layers()
					.stream()
					.map(l -> new OnCallView.LayerNow(l.layer(), l.name(), names.person(l.userId()),
							l.overrideId() == null ? null : l.overrideId().toString()))
					.toList());
		model.addAttribute("overrides", calendar.overrides().stream().map(o -> overrideRow(o, names, zone)).toList());
		model.addAttribute("from", first.toString());
		model.addAttribute("weeks", count);
		model.addAttribute("previous", first.minusWeeks(count).toString());
		model.addAttribute("next", first.plusWeeks(count).toString());
		model.addAttribute("viewer", Viewer.of(me));
		model.addAttribute("feed", feeds.ofSchedule(id).map(FeedView::of).orElse(null));
		model.addAttribute("users", allUsers());
		if (!model.containsAttribute("overrideForm")) {
			model.addAttribute("overrideForm", new OverrideDraft("1", "", "", "", "", ""));
		}
		if (!model.containsAttribute("overrideErrors")) {
			model.addAttribute("overrideErrors", Map.of());
		}
		return "oncall/schedule";
	}

	/**
	 * An override as listed.
	 *
	 * @param id id
	 * @param layer layer name
	 * @param who who covers
	 * @param covers whom, or "whoever is on call"
	 * @param when local period
	 * @param note why
	 */
	record OverrideRow(String id, String layer, String who, String covers, String when, String note) {
	}

	private static OverrideRow overrideRow(dev.watchkeeper.oncall.ScheduleOverride o, People.Directory names,
			ZoneId zone) {
		return new OverrideRow(o.id().toString(), "layer " + o.layer(), names.name(o.userId()),
				o.coveredUserId() == null ? "whoever is on call" : names.name(o.coveredUserId()),
				CalendarGrid.WHEN.format(o.start().atZone(zone)) + " – "
						+ CalendarGrid.WHEN.format(o.end().atZone(zone)),
				o.note() == null ? "" : o.note());
	}

	@PostMapping("/schedules/{id}/overrides")
	@PreAuthorize("hasRole('RESPONDER')")
	String createOverride(@PathVariable UUID id, @ModelAttribute OverrideDraft form, RedirectAttributes redirect) {
		try {
			schedules.createOverride(id, form);
			redirect.addFlashAttribute("flash", "Created the override.");
		}
		catch (DomainException ex) {
			if (ex.kind() == DomainException.Kind.NOT_FOUND) {
				throw ex;
			}
			Map<String, String> errors = new HashMap<>();
			ex.fieldErrors().forEach(e -> errors.putIfAbsent(e.field(), e.message()));
			redirect.addFlashAttribute("error", "The override was not saved: please correct the fields marked below.");
			redirect.addFlashAttribute("overrideForm", form);
			redirect.addFlashAttribute("overrideErrors", errors);
		}
		return "redirect:/schedules/" + id + "#overrides";
	}

	@PostMapping("/schedules/{id}/overrides/{overrideId}/delete")
	@PreAuthorize("hasRole('RESPONDER')")
	String deleteOverride(@PathVariable UUID id, @PathVariable UUID overrideId, RedirectAttributes redirect) {
		schedules.deleteOverride(id, overrideId);
		redirect.addFlashAttribute("flash", "Deleted the override.");
		return "redirect:/schedules/" + id + "#overrides";
	}

	@PostMapping("/schedules/{id}/feed")
	@PreAuthorize("hasRole('MANAGER')")
	String rotateFeed(@PathVariable UUID id, RedirectAttributes redirect) {
		feeds.rotateSchedule(id);
		redirect.addFlashAttribute("flash", "Made a new calendar link; the previous one no longer works.");
		return "redirect:/schedules/" + id + "#feed";
	}

	@GetMapping("/schedules/new")
	@PreAuthorize("hasRole('MANAGER')")
	String createForm(Model model) {
		return form(model, ScheduleForm.empty(LocalDate.now(clock).toString()), null, Map.of());
	}

	@PostMapping("/schedules")
	@PreAuthorize("hasRole('MANAGER')")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ScheduleForm form = ScheduleForm.read(params);
		try {
			Schedule schedule = schedules.create(form.draft(users::findByEmail));
			redirect.addFlashAttribute("flash", "Created schedule " + schedule.name() + ".");
			return "redirect:/schedules/" + schedule.id();
		}
		catch (DomainException ex) {
			return rejected(ex, form, null, model, response);
		}
	}

	@GetMapping("/schedules/{id}/edit")
	@PreAuthorize("hasRole('MANAGER')")
	String editForm(@PathVariable UUID id, Model model) {
		Schedule schedule = schedules.get(id);
		Map<UserId, User> byId = new HashMap<>();
		users.findAll(ScheduleView.people(schedule).stream().distinct().toList()).forEach(u -> byId.put(u.id(), u));
		return form(model, ScheduleForm.of(schedule, byId, LocalDate.now(clock).toString()), id, Map.of());
	}

	@PostMapping("/schedules/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	String update(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ScheduleForm form = ScheduleForm.read(params);
		try {
			Schedule schedule = schedules.update(id, form.draft(users::findByEmail));
			redirect.addFlashAttribute("flash", "Saved schedule " + schedule.name() + ".");
			return "redirect:/schedules/" + id;
		}
		catch (DomainException ex) {
			return rejected(ex, form, id, model, response);
		}
	}

	@PostMapping("/schedules/{id}/delete")
	@PreAuthorize("hasRole('MANAGER')")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			schedules.delete(id);
			redirect.addFlashAttribute("flash", "Deleted the schedule.");
			return "redirect:/schedules";
		}
		catch (DomainException ex) {
			if (ex.kind() == DomainException.Kind.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/schedules/" + id;
		}
	}

	private String rejected(DomainException ex, ScheduleForm form, UUID id, Model model, HttpServletResponse response) {
		if (ex.kind() == DomainException.Kind.NOT_FOUND) {
			throw ex;
		}
		response.setStatus(ex.kind() == DomainException.Kind.CONFLICT ? 409 : 422);
		Map<String, String> errors = ex.fieldErrors().isEmpty() ? Map.of("name", ex.getMessage())
				: form.formErrors(ex.fieldErrors());
		List<ScheduleForm.LayerForm> layers = new ArrayList<>(form.layers());
		if (layers.size() < ScheduleForm.MAX_LAYERS && layers.stream().noneMatch(ScheduleForm.LayerForm::isBlank)) {
			layers.add(ScheduleForm.LayerForm.blank(LocalDate.now(clock).toString()));
		}
		return form(model, new ScheduleForm(form.name(), form.description(), form.teamId(), form.timeZone(), layers),
				id, errors);
	}

	private String form(Model model, ScheduleForm form, UUID id, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("id", id);
		model.addAttribute("errors", errors);
		model.addAttribute("teams", teams.list(PageQuery.of(1, PageQuery.MAX_SIZE)).items());
		model.addAttribute("users", allUsers());
		model.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
		return "oncall/schedule-form";
	}

	private List<User> allUsers() {
		return users.list(PageQuery.of(1, PageQuery.MAX_SIZE)).items();
	}

	private static java.util.Optional<LocalDate> parseDate(String text) {
		try {
			return text == null || text.isBlank() ? java.util.Optional.empty()
					: java.util.Optional.of(LocalDate.parse(text.trim()));
		}
		catch (java.time.DateTimeException ex) {
			return java.util.Optional.empty();
		}
	}

}
