package dev.watchkeeper.identity.web;

import java.io.IOException;

import dev.watchkeeper.identity.SignedIn;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.platform.logging.LogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in user of a browser session on every request, so that a disabled
 * or deleted user is signed out at once and a role change takes effect without signing in
 * again.
 */
final class SessionUserFilter extends OncePerRequestFilter {

	private final Users users;

	SessionUserFilter(Users users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var context = SecurityContextHolder.getContext();
		if (context.getAuthentication() != null
				&& context.getAuthentication().getPrincipal() instanceof SignedIn signedIn && !signedIn.viaToken()) {
			User user = users.find(signedIn.userId()).filter(u -> !u.disabled()).orElse(null);
			if (user == null) {
				SecurityContextHolder.clearContext();
				var session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
			else {
				SignedIn current = SessionSignIn.principal(user, signedIn.mfaVerified());
				if (!current.equals(signedIn)) {
					context.setAuthentication(
							UsernamePasswordAuthenticationToken.authenticated(current, null, current.authorities()));
				}
				MDC.put(LogContext.USER_ID, user.id().toString());
			}
		}
		chain.doFilter(request, response);
	}

}
