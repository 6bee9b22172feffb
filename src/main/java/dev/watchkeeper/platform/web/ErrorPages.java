package dev.watchkeeper.platform.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that never reached a controller (unknown paths, filter failures, container
 * limits): problem+json for API clients, a page for people. Never a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping(value = "/error",
			produces = { MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		ProblemDetail problem = status == HttpStatus.SERVICE_UNAVAILABLE
				? Problems.of(status, "database-busy", DatabaseBusy.DETAIL)
				: Problems.of(status, Problems.typeFor(status), detail(status));
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			problem.setInstance(java.net.URI.create(uri.toString()));
		}
		var response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			response.header(HttpHeaders.RETRY_AFTER, DatabaseBusy.RETRY_AFTER_SECONDS);
		}
		return response.body(problem);
	}

	@RequestMapping("/error")
	Object page(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null && isMachinePath(uri.toString())) {
			return problem(request);
		}
		HttpStatus status = status(request);
		var page = new ModelAndView("error",
				Map.of("status", status.value(), "reason", status.getReasonPhrase(), "detail", detail(status)));
		page.setStatus(status);
		return page;
	}

	static boolean isMachinePath(String path) {
		return path.startsWith("/api/") || path.startsWith("/alertmanager/") || path.startsWith("/prometheus/")
				|| path.startsWith("/ping/") || path.startsWith("/ofrep/") || path.startsWith("/status/api/")
				|| path.startsWith("/health") || path.equals("/metrics");
	}

	private static HttpStatus status(HttpServletRequest request) {
		if (DatabaseBusy.is((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "There is nothing at this address";
			case UNAUTHORIZED -> "Authentication is required";
			case FORBIDDEN -> "Your role does not allow this";
			case CONTENT_TOO_LARGE -> "The request body is too large";
			case SERVICE_UNAVAILABLE -> DatabaseBusy.DETAIL;
			default -> status.is5xxServerError() ? "Something went wrong on our side" : status.getReasonPhrase();
		};
	}

}
