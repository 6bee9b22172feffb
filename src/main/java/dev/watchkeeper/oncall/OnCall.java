package dev.watchkeeper.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.watchkeeper.identity.OrgRoles;
import dev.watchkeeper.identity.Team;
import dev.watchkeeper.identity.TeamId;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;

import org.springframework.stereotype.Service;

/** Who is on call: for a schedule, a team, or an escalation target, at an instant. */
@Service
public class OnCall {

	private final ScheduleStore schedules;

	private final OverrideStore overrides;

	private final Teams teams;

	private final Users users;

	private final OrgRoles orgRoles;

	OnCall(ScheduleStore schedules, OverrideStore overrides, Teams teams, Users users, OrgRoles orgRoles) {
		this.schedules = schedules;
		this.overrides = overrides;
		this.teams = teams;
		this.users = users;
		this.orgRoles = orgRoles;
	}

	/**
	 * One layer's person at an instant.
	 *
	 * @param layer 1-based position
	 * @param name the layer's name
	 * @param userId who is on call, or null for nobody
	 * @param overrideId the override that put them there, or null
	 */
	public record LayerOnCall(int layer, String name, UserId userId, UUID overrideId) {
	}

	/**
	 * A schedule's people at an instant, layer by layer.
	 *
	 * @param schedule the schedule
	 * @param layers every layer, primary first
	 */
	public record ScheduleOnCall(Schedule schedule, List<LayerOnCall> layers) {

		/** The distinct people on call, primary first. */
		public List<UserId> people() {
			return layers.stream().map(LayerOnCall::userId).filter(java.util.Objects::nonNull).distinct().toList();
		}

	}

	/**
	 * Who is on call for a schedule at an instant, primary layer first (overrides
	 * applied); empty for an unknown schedule.
	 */
	public List<UserId> onCall(UUID scheduleId, Instant at) {
		return schedules.find(scheduleId).map(schedule -> roster(schedule, at).onCall(at)).orElse(List.of());
	}

	/** Layer by layer, for a known schedule. */
	public Optional<ScheduleOnCall> layers(UUID scheduleId, Instant at) {
		return schedules.find(scheduleId).map(schedule -> layers(schedule, at));
	}

	/** The team's schedules and who is on call in each at an instant. */
	public List<ScheduleOnCall> team(TeamId team, Instant at) {
		return schedules.ofTeam(team).stream().map(schedule -> layers(schedule, at)).toList();
	}

	/** Every team with a schedule, and who is on call in each at an instant. */
	public Map<TeamId, List<ScheduleOnCall>> teams(Instant at) {
		return schedules.withTeams()
			.stream()
			.map(schedule -> layers(schedule, at))
			.collect(Collectors.groupingBy(s -> s.schedule().teamId(), java.util.LinkedHashMap::new,
					Collectors.toList()));
	}

	/**
	 * The people a target names at an instant; {@code team} is the owner team (may be
	 * null, then team roles name nobody). Disabled and deleted users are left out: a
	 * schedule target falls through to its next layer when its first names nobody
	 * reachable.
	 */
	public List<UserId> resolve(EscalationTarget target, TeamId team, Instant at) {
		if (target == null || target.kind() == null) {
			return List.of();
		}
		String ref = target.ref() == null ? "" : target.ref().trim();
		Set<UserId> people = new LinkedHashSet<>();
		switch (target.kind()) {
			case "user" -> ScheduleRules.uuid(ref).map(UserId::new).filter(reachable()).ifPresent(people::add);
			case "schedule" ->
				PolicyRules.ScheduleRef.parse(ref).ifPresent(schedule -> people.addAll(scheduleTarget(schedule, at)));
			case "team_role" -> people.addAll(teamRole(ref.toLowerCase(Locale.ROOT), team, at));
			case "org_role" -> orgRoles.holder(ref).map(User::id).ifPresent(people::add);
			default -> {
			}
		}
		return List.copyOf(people);
	}

	private List<UserId> scheduleTarget(PolicyRules.ScheduleRef ref, Instant at) {
		return schedules.find(ref.scheduleId())
			.map(schedule -> firstReachable(schedule, ref.layer(), at))
			.orElse(List.of());
	}

	private List<UserId> teamRole(String role, TeamId team, Instant at) {
		if (team == null) {
			return List.of();
		}
		if ("on_call".equals(role)) {
			List<UserId> people = new ArrayList<>();
			for (Schedule schedule : schedules.ofTeam(team)) {
				people.addAll(firstReachable(schedule, null, at));
			}
			return people;
		}
		Optional<Team> found = teams.find(team);
		Optional<UserId> holder = found
			.map("lead".equals(role) ? Team::leadId : "manager".equals(role) ? Team::managerId : t -> null);
		return holder.filter(reachable()).map(List::of).orElse(List.of());
	}

	/**
	 * The person of the layer asked for, or of the first layer whose person is reachable.
	 */
	private List<UserId> firstReachable(Schedule schedule, Integer layer, Instant at) {
		Roster roster = roster(schedule, at);
		Predicate<UserId> reachable = reachable();
		if (layer != null) {
			return layer > schedule.layers().size() ? List.of()
					: roster.onCall(layer, at).filter(reachable).map(List::of).orElse(List.of());
		}
		for (int position = 1; position <= schedule.layers().size(); position++) {
			Optional<UserId> person = roster.onCall(position, at).filter(reachable);
			if (person.isPresent()) {
				return List.of(person.get());
			}
		}
		return List.of();
	}

	private Predicate<UserId> reachable() {
		return user -> users.find(user).filter(u -> !u.disabled()).isPresent();
	}

	private ScheduleOnCall layers(Schedule schedule, Instant at) {
		Roster roster = roster(schedule, at);
		List<LayerOnCall> layers = new ArrayList<>();
		for (int position = 1; position <= schedule.layers().size(); position++) {
			String name = schedule.layer(position).name();
			Optional<Shift> shift = roster.layerShifts(position, at, at.plusNanos(1)).stream().findFirst();
			layers.add(new LayerOnCall(position, name, shift.map(Shift::userId).orElse(null),
					shift.map(Shift::overrideId).orElse(null)));
		}
		return new ScheduleOnCall(schedule, layers);
	}

	private Roster roster(Schedule schedule, Instant at) {
		return Roster.of(schedule, overrides.overlapping(List.of(schedule.id()), at, at.plusSeconds(1)));
	}

}
