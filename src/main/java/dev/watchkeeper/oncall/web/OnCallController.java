package dev.watchkeeper.oncall.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.watchkeeper.identity.SignedIn;
import dev.watchkeeper.identity.TeamId;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.oncall.EscalationTarget;
import dev.watchkeeper.oncall.Feeds;
import dev.watchkeeper.oncall.OnCall;
import dev.watchkeeper.oncall.OncallSettings;
import dev.watchkeeper.oncall.Schedules;
import dev.watchkeeper.oncall.Shift;
import dev.watchkeeper.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "Who is on call", a person's shifts and their own calendar feed. */
@RestController
@RequestMapping("/api/v1/oncall")
@Tag(name = "On-call")
class OnCallController {

	private final OnCall onCall;

	private final Schedules schedules;

	private final Feeds feeds;

	private final Teams teams;

	private final Users users;

	private final People people;

	private final OncallSettings settings;

	private final Clock clock;

	OnCallController(OnCall onCall, Schedules schedules, Feeds feeds, Teams teams, Users users, People people,
			OncallSettings settings, Clock clock) {
		this.onCall = onCall;
		this.schedules = schedules;
		this.feeds = feeds;
		this.teams = teams;
		this.users = users;
		this.people = people;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Who is on call",
			description = "Per team (all teams with schedules, or `team` by id or slug) at `at` (default now).")
	OnCallView now(@Parameter(description = "team id or slug") @RequestParam(required = false) String team,
			@Parameter(example = "2026-12-01T10:00:00Z") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
		Instant when = at == null ? clock.instant() : at;
		Map<TeamId, List<OnCall.ScheduleOnCall>> byTeam;
		if (team == null || team.isBlank()) {
			byTeam = onCall.teams(when);
		}
		else {
			TeamId id = teamId(team);
			byTeam = Map.of(id, onCall.team(id, when));
		}
		List<UserId> ids = byTeam.values()
			.stream()
			.flatMap(List::stream)
			.flatMap(s -> s.layers().stream())
			.map(OnCall.LayerOnCall::userId)
			.filter(Objects::nonNull)
			.toList();
		var names = people.of(ids, byTeam.keySet());
		List<OnCallView.TeamNow> result = new ArrayList<>();
		byTeam.forEach((id, list) -> {
			var everyone = new LinkedHashSet<UserId>();
			list.forEach(s -> everyone.addAll(s.people()));
			result.add(new OnCallView.TeamNow(names.team(id), everyone.stream().map(names::person).toList(),
					list.stream().map(s -> OnCallView.ScheduleNow.of(s, names)).toList()));
		});
		result.sort(java.util.Comparator.comparing(t -> t.team().name().toLowerCase()));
		return new OnCallView(when, result);
	}

	@GetMapping("/shifts")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "A person's shifts",
			description = "In every schedule, from `from` (default now) for `weeks` weeks; the caller's own by default.")
	List<CalendarView.ShiftView> shifts(@AuthenticationPrincipal SignedIn me,
			@Parameter(description = "user id; default: you") @RequestParam(required = false) String user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) Integer weeks) {
		UserId id = user == null || user.isBlank() ? me.userId() : userId(user);
		users.get(id);
		Periods period = Periods.of(from, weeks, clock.instant(), settings);
		List<Shift> shifts = schedules.shiftsOf(id, period.from(), period.to());
		var names = people.of(List.of(id), List.of());
		return shifts.stream().map(s -> CalendarView.ShiftView.of(s, names)).toList();
	}

	@GetMapping("/feed")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Your iCal feed link", description = "404 until you make one with POST.")
	FeedView feed(@AuthenticationPrincipal SignedIn me) {
		return feeds.ofUser(me.userId())
			.map(FeedView::of)
			.orElseThrow(() -> DomainException.notFound("Calendar feed of user", me.userId()));
	}

	@PostMapping("/feed")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Make a new iCal feed link for your shifts",
			description = "The previous link stops working at once.")
	FeedView rotateFeed(@AuthenticationPrincipal SignedIn me) {
		return FeedView.of(feeds.rotateUser(me.userId()));
	}

	@GetMapping("/resolve")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Whom an escalation target pages",
			description = "kind user | schedule | team_role | org_role with its ref; team is the owner team for team "
					+ "roles. Disabled users are left out.")
	List<People.Person> resolve(@Parameter(example = "team_role") @RequestParam String kind,
			@Parameter(example = "on_call") @RequestParam String ref,
			@Parameter(description = "team id or slug") @RequestParam(required = false) String team,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
		if (!EscalationTarget.KINDS.contains(kind)) {
			throw DomainException.invalid("kind", "must be one of " + EscalationTarget.KINDS);
		}
		TeamId teamId = team == null || team.isBlank() ? null : teamId(team);
		List<UserId> ids = onCall.resolve(new EscalationTarget(kind, ref), teamId, at == null ? clock.instant() : at);
		var names = people.of(ids, List.of());
		return ids.stream().map(names::person).toList();
	}

	private TeamId teamId(String team) {
		try {
			TeamId id = TeamId.parse(team.trim());
			return teams.get(id).id();
		}
		catch (IllegalArgumentException ex) {
			return teams.findBySlug(team.trim()).orElseThrow(() -> DomainException.notFound("Team", team)).id();
		}
	}

	private static UserId userId(String user) {
		try {
			return UserId.parse(user.trim());
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid("user", "must be a user id");
		}
	}

}
