package dev.watchkeeper.identity;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/** View models of identity for the web edge, and the few operations it needs. */
@Component
public class IdentityApi {

	private final ApiTokens tokens;

	private final Users users;

	IdentityApi(ApiTokens tokens, Users users) {
		this.tokens = tokens;
		this.users = users;
	}

	public ApiToken.Created startApiSession(User user, boolean mfaVerified) {
		Role effective = user.role() == Role.ADMIN && !mfaVerified ? Role.MANAGER : user.role();
		return tokens.createSession(user.id(), effective);
	}

	public Me me(SignedIn signedIn) {
		User user = users.get(signedIn.userId());
		return new Me(UserView.of(user), signedIn.effectiveRole().value(), signedIn.viaToken(), signedIn.mfaVerified());
	}

	/**
	 * A user as the API shows it.
	 *
	 * @param id the id
	 * @param email the email
	 * @param name the name
	 * @param timeZone IANA zone
	 * @param role the role
	 * @param mfaEnabled whether TOTP is enrolled
	 * @param disabled whether the account is disabled
	 * @param lockedUntil end of a lockout in force
	 * @param contactMethods how to reach the user
	 * @param createdAt when created
	 */
	public record UserView(String id, String email, String name, String timeZone, String role, boolean mfaEnabled,
			boolean disabled, Instant lockedUntil, List<User.ContactMethod> contactMethods, Instant createdAt) {

		public static UserView of(User user) {
			return new UserView(user.id().toString(), user.email(), user.name(), user.timeZone(), user.role().value(),
					user.mfaEnabled(), user.disabled(), user.lockedUntil(), user.contactMethods(), user.createdAt());
		}

	}

	/**
	 * The caller.
	 *
	 * @param user the user
	 * @param actingRole the role this request acts with
	 * @param viaToken whether an API token authenticated the request
	 * @param mfaVerified whether MFA was passed
	 */
	public record Me(UserView user, String actingRole, boolean viaToken, boolean mfaVerified) {
	}

}
