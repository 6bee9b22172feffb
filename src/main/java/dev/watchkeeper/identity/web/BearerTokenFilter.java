package dev.watchkeeper.identity.web;

import dev.watchkeeper.platform.web.IntakePaths;
import java.io.IOException;
import java.util.Collection;

import dev.watchkeeper.identity.ApiTokens;
import dev.watchkeeper.identity.IntegrationKeys;
import dev.watchkeeper.identity.SignedIn;
import dev.watchkeeper.platform.logging.LogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the stored token hashes,
 * which each node reads at most once per secret and two seconds ({@link ApiTokens},
 * {@link IntegrationKeys}). A token that is unknown, expired, or revoked on this node
 * gets 401 at once; one revoked on another node, within those two seconds. An integration
 * key ({@code wki_…}) is accepted only for a POST to one of the intake endpoints;
 * anywhere else it gets 403 before any controller runs.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final IntegrationKeys keys;

	private final ProblemResponses problems;

	BearerTokenFilter(ApiTokens tokens, IntegrationKeys keys, ProblemResponses problems) {
		this.tokens = tokens;
		this.keys = keys;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		String secret = header.substring(7).trim();
		if (IntegrationKeys.looksLikeKey(secret)) {
			var sender = keys.authenticate(secret);
			if (sender.isPresent()) {
				if (!isIntake(request)) {
					problems.write(request, response, HttpStatus.FORBIDDEN, "integration-key-not-allowed",
							"Integration keys may only post alerts and samples (" + String.join(", ", IntakePaths.ALL)
									+ ")");
					return;
				}
				authenticated(sender.get(), sender.get().authorities(), request, response, chain);
				return;
			}
		}
		var principal = tokens.authenticate(secret);
		if (principal.isEmpty()) {
			problems.invalidToken(request, response);
			return;
		}
		SignedIn signedIn = principal.get();
		MDC.put(LogContext.USER_ID, signedIn.userId().toString());
		authenticated(signedIn, signedIn.authorities(), request, response, chain);
	}

	private static boolean isIntake(HttpServletRequest request) {
		return IntakePaths.isIntake(request.getMethod(), request.getRequestURI());
	}

	private static void authenticated(Object principal, Collection<? extends GrantedAuthority> authorities,
			HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
