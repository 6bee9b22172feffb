package dev.watchkeeper.identity;

import java.util.List;
import java.util.UUID;

import dev.watchkeeper.platform.Actor;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authenticated principal of a request: a user by session or by API token.
 *
 * @param userId the user
 * @param email the user's email
 * @param name the user's display name
 * @param role the user's role
 * @param effectiveRole what this authentication may do: a token's scope, or manager for
 * an admin who has not passed MFA
 * @param mfaVerified whether this authentication passed a TOTP check
 * @param tokenId the API token used, or null for a browser session
 * @param tokenName the API token's name, or null
 */
public record SignedIn(UserId userId, String email, String name, Role role, Role effectiveRole, boolean mfaVerified,
		UUID tokenId, String tokenName) implements Actor.Principal, AuthenticatedPrincipal, java.io.Serializable {

	/** The sign-in name, which sessions are indexed by. */
	@Override
	public String getName() {
		return email;
	}

	public boolean viaToken() {
		return tokenId != null;
	}

	/** An admin who still has to enrol or pass MFA before admin functions open up. */
	public boolean adminAwaitingMfa() {
		return role == Role.ADMIN && effectiveRole != Role.ADMIN && !viaToken();
	}

	public List<GrantedAuthority> authorities() {
		return List.of(new SimpleGrantedAuthority(effectiveRole.authority()));
	}

	@Override
	public Actor actor() {
		return viaToken()
				? new Actor(Actor.Kind.TOKEN, tokenId.toString(), tokenName + " (" + email + ")", userId.toString())
				: new Actor(Actor.Kind.USER, userId.toString(), email, userId.toString());
	}

}
