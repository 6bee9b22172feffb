package dev.watchkeeper.monitoring.metrics.rules;

import java.time.Duration;
import java.util.Map;

import dev.watchkeeper.platform.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RuleFileTests {

	private static final Duration DEFAULT = Duration.ofMinutes(1);

	private static Map<String, String> errors(String text) {
		DomainException ex = catchThrowableOfType(DomainException.class, () -> RuleFileParser.parse(text, DEFAULT));
		assertThat(ex).as("refused").isNotNull();
		Map<String, String> out = new java.util.LinkedHashMap<>();
		ex.fieldErrors().forEach((e) -> out.put(e.field(), e.message()));
		return out;
	}

	@Test
	void readsPrometheusRuleFilesInYamlAndJson() {
		RuleFile yaml = RuleFileParser.parse("""
				groups:
				  - name: api
				    interval: 30s
				    rules:
				      - record: job:errors:rate5m
				        expr: sum by (job) (rate(errors_total[5m]))
				        labels: {team: payments}
				      - alert: HighErrors
				        expr: job:errors:rate5m > 1
				        for: 5m
				        keep_firing_for: 2m
				        labels: {severity: high}
				        annotations:
				          summary: "{{ $labels.job }} {{ $value | humanize }}"
				          runbook_url: https://runbooks.example.com/errors
				  - name: remote
				    source: {type: prometheus, url: "http://127.0.0.1:9090"}
				    rules:
				      - record: x
				        expr: vector(1)
				""", DEFAULT);
		assertThat(yaml.groups()).hasSize(2);
		RuleFile.Group api = yaml.groups().get(0);
		assertThat(api.interval()).isEqualTo(Duration.ofSeconds(30));
		assertThat(api.rules().get(1).forDuration()).isEqualTo(Duration.ofMinutes(5));
		assertThat(api.rules().get(1).keepFiringFor()).isEqualTo(Duration.ofMinutes(2));
		assertThat(yaml.groups().get(1).interval()).isEqualTo(DEFAULT);
		assertThat(yaml.groups().get(1).source().url().toString()).isEqualTo("http://127.0.0.1:9090");

		RuleFile json = RuleFileParser.parse("""
				{"groups":[{"name":"api","rules":[{"alert":"Down","expr":"up == 0","for":"1m",
				 "annotations":{"runbook_url":"https://runbooks.example.com/down"}}]}]}""", DEFAULT);
		assertThat(json.groups().get(0).rules().get(0).alert()).isEqualTo("Down");
	}

	@Test
	void aParseErrorNamesGroupRuleAndPosition() {
		Map<String, String> errors = errors("""
				groups:
				  - name: api
				    rules:
				      - alert: Slow
				        expr: histogram_quantile(0.95, rate(x[5m]) > 0.5
				        annotations: {runbook_url: "https://runbooks.example.com/slow"}
				""");
		assertThat(errors).containsOnlyKeys("groups[0].rules[0].expr");
		assertThat(errors.get("groups[0].rules[0].expr")).startsWith("group \"api\", rule \"Slow\": 1:")
			.contains("parse error");
	}

	@Test
	void anAlertWithoutRunbookIsRefusedAndEveryProblemIsNamed() {
		Map<String, String> errors = errors("""
				groups:
				  - name: api
				    rules:
				      - alert: NoRunbook
				        expr: up == 0
				      - record: "bad name"
				        expr: up
				        for: 5m
				      - alert: X
				        record: Y
				        expr: up
				      - alert: BadTemplate
				        expr: up
				        annotations: {runbook_url: r, summary: "{{ .Foo }}"}
				      - alert: BadFor
				        expr: up
				        for: soon
				        annotations: {runbook_url: r}
				  - name: api
				    rules: []
				""");
		assertThat(errors.get("groups[0].rules[0].annotations.runbook_url")).isEqualTo(
				"group \"api\", rule \"NoRunbook\": every alert needs the annotation runbook_url (handbook 004 §3.5)");
		assertThat(errors).containsKeys("groups[0].rules[1].record", "groups[0].rules[1].for", "groups[0].rules[2]",
				"groups[0].rules[3].annotations.summary", "groups[0].rules[4].for", "groups[1].name");
	}

	@Test
	void aRangeVectorOrBrokenYamlIsRefused() {
		assertThat(errors("""
				groups:
				  - name: api
				    rules:
				      - record: x
				        expr: up[5m]
				""").get("groups[0].rules[0].expr")).contains("instant vector or a scalar");
		assertThat(errors("groups: [").get("groups")).startsWith("not valid YAML or JSON");
		assertThat(errors("groups:\n  - name: a\n    rules: []\n    bogus: 1\n")).containsKey("groups[0].bogus");
	}

	@Test
	void theShippedRulesAreValid() {
		RuleFile shipped = RuleFileParser.parse(RuleEvaluator.shipped(), DEFAULT);
		assertThat(shipped.groups()).isNotEmpty();
		assertThat(shipped.groups().stream().flatMap((g) -> g.rules().stream()).map(RuleFile.Rule::expr)).contains(
				"histogram_quantile(0.95, sum by (job, le) (rate(http_request_duration_seconds_bucket[5m]))) > 0.5");
	}

	@Test
	void templatesExpandLikePrometheus() {
		Map<String, String> labels = Map.of("job", "api", "instance", "a:9100");
		assertThat(Template.expand("{{ $labels.job }} on {{ .Labels.instance }} is {{ $value }}", labels, 0.5))
			.isEqualTo("api on a:9100 is 0.5");
		assertThat(Template.expand("{{ $value }}", labels, 1234567)).isEqualTo("1.234567e+06");
		assertThat(Template.expand("{{ $value }}", labels, 12)).isEqualTo("12");
		assertThat(Template.expand("{{ humanize $value }}", labels, 1234567)).isEqualTo("1.235M");
		assertThat(Template.expand("{{ $value | humanize }}", labels, 0.0012)).isEqualTo("1.2m");
		assertThat(Template.expand("{{ humanizePercentage $value }}", labels, 0.0734)).isEqualTo("7.34%");
		assertThat(Template.expand("{{ humanizeDuration $value }}", labels, 3725)).isEqualTo("1h 2m 5s");
		assertThat(Template.expand("{{ humanizeDuration $value }}", labels, 0.25)).isEqualTo("250ms");
		assertThat(Template.expand("{{ printf \"%.2f\" $value }}", labels, 3.14159)).isEqualTo("3.14");
		assertThat(Template.expand("{{ $labels.missing }}|{{ $labels.job | toUpper }}", labels, 0)).isEqualTo("|API");
	}

}
