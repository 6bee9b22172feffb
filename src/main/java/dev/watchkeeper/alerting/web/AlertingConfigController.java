package dev.watchkeeper.alerting.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.alerting.AlertingConfigs;
import dev.watchkeeper.alerting.Routing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The routing configuration and the route tester over the API. */
@RestController
@Tag(name = "Alert routing")
class AlertingConfigController {

	static final String EXAMPLE = """
			{"route":{"receiver":"default","group_by":["alertname","service"],"group_wait":"30s",
			  "group_interval":"5m","repeat_interval":"4h",
			  "routes":[{"matchers":["severity=\\"critical\\""],"receiver":"page","group_wait":"0s","repeat_interval":"1h"},
			            {"matchers":["severity=\\"low\\""],"receiver":"email","active_time_intervals":["business-hours"]}]},
			 "receivers":[{"name":"default","channels":[]},{"name":"page","channels":["pagerduty-oncall"]},
			              {"name":"email","channels":["ops-email"]}],
			 "inhibit_rules":[{"source_matchers":["alertname=\\"DatabaseUnavailable\\""],
			                   "target_matchers":["alertname=\\"HighErrorRate\\""],"equal":["service"]}],
			 "time_intervals":[{"name":"business-hours","time_intervals":[{"weekdays":["monday:friday"],
			                    "times":[{"start_time":"09:00","end_time":"17:00"}],"location":"Europe/Berlin"}]}]}""";

	private final AlertingConfigs configs;

	private final Routing routing;

	AlertingConfigController(AlertingConfigs configs, Routing routing) {
		this.configs = configs;
		this.routing = routing;
	}

	/**
	 * The configuration in force.
	 *
	 * @param version 0 while the shipped default is used
	 * @param createdBy who saved it
	 * @param createdAt when it was saved
	 * @param config the configuration (Alertmanager's field names)
	 */
	record ConfigView(int version, String createdBy, Instant createdAt, Map<String, Object> config) {

		static ConfigView of(AlertingConfigs.Current current) {
			return new ConfigView(current.version(), current.createdBy(), current.createdAt(), current.document());
		}

	}

	@Schema(example = """
			{"labels":{"alertname":"HighErrorRate","service":"checkout","severity":"high"}}""")
	record RouteTestRequest(Map<String, String> labels) {
	}

	@GetMapping("/api/v1/alerting/config")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "The routing configuration in force",
			description = "Receivers, the route tree, inhibit rules and time intervals; version 0 is the default "
					+ "shipped from the handbook (004 §3.5), used until a configuration is saved.")
	ConfigView get() {
		return ConfigView.of(configs.current());
	}

	@PutMapping(path = "/api/v1/alerting/config",
			consumes = { "application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/plain" })
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Save a new version of the routing configuration",
			description = "JSON or YAML in Alertmanager's model. Checked whole: invalid regular expressions, unknown "
					+ "receivers, channels or time intervals, bad durations, a root route with matchers, a zero "
					+ "group_interval … answer 422 with each error's path (e.g. route.routes[1].matchers[0]) and "
					+ "nothing is saved.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = "application/json", examples = @ExampleObject(value = EXAMPLE))))
	ConfigView put(@RequestBody String body) {
		return ConfigView.of(configs.save(body));
	}

	@GetMapping("/api/v1/alerting/config/versions")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Saved versions of the routing configuration, newest first")
	List<AlertingConfigs.VersionInfo> versions(@RequestParam(defaultValue = "100") int limit) {
		return configs.versions(limit);
	}

	@PostMapping("/api/v1/alerting/routes/test")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Which routes would an alert with these labels take?",
			description = "Every matching route with its receiver, channels, grouping and timings and the group key "
					+ "the alert would join; whether it is silenced (by which silences), inhibited (by which "
					+ "firing alert) or muted (by which time interval) right now.")
	Routing.RouteTest test(@RequestBody RouteTestRequest request) {
		return routing.test(request == null ? null : request.labels());
	}

}
