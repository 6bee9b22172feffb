package dev.watchkeeper.platform.web;

import java.io.IOException;
import java.net.URI;

import dev.watchkeeper.platform.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds RFC 9457 problems with Watchkeeper's stable type URIs. */
public final class Problems {

	public static final String TYPE_PREFIX = "urn:watchkeeper:problem:";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_PREFIX + type));
		return problem;
	}

	/**
	 * The answer to a broken domain rule: its status (422 for invalid input unless
	 * {@code invalidStatus} says otherwise), the field errors and, for locks and rate
	 * limits, {@code Retry-After}.
	 */
	public static ResponseEntity<ProblemDetail> of(DomainException ex, HttpStatus invalidStatus) {
		HttpStatus status = switch (ex.kind()) {
			case INVALID -> invalidStatus;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
			case LOCKED -> HttpStatus.LOCKED;
			case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
		};
		ProblemDetail problem = of(status, ex.type(), ex.getMessage());
		if (!ex.fieldErrors().isEmpty()) {
			problem.setProperty("errors", ex.fieldErrors());
		}
		var response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		ex.retryAfter()
			.ifPresent(after -> response.header(HttpHeaders.RETRY_AFTER,
					Long.toString(Math.max(1, after.toSeconds() + (after.toMillisPart() > 0 ? 1 : 0)))));
		return response.body(problem);
	}

	/** The slug for a status that no domain rule named (e.g. 405, 415). */
	public static String typeFor(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "bad-request";
			case 401 -> "unauthenticated";
			case 403 -> "forbidden";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 409 -> "conflict";
			case 413 -> "payload-too-large";
			case 415 -> "unsupported-media-type";
			case 422 -> "invalid-input";
			case 423 -> "locked";
			case 429 -> "too-many-requests";
			default -> status.is5xxServerError() ? "internal-error" : "http-" + status.value();
		};
	}

	/**
	 * Writes a problem as Spring MVC would, for endpoints served outside it: status,
	 * headers, {@code instance} (the request path) and the JSON body.
	 */
	public static void write(ResponseEntity<ProblemDetail> answer, HttpServletRequest request,
			HttpServletResponse response, JsonMapper json) throws IOException {
		ProblemDetail problem = answer.getBody();
		if (problem != null && problem.getInstance() == null) {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		response.setStatus(answer.getStatusCode().value());
		answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

	/** Whether reading the request body stopped because it passed the size limit. */
	public static boolean causedByOversizedBody(Throwable ex) {
		return RequestBodyLimitFilter.causedByOversizedBody(ex);
	}

}
