package dev.watchkeeper.monitoring.metrics.rules.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.monitoring.metrics.rules.AlertRules;
import dev.watchkeeper.monitoring.metrics.rules.RuleFile;
import dev.watchkeeper.monitoring.metrics.scrape.PromDurations;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alert and recording rules in Prometheus's rule-file format: their state, and the rule
 * file itself.
 */
@RestController
@RequestMapping("/api/v1/monitoring/rules")
@Tag(name = "Metrics: alert rules")
class AlertRuleController {

	private static final String RULE_FILE_YAML = """
			groups:
			  - name: http
			    interval: 30s
			    rules:
			      - alert: SlowResponseTime
			        expr: histogram_quantile(0.95, sum by (job, le) (rate(http_request_duration_seconds_bucket[5m]))) > 0.5
			        for: 5m
			        labels:
			          severity: high
			        annotations:
			          summary: "p95 response time of {{ $labels.job }} above 500ms"
			          runbook_url: https://runbooks.example.com/slow-response-time
			""";

	private static final String STATUS_EXAMPLE = """
			{"groups":[{"name":"http","interval":"30s","source":null,"lastEvaluation":"2026-11-24T12:00:00Z",
			 "evaluationSeconds":0.0012,"rules":[{"type":"alerting","name":"SlowResponseTime",
			 "expr":"histogram_quantile(0.95, sum by (job, le) (rate(http_request_duration_seconds_bucket[5m]))) > 0.5",
			 "forDuration":"5m","keepFiringFor":"0s","labels":{"severity":"high"},
			 "annotations":{"runbook_url":"https://runbooks.example.com/slow-response-time"},"state":"pending",
			 "health":"ok","lastError":null,"lastEvaluation":"2026-11-24T12:00:00Z","evaluationSeconds":0.0009,
			 "alerts":[{"labels":{"alertname":"SlowResponseTime","job":"backend","severity":"high"},
			 "annotations":{"runbook_url":"https://runbooks.example.com/slow-response-time"},"state":"pending",
			 "activeAt":"2026-11-24T11:58:30Z","value":0.73}]}]}]}""";

	private static final String INVALID_EXAMPLE = """
			{"type":"urn:watchkeeper:problem:invalid-input","title":"Bad Request","status":400,
			 "detail":"The request has 1 invalid field(s)","errors":[{"field":"groups[0].rules[0].expr",
			 "message":"group \\"http\\", rule \\"SlowResponseTime\\": 1:27: parse error: unexpected \\")\\""}]}""";

	private final AlertRules rules;

	AlertRuleController(AlertRules rules) {
		this.rules = rules;
	}

	record AlertView(Map<String, String> labels, Map<String, String> annotations, String state, Instant activeAt,
			double value) {
	}

	record RuleView(String type, String name, String expr, String forDuration, String keepFiringFor,
			Map<String, String> labels, Map<String, String> annotations, String state, String health, String lastError,
			Instant lastEvaluation, double evaluationSeconds, List<AlertView> alerts) {
	}

	record GroupView(String name, String interval, String source, Instant lastEvaluation, double evaluationSeconds,
			List<RuleView> rules) {
	}

	record StatusView(List<GroupView> groups) {
	}

	record DocumentView(String content, boolean shipped, Instant updatedAt) {
	}

	record ReplacedView(int groups, int rules) {
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Rules and their state",
			description = "Every group and rule in force with its last evaluation on the node that answers, and the "
					+ "pending and firing alerts of each alerting rule.")
	@ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = STATUS_EXAMPLE)))
	StatusView status() {
		return new StatusView(rules.status().stream().map(AlertRuleController::view).toList());
	}

	@GetMapping("/file")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "The rule file in force",
			description = "As stored (YAML or JSON); shipped is true while Watchkeeper's own rules apply.")
	@ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(
			value = """
					{"content":"groups:\\n  - name: http\\n    rules: …","shipped":false,"updatedAt":"2026-11-24T11:00:00Z"}""")))
	DocumentView file() {
		AlertRules.Document d = rules.document();
		return new DocumentView(d.content(), d.shipped(), d.updatedAt());
	}

	@PutMapping(path = "/file",
			consumes = { "application/yaml", "application/x-yaml", "text/yaml", "text/plain", "application/json" })
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Replace the rule file",
			description = "A whole rule file in Prometheus's format, as YAML or JSON. Validated first, all or nothing: "
					+ "400 problem+json names every problem by group, rule and field, a PromQL error with its line "
					+ "and column; an alert without the annotation runbook_url is refused.")
	@ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
			{"groups":1,"rules":1}""")))
	@ApiResponse(responseCode = "400", content = @Content(mediaType = "application/problem+json",
			examples = @ExampleObject(value = INVALID_EXAMPLE)))
	ReplacedView replace(
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/yaml",
					examples = @ExampleObject(value = RULE_FILE_YAML))) @RequestBody(required = false) String body) {
		RuleFile file = rules.replace(body == null ? "" : body);
		return new ReplacedView(file.groups().size(), file.groups().stream().mapToInt((g) -> g.rules().size()).sum());
	}

	@DeleteMapping("/file")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Restore the shipped rules", description = "Drops the stored rule file.")
	void reset() {
		rules.reset();
	}

	/** An invalid rule file is a 400, as Prometheus's APIs answer bad input. */
	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> invalid(DomainException ex) {
		return Problems.of(ex, HttpStatus.BAD_REQUEST);
	}

	private static GroupView view(AlertRules.GroupStatus g) {
		return new GroupView(g.name(), PromDurations.format(g
			.interval()), g.source(), g.lastEvaluation(), g.evaluationSeconds(), g.rules()
				.stream()
				.map((r) -> new RuleView(r.type(), r.name(), r.expr(), PromDurations.format(r.forDuration()),
						PromDurations.format(r.keepFiringFor()), r.labels(), r.annotations(), r.state(), r.health(),
						r.lastError(), r.lastEvaluation(), r.evaluationSeconds(),
						r.alerts()
							.stream()
							.map((a) -> new AlertView(a.labels(), a.annotations(), a.state(), a.activeAt(), a.value()))
							.toList()))
				.toList());
	}

}
