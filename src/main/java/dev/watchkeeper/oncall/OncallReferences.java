package dev.watchkeeper.oncall;

import java.util.List;
import java.util.Optional;

import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.TeamId;
import dev.watchkeeper.identity.TeamReferences;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.identity.UserEvents;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps on-call data consistent with the teams, services and users it names: a team with
 * schedules cannot be deleted (its on-call would silently vanish); a deleted team's or
 * service's policy assignment and a deleted user's rules and feed are dropped with it, in
 * the same transaction.
 */
@Component
class OncallReferences implements TeamReferences {

	private static final int NAMED = 5;

	private final ScheduleStore schedules;

	private final PolicyAssignmentStore assignments;

	private final NotificationRuleStore rules;

	private final FeedStore feeds;

	// stores only: Teams asks this bean before deleting, so it must not need Teams itself
	OncallReferences(ScheduleStore schedules, PolicyAssignmentStore assignments, NotificationRuleStore rules,
			FeedStore feeds) {
		this.schedules = schedules;
		this.assignments = assignments;
		this.rules = rules;
		this.feeds = feeds;
	}

	@Override
	public Optional<String> blockingDeletionOf(TeamId team) {
		List<String> names = schedules.ofTeam(team).stream().map(Schedule::name).toList();
		if (names.isEmpty()) {
			return Optional.empty();
		}
		String named = String.join(", ", names.subList(0, Math.min(NAMED, names.size())))
				+ (names.size() > NAMED ? ", …" : "");
		return Optional.of("has " + names.size() + (names.size() == 1 ? " on-call schedule" : " on-call schedules")
				+ " (" + named + "); give them another team or delete them first");
	}

	@EventListener
	void teamChanged(Teams.TeamChanged event) {
		if ("team.deleted".equals(event.action())) {
			assignments.clear("team", event.previous().id().value());
		}
	}

	@EventListener
	void serviceChanged(Services.ServiceChanged event) {
		if ("service.deleted".equals(event.action())) {
			assignments.clear("service", event.previous().id().value());
		}
	}

	@EventListener
	void userDeleted(UserEvents.UserDeleted event) {
		rules.delete(event.user().id());
		feeds.delete("user", event.user().id().value());
	}

}
