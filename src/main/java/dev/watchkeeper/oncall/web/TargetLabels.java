package dev.watchkeeper.oncall.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.oncall.EscalationPolicy;
import dev.watchkeeper.oncall.EscalationTarget;
import dev.watchkeeper.oncall.Schedule;
import dev.watchkeeper.oncall.Schedules;

import org.springframework.stereotype.Component;

/**
 * What people read for escalation targets: names instead of ids.
 *
 * @param userNames users by id
 * @param scheduleNames schedules by id
 */
record TargetLabels(Map<UserId, String> userNames, Map<UUID, String> scheduleNames) {

	String label(EscalationTarget target) {
		return switch (target.kind()) {
			case "user" -> {
				UUID id = parse(target.ref());
				yield id == null ? target.ref() : userNames.getOrDefault(new UserId(id), "a deleted user");
			}
			case "schedule" -> {
				String[] parts = target.ref().split("#");
				UUID id = parse(parts[0]);
				String name = id == null ? null : scheduleNames.get(id);
				String layer = parts.length > 1 ? " (layer " + parts[1] + ")" : "";
				yield name == null ? "a deleted schedule" : "Whoever is on call in " + name + layer;
			}
			case "team_role" -> switch (target.ref()) {
				case "on_call" -> "The team's on-call engineer";
				case "lead" -> "The team lead";
				case "manager" -> "The engineering manager";
				default -> target.ref();
			};
			case "org_role" -> "The " + target.ref();
			default -> target.kind() + " " + target.ref();
		};
	}

	static UUID parse(String text) {
		try {
			return text == null ? null : UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Looks the names up, once per view. */
	@Component
	static class Labeler {

		private final Users users;

		private final Schedules schedules;

		Labeler(Users users, Schedules schedules) {
			this.users = users;
			this.schedules = schedules;
		}

		TargetLabels of(List<EscalationPolicy> policies) {
			return forTargets(
					policies.stream().flatMap(p -> p.steps().stream()).flatMap(s -> s.targets().stream()).toList());
		}

		TargetLabels forTargets(List<EscalationTarget> targets) {
			Map<UserId, String> userNames = new HashMap<>();
			List<UserId> userIds = targets.stream()
				.filter(t -> "user".equals(t.kind()))
				.map(t -> parse(t.ref()))
				.filter(Objects::nonNull)
				.map(UserId::new)
				.distinct()
				.toList();
			if (!userIds.isEmpty()) {
				for (User user : users.findAll(userIds)) {
					userNames.put(user.id(), user.name() + " <" + user.email() + ">");
				}
			}
			Map<UUID, String> scheduleNames = new HashMap<>();
			List<UUID> scheduleIds = targets.stream()
				.filter(t -> "schedule".equals(t.kind()))
				.map(t -> parse(t.ref().split("#")[0]))
				.filter(Objects::nonNull)
				.distinct()
				.toList();
			for (Schedule schedule : schedules.findAll(scheduleIds)) {
				scheduleNames.put(schedule.id(), schedule.name());
			}
			return new TargetLabels(userNames, scheduleNames);
		}

	}

}
