package dev.watchkeeper.alerting.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.alerting.Alerts;
import dev.watchkeeper.alerting.PostableAlert;
import dev.watchkeeper.identity.IntegrationSender;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alert intake in the formats senders already speak: Alertmanager's API v2 (Prometheus
 * posts here when Watchkeeper is its Alertmanager), Alertmanager's webhook (an existing
 * Alertmanager forwards here) and the native API. Each request is all or nothing. Who may
 * post is decided before the body is read, by the machine chain's rule for intake paths
 * (a responder or higher, or an integration key), not per method here.
 */
@RestController
@Tag(name = "Alert intake")
class AlertIntakeController {

	/**
	 * Go's zero time, which Alertmanager's webhook sends as the end of a firing alert.
	 */
	private static final Instant UNSET = Instant.parse("1970-01-01T00:00:00Z");

	private final Alerts alerts;

	AlertIntakeController(Alerts alerts) {
		this.alerts = alerts;
	}

	@PostMapping(path = "/alertmanager/api/v2/alerts", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Alertmanager API v2: post alerts",
			description = "Point Prometheus here: alerting.alertmanagers[].path_prefix: /alertmanager with an "
					+ "integration key (or a responder's API token) as bearer credentials. 200 with an empty body; "
					+ "400 with the reason, and nothing stored. A key bound to a service adds service=<slug> to "
					+ "alerts without a service label (a team key: team=<slug>).")
	ResponseEntity<Void> alertmanagerApi(@AuthenticationPrincipal Object sender,
			@RequestBody List<PostableAlert> posted) {
		alerts.intake(posted, "alertmanager-api", addedLabels(sender));
		return ResponseEntity.ok().build();
	}

	@Schema(example = """
			{"version":"4","status":"firing","receiver":"watchkeeper","groupKey":"{}:{alertname=\\"HighErrorRate\\"}",
			 "alerts":[{"status":"firing","labels":{"alertname":"HighErrorRate","service":"checkout","severity":"critical"},
			 "annotations":{"summary":"5xx above 5%","runbook_url":"https://runbooks.example.com/high-error-rate"},
			 "startsAt":"2026-11-22T10:00:00Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus:9090/…"}]}""")
	record WebhookPayload(String version, String status, List<WebhookAlert> alerts) {
	}

	record WebhookAlert(String status, Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
			Instant endsAt, String generatorURL) {

		PostableAlert postable() {
			Instant end = endsAt == null || endsAt.isBefore(UNSET) ? null : endsAt;
			return new PostableAlert(labels, annotations,
					startsAt == null || startsAt.isBefore(UNSET) ? null : startsAt,
					"firing".equals(status) ? null : end, generatorURL);
		}

	}

	@PostMapping(path = "/api/v1/integrations/alertmanager", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Alertmanager webhook receiver (payload version 4)",
			description = "Add to an Alertmanager as webhook_configs with an integration key (or a responder's API "
					+ "token) as bearer credentials; unknown fields are ignored. Keys add labels as for the API v2.")
	Alerts.Receipt alertmanagerWebhook(@AuthenticationPrincipal Object sender, @RequestBody WebhookPayload payload) {
		if (payload.version() != null && !"4".equals(payload.version())) {
			throw DomainException.invalid("version", "only webhook payload version 4 is understood");
		}
		List<PostableAlert> posted = payload.alerts() == null ? List.of()
				: payload.alerts().stream().map(a -> a == null ? null : a.postable()).toList();
		return alerts.intake(posted, "alertmanager-webhook", addedLabels(sender));
	}

	@PostMapping(path = "/api/v1/alerts", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Post alerts (native)",
			description = "The Alertmanager alert shape, with an integration key or a responder's API token; "
					+ "answers how many were received, fired and resolved. Keys add labels as for the API v2.")
	Alerts.Receipt nativeIntake(@AuthenticationPrincipal Object sender, @RequestBody List<PostableAlert> posted) {
		return alerts.intake(posted, "api", addedLabels(sender));
	}

	/**
	 * An integration key bound to a service adds {@code service=<slug>} to alerts without
	 * a service label; one bound to a team adds {@code team=<slug>}.
	 */
	private static Map<String, String> addedLabels(Object sender) {
		return sender instanceof IntegrationSender key ? key.labels() : Map.of();
	}

	/** Alertmanager answers 400 for bad alerts; so does its API here. */
	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> invalid(DomainException ex, jakarta.servlet.http.HttpServletRequest request) {
		return Problems.of(ex, request.getRequestURI().startsWith("/alertmanager/") ? HttpStatus.BAD_REQUEST
				: HttpStatus.UNPROCESSABLE_ENTITY);
	}

}
