package dev.watchkeeper.oncall.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.identity.TeamId;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.oncall.Feeds;
import dev.watchkeeper.oncall.OnCall;
import dev.watchkeeper.oncall.OncallSettings;
import dev.watchkeeper.oncall.OverrideDraft;
import dev.watchkeeper.oncall.Schedule;
import dev.watchkeeper.oncall.ScheduleCalendar;
import dev.watchkeeper.oncall.ScheduleDraft;
import dev.watchkeeper.oncall.ScheduleOverride;
import dev.watchkeeper.oncall.Schedules;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** On-call schedules, their shifts, overrides and calendar feed links. */
@RestController
@RequestMapping("/api/v1/schedules")
@Tag(name = "On-call schedules")
class ScheduleController {

	private final Schedules schedules;

	private final OnCall onCall;

	private final Feeds feeds;

	private final Teams teams;

	private final People people;

	private final OncallSettings settings;

	private final Clock clock;

	ScheduleController(Schedules schedules, OnCall onCall, Feeds feeds, Teams teams, People people,
			OncallSettings settings, Clock clock) {
		this.schedules = schedules;
		this.onCall = onCall;
		this.feeds = feeds;
		this.teams = teams;
		this.people = people;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "List schedules", description = "By name; team filters by the owning team (id or slug).")
	PageQuery.Page<ScheduleView> list(
			@Parameter(description = "team id or slug") @RequestParam(required = false) String team,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		var result = schedules.list(teamId(team), PageQuery.of(page, size));
		var names = people.of(result.items().stream().flatMap(s -> ScheduleView.people(s).stream()).toList(),
				result.items().stream().map(Schedule::teamId).filter(java.util.Objects::nonNull).toList());
		return new PageQuery.Page<>(result.items().stream().map(s -> ScheduleView.of(s, names)).toList(), result.page(),
				result.size(), result.total());
	}

	@PostMapping
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Create a schedule",
			description = "Layers in order (primary first). Refused with 422 naming the field for an unknown time zone, "
					+ "user or team, or a hand-off wall time that falls in a daylight-saving gap.")
	ResponseEntity<ScheduleView> create(@RequestBody ScheduleDraft draft) {
		Schedule schedule = schedules.create(draft);
		return ResponseEntity.created(URI.create("/api/v1/schedules/" + schedule.id())).body(view(schedule));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "One schedule")
	ScheduleView get(@PathVariable UUID id) {
		return view(schedules.get(id));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Replace a schedule",
			description = "All fields and layers. Overrides of layers that no longer exist are removed.")
	ScheduleView update(@PathVariable UUID id, @RequestBody ScheduleDraft draft) {
		return view(schedules.update(id, draft));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Delete a schedule", description = "409 while an escalation policy pages it.")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		schedules.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/shifts")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Shifts over the next weeks",
			description = "Every layer's shifts from `from` (default now) for `weeks` weeks (default 4, at most 26), "
					+ "overrides applied, with warnings about gaps, one person on two layers and overlapping overrides.")
	CalendarView shifts(
			@PathVariable UUID id, @Parameter(example = "2026-11-30T08:00:00Z") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) Integer weeks) {
		Periods period = Periods.of(from, weeks, clock.instant(), settings);
		ScheduleCalendar calendar = schedules.calendar(id, period.from(), period.to());
		return CalendarView.of(calendar, people.of(CalendarView.people(calendar),
				calendar.schedule().teamId() == null ? List.of() : List.of(calendar.schedule().teamId())));
	}

	@GetMapping("/{id}/on-call")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Who is on call", description = "Layer by layer at `at` (default now), overrides applied.")
	OnCallView.ScheduleNow onCall(@PathVariable UUID id, @Parameter(example = "2026-12-01T10:00:00Z") @RequestParam(
			required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
		Instant when = at == null ? clock.instant() : at;
		var now = onCall.layers(id, when).orElseThrow(() -> DomainException.notFound("Schedule", id));
		return OnCallView.ScheduleNow.of(now, people.of(
				now.layers().stream().map(OnCall.LayerOnCall::userId).filter(java.util.Objects::nonNull).toList(),
				List.of()));
	}

	@GetMapping("/{id}/overrides")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Overrides", description = "Those overlapping [from, to); default from now for 4 weeks.")
	List<CalendarView.OverrideView> overrides(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) Integer weeks) {
		Periods period = Periods.of(from, weeks, clock.instant(), settings);
		List<ScheduleOverride> overrides = schedules.overrides(id, period.from(), period.to());
		List<UserId> ids = new ArrayList<>();
		overrides.forEach(o -> ids.addAll(CalendarView.OverrideView.people(o)));
		var names = people.of(ids, List.of());
		return overrides.stream().map(o -> CalendarView.OverrideView.of(o, names)).toList();
	}

	@PostMapping("/{id}/overrides")
	@PreAuthorize("hasRole('RESPONDER')")
	@Operation(summary = "Create an override",
			description = "Someone covers a period of a layer: for one person (coveredUserId) or for whoever is on "
					+ "call. start and end take an offset, or are read as wall time in the schedule's zone. 422 when "
					+ "the end is not after the start.")
	ResponseEntity<CalendarView.OverrideView> createOverride(@PathVariable UUID id, @RequestBody OverrideDraft draft) {
		ScheduleOverride override = schedules.createOverride(id, draft);
		var names = people.of(CalendarView.OverrideView.people(override), List.of());
		return ResponseEntity.created(URI.create("/api/v1/schedules/" + id + "/overrides/" + override.id()))
			.body(CalendarView.OverrideView.of(override, names));
	}

	@DeleteMapping("/{id}/overrides/{overrideId}")
	@PreAuthorize("hasRole('RESPONDER')")
	@Operation(summary = "Delete an override")
	ResponseEntity<Void> deleteOverride(@PathVariable UUID id, @PathVariable UUID overrideId) {
		schedules.deleteOverride(id, overrideId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/feed")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "The schedule's iCal feed link",
			description = "404 until a manager makes one with POST. Anyone with the link can read the shifts.")
	FeedView feed(@PathVariable UUID id) {
		return feeds.ofSchedule(id)
			.map(FeedView::of)
			.orElseThrow(() -> DomainException.notFound("Calendar feed of schedule", id));
	}

	@PostMapping("/{id}/feed")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Make a new iCal feed link", description = "The previous link stops working at once.")
	FeedView rotateFeed(@PathVariable UUID id) {
		return FeedView.of(feeds.rotateSchedule(id));
	}

	private ScheduleView view(Schedule schedule) {
		return ScheduleView.of(schedule, people.of(ScheduleView.people(schedule),
				schedule.teamId() == null ? List.of() : List.of(schedule.teamId())));
	}

	private TeamId teamId(String team) {
		if (team == null || team.isBlank()) {
			return null;
		}
		try {
			return TeamId.parse(team.trim());
		}
		catch (IllegalArgumentException ex) {
			// a slug; an unknown team has no schedules
			return teams.findBySlug(team.trim()).map(t -> t.id()).orElse(new TeamId(new UUID(0, 0)));
		}
	}

}
