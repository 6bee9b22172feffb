package dev.watchkeeper.identity.web;

import java.io.IOException;

import dev.watchkeeper.identity.SignedIn;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * In the UI, an admin who has not passed MFA is sent to enrol or verify instead of seeing
 * a bare 403 (handbook 003: admin access requires MFA). Everyone else gets a 403 page, or
 * problem+json for htmx and JSON clients.
 */
final class MfaAwareAccessDeniedHandler implements AccessDeniedHandler {

	/** The admin page that sent the user to MFA, to return to afterwards. */
	static final String AFTER_MFA = "watchkeeper.afterMfa";

	private final ProblemResponses problems;

	private final AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();

	MfaAwareAccessDeniedHandler(ProblemResponses problems) {
		this.problems = problems;
		page.setErrorPage("/error");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException, ServletException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedIn user && user.adminAwaitingMfa()
				&& !ProblemResponses.wantsJson(request)) {
			if ("GET".equals(request.getMethod())) {
				request.getSession().setAttribute(AFTER_MFA, request.getRequestURI());
			}
			response.sendRedirect(request.getContextPath() + "/account/mfa?required");
			return;
		}
		if (ProblemResponses.wantsJson(request)) {
			problems.forbidden(request, response, ex);
			return;
		}
		// a forward keeps no error status of its own; without it the error page would say
		// 500
		request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, HttpServletResponse.SC_FORBIDDEN);
		page.handle(request, response, ex);
	}

}
