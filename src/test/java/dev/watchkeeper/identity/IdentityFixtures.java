package dev.watchkeeper.identity;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Users and API tokens for tests. Register it with
 * {@code @Import(IdentityFixtures.class)} in a test that extends {@code IntegrationTest}.
 */
@Component
public class IdentityFixtures {

	public static final String PASSWORD = "correct horse battery staple";

	private final Users users;

	private final ApiTokens tokens;

	private final Teams teams;

	private final IntegrationKeys integrationKeys;

	IdentityFixtures(Users users, ApiTokens tokens, Teams teams, IntegrationKeys integrationKeys) {
		this.users = users;
		this.tokens = tokens;
		this.teams = teams;
		this.integrationKeys = integrationKeys;
	}

	/** A new team with a unique slug and no members. */
	public Team team() {
		String slug = "team-" + UUID.randomUUID().toString().substring(0, 8);
		return teams.create(new Teams.TeamDraft(slug, "Team " + slug, "A test team", null, null, List.of()));
	}

	/** The secret of a new integration key bound to a new team. */
	public String integrationKey() {
		return integrationKey(null, team().slug());
	}

	/** The secret of a new integration key bound to this service or team (by slug). */
	public String integrationKey(String serviceSlug, String teamSlug) {
		User manager = user(Role.MANAGER);
		var signedIn = new SignedIn(manager.id(), manager.email(), manager.name(), Role.MANAGER, Role.MANAGER, false,
				null, null);
		return integrationKeys.create(signedIn, "test key", serviceSlug, teamSlug).secret();
	}

	/** A new user with a unique email and {@link #PASSWORD}. */
	public User user(Role role) {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		return users.create(new Users.NewUser(role.value() + "-" + unique + "@example.com",
				"Test " + role.value() + " " + unique, "Europe/Berlin", role, PASSWORD, List.of()));
	}

	/** An API token secret acting with the user's full role. */
	public String token(User user) {
		return tokens.createWithSecret(user.id(), "test", user.role(), ApiTokens.newSecret()).secret();
	}

	/** An API token secret for a new user of this role. */
	public String token(Role role) {
		return token(user(role));
	}

}
