package dev.watchkeeper.platform.web;

import java.io.IOException;

import dev.watchkeeper.platform.DomainException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A domain refusal on a page (an unknown service, a conflict outside a form) becomes the
 * error page with the right status, never a 500. REST controllers have
 * {@link ApiExceptionHandler} instead.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

	@ExceptionHandler(DomainException.class)
	void refused(DomainException ex, HttpServletResponse response) throws IOException {
		response.sendError(switch (ex.kind()) {
			case NOT_FOUND -> 404;
			case CONFLICT -> 409;
			case FORBIDDEN -> 403;
			case UNAUTHENTICATED -> 401;
			case LOCKED -> 423;
			case RATE_LIMITED -> 429;
			case INVALID -> 422;
		});
	}

}
