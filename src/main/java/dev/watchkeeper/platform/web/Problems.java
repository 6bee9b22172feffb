package dev.watchkeeper.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

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

}
