package dev.watchkeeper.alerting.web;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.alerting.Alerts;
import dev.watchkeeper.alerting.PostableAlert;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import tools.jackson.databind.json.JsonMapper;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Serves the alert intake endpoints behind the security chain, and describes them in the
 * OpenAPI document as a controller's annotations would.
 */
@Configuration(proxyBeanMethods = false)
class AlertIntakeConfiguration {

	/** Just after the security chain, which decides who may post. */
	static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;

	@Bean
	FilterRegistrationBean<AlertIntakeEndpoint> alertIntakeEndpoint(Alerts alerts, JsonMapper json) {
		var registration = new FilterRegistrationBean<>(new AlertIntakeEndpoint(alerts, json));
		registration.setUrlPatterns(AlertIntakeEndpoint.paths());
		registration.setOrder(ORDER);
		return registration;
	}

	/** A webhook notification as Alertmanager sends it (only the fields read here). */
	@io.swagger.v3.oas.annotations.media.Schema(
			example = """
					{"version":"4","status":"firing","receiver":"watchkeeper","groupKey":"{}:{alertname=\\"HighErrorRate\\"}",
					 "alerts":[{"status":"firing","labels":{"alertname":"HighErrorRate","service":"checkout","severity":"critical"},
					 "annotations":{"summary":"5xx above 5%","runbook_url":"https://runbooks.example.com/high-error-rate"},
					 "startsAt":"2026-11-22T10:00:00Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus:9090/…"}]}""")
	record WebhookPayload(String version, String status, List<WebhookAlert> alerts) {
	}

	/**
	 * One alert of a webhook notification.
	 *
	 * @param status firing or resolved; a firing alert's {@code endsAt} is ignored
	 */
	record WebhookAlert(String status, Map<String, String> labels, Map<String, String> annotations,
			java.time.Instant startsAt, java.time.Instant endsAt, String generatorURL) {
	}

	@Bean
	OpenApiCustomizer alertIntakeDocumentation() {
		return openApi -> {
			ModelConverters converters = ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31);
			Schema<?> alert = schema(openApi, converters, PostableAlert.class);
			Schema<?> alertList = new ArraySchema().items(alert);
			Schema<?> webhook = schema(openApi, converters, WebhookPayload.class);
			Schema<?> receipt = schema(openApi, converters, Alerts.Receipt.class);
			var paths = openApi.getPaths();
			paths.computeIfAbsent(AlertIntakeEndpoint.API_V2, path -> new PathItem())
				.post(operation("alertmanagerApi", "Alertmanager API v2: post alerts",
						"Point Prometheus here: alerting.alertmanagers[].path_prefix: /alertmanager with an "
								+ "integration key (or a responder's API token) as bearer credentials. 200 with an "
								+ "empty body; 400 with the reason, and nothing stored. A key bound to a service adds "
								+ "service=<slug> to alerts without a service label (a team key: team=<slug>).",
						alertList, null, "400"));
			paths.computeIfAbsent(AlertIntakeEndpoint.WEBHOOK, path -> new PathItem())
				.post(operation("alertmanagerWebhook", "Alertmanager webhook receiver (payload version 4)",
						"Add to an Alertmanager as webhook_configs with an integration key (or a responder's API "
								+ "token) as bearer credentials; unknown fields are ignored. Keys add labels as for "
								+ "the API v2.",
						webhook, receipt, "422"));
			paths.computeIfAbsent(AlertIntakeEndpoint.NATIVE, path -> new PathItem())
				.post(operation("nativeIntake", "Post alerts (native)",
						"The Alertmanager alert shape, with an integration key or a responder's API token; answers "
								+ "how many were received, fired and resolved. Keys add labels as for the API v2.",
						alertList, receipt, "422"));
		};
	}

	private static Schema<?> schema(OpenAPI openApi, ModelConverters converters, Type type) {
		var resolved = converters.readAllAsResolvedSchema(type);
		resolved.referencedSchemas.forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
		String name = resolved.schema.getName();
		openApi.getComponents().addSchemas(name, resolved.schema);
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

	private static Operation operation(String id, String summary, String description, Schema<?> body, Schema<?> answer,
			String invalidStatus) {
		ApiResponse ok = new ApiResponse().description(answer == null ? "Stored; empty body" : "Stored");
		if (answer != null) {
			ok.content(new Content().addMediaType("application/json", new MediaType().schema(answer)));
		}
		Content problem = new Content().addMediaType("application/problem+json", new MediaType());
		ApiResponse invalid = new ApiResponse()
			.description("400".equals(invalidStatus) ? "Invalid alerts or malformed JSON; nothing stored"
					: "Invalid alerts; nothing stored. The problem names each field")
			.content(problem);
		return new Operation().operationId(id)
			.summary(summary)
			.description(description)
			.addTagsItem("Alert intake")
			.requestBody(new RequestBody().required(true)
				.content(new Content().addMediaType("application/json", new MediaType().schema(body))))
			.responses(new ApiResponses().addApiResponse("200", ok)
				.addApiResponse("400", new ApiResponse().description("Malformed JSON").content(problem))
				.addApiResponse(invalidStatus, invalid)
				.addApiResponse("401", new ApiResponse().description("No or unknown credentials").content(problem))
				.addApiResponse("403", new ApiResponse().description("Below responder").content(problem))
				.addApiResponse("415", new ApiResponse().description("Not application/json").content(problem)));
	}

}
