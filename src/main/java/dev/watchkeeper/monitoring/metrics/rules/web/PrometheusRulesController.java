package dev.watchkeeper.monitoring.metrics.rules.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.monitoring.metrics.rules.AlertRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prometheus's {@code /api/v1/rules} and {@code /api/v1/alerts} over Watchkeeper's rules,
 * in Prometheus's JSON, so that Grafana lists them with a Prometheus data source.
 */
@RestController
@RequestMapping(path = "/prometheus/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Metrics (Prometheus API)")
class PrometheusRulesController {

	private final AlertRules rules;

	PrometheusRulesController(AlertRules rules) {
		this.rules = rules;
	}

	@GetMapping("/rules")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Rules and their state, as Prometheus's /api/v1/rules")
	@ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
			{"status":"success","data":{"groups":[{"name":"targets","file":"watchkeeper","interval":30,
			 "rules":[{"type":"alerting","name":"ServiceDown","query":"up == 0","duration":60,"keepFiringFor":0,
			 "labels":{"severity":"critical"},"annotations":{"runbook_url":"https://runbooks.example.com/service-down"},
			 "state":"firing","alerts":[{"labels":{"alertname":"ServiceDown","job":"node","severity":"critical"},
			 "annotations":{"runbook_url":"https://runbooks.example.com/service-down"},"state":"firing",
			 "activeAt":"2026-11-24T11:58:00Z","value":"0e+00"}],"health":"ok","lastError":"",
			 "evaluationTime":0.0004,"lastEvaluation":"2026-11-24T12:00:00Z"}],
			 "evaluationTime":0.0005,"lastEvaluation":"2026-11-24T12:00:00Z"}]}}""")))
	Map<String, Object> rules() {
		List<Map<String, Object>> groups = new ArrayList<>();
		for (AlertRules.GroupStatus g : rules.status()) {
			List<Map<String, Object>> list = new ArrayList<>();
			for (AlertRules.RuleStatus r : g.rules()) {
				Map<String, Object> rule = new LinkedHashMap<>();
				rule.put("type", r.type());
				rule.put("name", r.name());
				rule.put("query", r.expr());
				if ("alerting".equals(r.type())) {
					rule.put("duration", r.forDuration().toMillis() / 1000.0);
					rule.put("keepFiringFor", r.keepFiringFor().toMillis() / 1000.0);
					rule.put("annotations", r.annotations());
					rule.put("state", r.state());
					rule.put("alerts", r.alerts().stream().map(PrometheusRulesController::alert).toList());
				}
				rule.put("labels", r.labels());
				rule.put("health", r.health());
				rule.put("lastError", r.lastError() == null ? "" : r.lastError());
				rule.put("evaluationTime", r.evaluationSeconds());
				rule.put("lastEvaluation", time(r.lastEvaluation()));
				list.add(rule);
			}
			Map<String, Object> group = new LinkedHashMap<>();
			group.put("name", g.name());
			group.put("file", "watchkeeper");
			group.put("interval", g.interval().toMillis() / 1000.0);
			group.put("limit", 0);
			group.put("rules", list);
			group.put("evaluationTime", g.evaluationSeconds());
			group.put("lastEvaluation", time(g.lastEvaluation()));
			groups.add(group);
		}
		return Map.of("status", "success", "data", Map.of("groups", groups));
	}

	@GetMapping("/alerts")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Pending and firing alerts of the rules, as Prometheus's /api/v1/alerts")
	@ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
			{"status":"success","data":{"alerts":[{"labels":{"alertname":"ServiceDown","job":"node"},
			 "annotations":{"runbook_url":"https://runbooks.example.com/service-down"},"state":"pending",
			 "activeAt":"2026-11-24T11:59:30Z","value":"0e+00"}]}}""")))
	Map<String, Object> alerts() {
		List<Map<String, Object>> alerts = new ArrayList<>();
		for (AlertRules.GroupStatus g : rules.status()) {
			for (AlertRules.RuleStatus r : g.rules()) {
				r.alerts().forEach((a) -> alerts.add(alert(a)));
			}
		}
		return Map.of("status", "success", "data", Map.of("alerts", alerts));
	}

	private static Map<String, Object> alert(AlertRules.ActiveAlert a) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("labels", a.labels());
		out.put("annotations", a.annotations());
		out.put("state", a.state());
		out.put("activeAt", time(a.activeAt()));
		out.put("value", exponent(a.value()));
		return out;
	}

	private static String time(Instant t) {
		return t == null ? "0001-01-01T00:00:00Z" : t.toString();
	}

	/**
	 * Go's {@code strconv.FormatFloat(v, 'e', -1, 64)}, as Prometheus writes alert
	 * values.
	 */
	static String exponent(double v) {
		if (Double.isNaN(v)) {
			return "NaN";
		}
		if (Double.isInfinite(v)) {
			return v > 0 ? "+Inf" : "-Inf";
		}
		if (v == 0) {
			return "0e+00";
		}
		BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
		String digits = d.unscaledValue().abs().toString();
		int exp = digits.length() - 1 - d.scale();
		String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
		int e = Math.abs(exp);
		return (d.signum() < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+") + (e < 10 ? "0" + e : e);
	}

}
