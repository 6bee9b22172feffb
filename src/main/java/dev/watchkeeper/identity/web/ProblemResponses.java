package dev.watchkeeper.identity.web;

import java.io.IOException;
import java.net.URI;

import dev.watchkeeper.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/** 401 and 403 from the security filters, written as problem+json. */
final class ProblemResponses {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer");
		write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
				"A valid API token (Authorization: Bearer …) or session is required");
	}

	void invalidToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
		write(request, response, HttpStatus.UNAUTHORIZED, "invalid-token",
				"The bearer token is unknown, expired or revoked");
	}

	void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this");
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, String detail)
			throws IOException {
		ProblemDetail problem = Problems.of(status, type, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

	/** API clients and htmx get problem+json; browsers navigating get pages. */
	static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return (accept != null && (accept.contains("application/json") || accept.contains("application/problem+json"))
				&& !accept.contains("text/html")) || request.getHeader("HX-Request") != null;
	}

}
