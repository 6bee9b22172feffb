package dev.watchkeeper.platform.web;

import java.net.URI;
import java.util.List;

import dev.watchkeeper.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a REST endpoint becomes {@code application/problem+json}: domain rules,
 * validation (naming the fields), unreadable bodies, framework errors and, without a
 * stack trace, the unexpected.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException ex) {
		return Problems.of(ex, HttpStatus.UNPROCESSABLE_ENTITY);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this");
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex) {
		return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication is required");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
				"Parameter '" + ex.getName() + "' has an invalid value");
		problem.setProperty("errors", List.of(new DomainException.FieldError(ex.getName(), "invalid value")));
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		return unexpectedProblem(ex);
	}

	/**
	 * The answer to an exception no rule expected: 413 for a body over the limit, 503
	 * with {@code Retry-After} while the database is too busy, else a logged 500. For
	 * endpoints served outside Spring MVC, which answer like the rest of the API.
	 */
	public static ResponseEntity<ProblemDetail> unexpectedProblem(Exception ex) {
		if (RequestBodyLimitFilter.causedByOversizedBody(ex)) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The request body is too large");
		}
		if (DatabaseBusy.is(ex)) {
			log.warn("Answered 503: {}", ex.getMessage());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, DatabaseBusy.RETRY_AFTER_SECONDS)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-busy", DatabaseBusy.DETAIL));
		}
		log.error("Unexpected error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"Something went wrong on our side; the request id identifies it in the logs");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new DomainException.FieldError(error.getField(), error.getDefaultMessage()))
			.toList();
		ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-input",
				"The request has " + errors.size() + " invalid field(s)");
		problem.setProperty("errors", errors);
		return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new DomainException.FieldError(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.toList();
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
				"The request has " + errors.size() + " invalid parameter(s)");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (RequestBodyLimitFilter.causedByOversizedBody(ex)) {
			return cast(problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The request body is too large"));
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DomainException domain) {
				// a value object refused itself while the body was read, e.g. a bad
				// regular expression
				return cast(domain(domain));
			}
		}
		String detail = ex.getMostSpecificCause() instanceof tools.jackson.core.JacksonException json
				? "The body is not valid JSON for this endpoint: " + json.getOriginalMessage()
				: "The request body is missing or unreadable";
		return cast(problem(HttpStatus.BAD_REQUEST, "malformed-body", detail));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = body instanceof ProblemDetail detail ? detail
				: ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
		problem.setType(URI.create(Problems.TYPE_PREFIX + Problems.typeFor(statusCode)));
		HttpHeaders merged = new HttpHeaders();
		merged.putAll(headers);
		merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(problem, merged, statusCode);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(status, type, detail));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
		return (ResponseEntity) response;
	}

}
