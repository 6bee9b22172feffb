package dev.watchkeeper.oncall.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.watchkeeper.identity.SignedIn;
import dev.watchkeeper.identity.TeamId;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.oncall.Feeds;
import dev.watchkeeper.oncall.OnCall;
import dev.watchkeeper.oncall.OncallSettings;
import dev.watchkeeper.oncall.Schedules;
import dev.watchkeeper.oncall.Shift;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Who is on call now" (a page, and the dashboard's panel) and "my shifts". */
@Controller
class OnCallPages {

	private final OnCall onCall;

	private final Schedules schedules;

	private final Feeds feeds;

	private final Users users;

	private final People people;

	private final OncallSettings settings;

	private final Clock clock;

	OnCallPages(OnCall onCall, Schedules schedules, Feeds feeds, Users users, People people, OncallSettings settings,
			Clock clock) {
		this.onCall = onCall;
		this.schedules = schedules;
		this.feeds = feeds;
		this.users = users;
		this.people = people;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * A team's on-call now.
	 *
	 * @param team team name
	 * @param schedules its schedules, each with its layers
	 */
	record TeamNow(String team, List<OnCallView.ScheduleNow> schedules) {
	}

	/** The whole page, or only the panel for an htmx request (the dashboard loads it). */
	@GetMapping("/oncall/now")
	@PreAuthorize("hasRole('VIEWER')")
	String now(HttpServletRequest request, Model model) {
		Map<TeamId, List<OnCall.ScheduleOnCall>> byTeam = onCall.teams(clock.instant());
		var names = people.of(byTeam.values()
			.stream()
			.flatMap(List::stream)
			.flatMap(s -> s.layers().stream())
			.map(OnCall.LayerOnCall::userId)
			.filter(Objects::nonNull)
			.toList(), byTeam.keySet());
		List<TeamNow> teams = new ArrayList<>();
		byTeam.forEach((team, list) -> teams.add(new TeamNow(names.team(team).name(),
				list.stream().map(s -> OnCallView.ScheduleNow.of(s, names)).toList())));
		teams.sort(Comparator.comparing(t -> t.team().toLowerCase()));
		model.addAttribute("teams", teams);
		return request.getHeader("HX-Request") != null ? "oncall/now :: panel" : "oncall/now";
	}

	/**
	 * One of my shifts.
	 *
	 * @param schedule schedule name
	 * @param scheduleId its id
	 * @param layer layer name
	 * @param when local period in my time zone
	 * @param override whether an override put me there
	 */
	record MyShift(String schedule, String scheduleId, String layer, String when, boolean override) {
	}

	@GetMapping("/oncall/my-shifts")
	@PreAuthorize("hasRole('VIEWER')")
	String myShifts(@AuthenticationPrincipal SignedIn me, Model model) {
		User user = users.get(me.userId());
		ZoneId zone = ZoneId.of(user.timeZone());
		Instant now = clock.instant();
		int weeks = Math.max(settings.calendarWeeks(), 8);
		List<Shift> shifts = schedules.shiftsOf(user.id(), now, now.plus(java.time.Duration.ofDays(7L * weeks)));
		Map<UUID, String> names = new HashMap<>();
		schedules.findAll(shifts.stream().map(Shift::scheduleId).distinct().toList())
			.forEach(s -> names.put(s.id(), s.name()));
		model.addAttribute("shifts",
				shifts.stream()
					.map(s -> new MyShift(names.getOrDefault(s.scheduleId(), "a schedule"), s.scheduleId().toString(),
							s.layerName(),
							CalendarGrid.WHEN.format(s.start().atZone(zone)) + " – "
									+ CalendarGrid.WHEN.format(s.end().atZone(zone)),
							s.overrideId() != null))
					.toList());
		model.addAttribute("weeks", weeks);
		model.addAttribute("timeZone", user.timeZone());
		model.addAttribute("feed", feeds.ofUser(user.id()).map(FeedView::of).orElse(null));
		return "oncall/my-shifts";
	}

	@PostMapping("/oncall/my-shifts/feed")
	@PreAuthorize("hasRole('VIEWER')")
	String rotateFeed(@AuthenticationPrincipal SignedIn me, RedirectAttributes redirect) {
		feeds.rotateUser(me.userId());
		redirect.addFlashAttribute("flash", "Made a new calendar link; the previous one no longer works.");
		return "redirect:/oncall/my-shifts";
	}

}
