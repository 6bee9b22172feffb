package dev.watchkeeper.identity.web;

import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.SignedIn;
import dev.watchkeeper.identity.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Establishes a browser session for a user who passed sign-in. */
@Component
class SessionSignIn {

	static final String PENDING_MFA_USER = "watchkeeper.pendingMfaUser";

	private final SecurityContextRepository contexts;

	SessionSignIn(SecurityContextRepository contexts) {
		this.contexts = contexts;
	}

	/** An admin acts as a manager until MFA is passed in this session. */
	static SignedIn principal(User user, boolean mfaVerified) {
		Role effective = user.role() == Role.ADMIN && !mfaVerified ? Role.MANAGER : user.role();
		return new SignedIn(user.id(), user.email(), user.name(), user.role(), effective, mfaVerified, null, null);
	}

	void signIn(User user, boolean mfaVerified, HttpServletRequest request, HttpServletResponse response) {
		request.getSession(true);
		request.changeSessionId();
		request.getSession().removeAttribute(PENDING_MFA_USER);
		SignedIn principal = principal(user, mfaVerified);
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

}
