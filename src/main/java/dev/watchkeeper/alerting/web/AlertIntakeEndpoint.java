package dev.watchkeeper.alerting.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.alerting.Alerts;
import dev.watchkeeper.identity.IntegrationSender;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.web.ApiExceptionHandler;
import dev.watchkeeper.platform.web.IntakePaths;
import dev.watchkeeper.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Alert intake in the formats senders already speak: Alertmanager's API v2 (Prometheus
 * posts here when Watchkeeper is its Alertmanager), Alertmanager's webhook (an existing
 * Alertmanager forwards here) and the native API. Each request is all or nothing.
 *
 * <p>
 * Machines post here many times a second, so these three POSTs are served by this filter
 * directly, behind the security chain (whose rule for intake paths has already decided
 * who may post, before the body is read) and without the dispatcher, handler mapping and
 * message conversion a controller would pay per request. Everything else on these paths
 * (e.g. {@code GET /api/v1/alerts}) goes on to the controllers. Errors are the API's
 * problem+json; the API v2 answers 400 for bad alerts as Alertmanager does, the other two
 * 422.
 */
final class AlertIntakeEndpoint extends OncePerRequestFilter {

	static final String API_V2 = IntakePaths.ALERTMANAGER_API;

	static final String WEBHOOK = IntakePaths.ALERTMANAGER_WEBHOOK;

	static final String NATIVE = IntakePaths.NATIVE_ALERTS;

	private final Alerts alerts;

	private final AlertPayloads payloads;

	private final JsonMapper json;

	AlertIntakeEndpoint(Alerts alerts, JsonMapper json) {
		this.alerts = alerts;
		this.payloads = new AlertPayloads(json);
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		if (!path.equals(API_V2) && !path.equals(WEBHOOK) && !path.equals(NATIVE)) {
			chain.doFilter(request, response);
			return;
		}
		// the route label of the request metrics, as a controller's mapping would set it
		request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, path);
		try {
			if (!isJson(request.getContentType())) {
				Problems.write(
						problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Content-Type '"
								+ request.getContentType() + "' is not supported; send application/json"),
						request, response, json);
				return;
			}
			Map<String, String> added = addedLabels(SecurityContextHolder.getContext().getAuthentication());
			switch (path) {
				case API_V2 -> {
					alerts.intake(payloads.alerts(request.getInputStream()), "alertmanager-api", added);
					response.setStatus(HttpStatus.OK.value());
					response.setContentLength(0);
				}
				case WEBHOOK -> {
					AlertPayloads.Webhook webhook = payloads.webhook(request.getInputStream());
					if (webhook.version() != null && !"4".equals(webhook.version())) {
						throw DomainException.invalid("version", "only webhook payload version 4 is understood");
					}
					receipt(alerts.intake(webhook.alerts(), "alertmanager-webhook", added), response);
				}
				default -> receipt(alerts.intake(payloads.alerts(request.getInputStream()), "api", added), response);
			}
		}
		catch (AlertPayloads.MalformedPayload ex) {
			Problems.write(
					Problems.causedByOversizedBody(ex) ? ApiExceptionHandler.unexpectedProblem(ex)
							: problem(HttpStatus.BAD_REQUEST, "malformed-body",
									"The body is not valid JSON for this endpoint: " + ex.getMessage()),
					request, response, json);
		}
		catch (DomainException ex) {
			Problems.write(
					Problems.of(ex, path.equals(API_V2) ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY),
					request, response, json);
		}
		catch (RuntimeException ex) {
			Problems.write(ApiExceptionHandler.unexpectedProblem(ex), request, response, json);
		}
	}

	private void receipt(Alerts.Receipt receipt, HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.OK.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		json.writeValue(response.getOutputStream(), receipt);
	}

	private static boolean isJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail) {
		return ResponseEntity.status(status).body(Problems.of(status, type, detail));
	}

	/**
	 * An integration key bound to a service adds {@code service=<slug>} to alerts without
	 * a service label; one bound to a team adds {@code team=<slug>}.
	 */
	private static Map<String, String> addedLabels(Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof IntegrationSender key ? key.labels()
				: Map.of();
	}

	/** The paths this endpoint serves, for its registration. */
	static List<String> paths() {
		return IntakePaths.ALERTS;
	}

}
