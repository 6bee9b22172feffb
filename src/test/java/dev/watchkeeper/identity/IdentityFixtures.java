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

	IdentityFixtures(Users users, ApiTokens tokens) {
		this.users = users;
		this.tokens = tokens;
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
