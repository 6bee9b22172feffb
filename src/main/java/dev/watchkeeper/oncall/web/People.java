package dev.watchkeeper.oncall.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.identity.TeamId;
import dev.watchkeeper.identity.TeamRef;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;

import org.springframework.stereotype.Component;

/** Names of the users and teams on-call views mention, looked up in one go per view. */
@Component
class People {

	private final Users users;

	private final Teams teams;

	People(Users users, Teams teams) {
		this.users = users;
		this.teams = teams;
	}

	/**
	 * A person as on-call views show them.
	 *
	 * @param id user id
	 * @param name display name, or "deleted user"
	 * @param email email, or null
	 */
	record Person(String id, String name, String email) {
	}

	/**
	 * A team as on-call views show it.
	 *
	 * @param id team id
	 * @param slug slug
	 * @param name name
	 */
	record TeamView(String id, String slug, String name) {
	}

	/** Resolves the ids given; unknown ids become "deleted user". */
	Directory of(Collection<UserId> ids, Collection<TeamId> teamIds) {
		Map<UserId, User> found = new HashMap<>();
		List<UserId> distinct = List.copyOf(new LinkedHashSet<>(ids));
		if (!distinct.isEmpty()) {
			users.findAll(distinct).forEach(user -> found.put(user.id(), user));
		}
		Map<TeamId, TeamRef> refs = teamIds.isEmpty() ? Map.of() : teams.refs(new LinkedHashSet<>(teamIds));
		return new Directory(found, refs);
	}

	/** The looked-up names. */
	record Directory(Map<UserId, User> users, Map<TeamId, TeamRef> teams) {

		Person person(UserId id) {
			if (id == null) {
				return null;
			}
			User user = users.get(id);
			return user == null ? new Person(id.toString(), "deleted user", null)
					: new Person(id.toString(), user.name(), user.email());
		}

		String name(UserId id) {
			Person person = person(id);
			return person == null ? "nobody" : person.name();
		}

		TeamView team(TeamId id) {
			if (id == null) {
				return null;
			}
			TeamRef ref = teams.get(id);
			return ref == null ? new TeamView(id.toString(), null, "deleted team")
					: new TeamView(ref.id().toString(), ref.slug(), ref.name());
		}

	}

}
