package dev.watchkeeper.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rule of the domain said no. It knows nothing of HTTP: the web edge maps its
 * {@link Kind} to a status and its {@link #type()} to a stable problem type URI.
 */
public class DomainException extends RuntimeException {

	/** What went wrong, in the terms a caller can act on. */
	public enum Kind {

		/** The input breaks a rule; {@link #fieldErrors()} names the fields. */
		INVALID,
		/** The thing asked for does not exist (or the caller may not know it exists). */
		NOT_FOUND,
		/** The change conflicts with the current state, e.g. a duplicate name. */
		CONFLICT,
		/** Authenticated, but not allowed. */
		FORBIDDEN,
		/** Credentials are missing, wrong or no longer valid. */
		UNAUTHENTICATED,
		/** The resource is locked for a while; {@link #retryAfter()} says how long. */
		LOCKED,
		/** Too many attempts; {@link #retryAfter()} says when to try again. */
		RATE_LIMITED

	}

	/** A field and what is wrong with it. */
	public record FieldError(String field, String message) {
	}

	private final Kind kind;

	private final String type;

	private final List<FieldError> fieldErrors;

	private final Duration retryAfter;

	public DomainException(Kind kind, String type, String message) {
		this(kind, type, message, List.of(), null);
	}

	public DomainException(Kind kind, String type, String message, List<FieldError> fieldErrors, Duration retryAfter) {
		super(message);
		this.kind = kind;
		this.type = type;
		this.fieldErrors = List.copyOf(fieldErrors);
		this.retryAfter = retryAfter;
	}

	public static DomainException notFound(String what, Object id) {
		return new DomainException(Kind.NOT_FOUND, "not-found", what + " " + id + " does not exist");
	}

	public static DomainException invalid(String field, String message) {
		return new DomainException(Kind.INVALID, "invalid-input", field + ": " + message,
				List.of(new FieldError(field, message)), null);
	}

	public static DomainException invalid(Map<String, String> errors) {
		var list = errors.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList();
		return new DomainException(Kind.INVALID, "invalid-input",
				"The request has " + list.size() + " invalid field(s)", list, null);
	}

	public static DomainException conflict(String type, String message) {
		return new DomainException(Kind.CONFLICT, type, message);
	}

	public static DomainException forbidden(String message) {
		return new DomainException(Kind.FORBIDDEN, "forbidden", message);
	}

	public Kind kind() {
		return kind;
	}

	/**
	 * A short stable slug such as {@code account-locked}; part of the problem type URI.
	 */
	public String type() {
		return type;
	}

	public List<FieldError> fieldErrors() {
		return fieldErrors;
	}

	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(retryAfter);
	}

}
