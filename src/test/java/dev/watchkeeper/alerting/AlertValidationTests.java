package dev.watchkeeper.alerting;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertValidationTests {

	private static PostableAlert alert(Map<String, String> labels) {
		return new PostableAlert(labels, Map.of(), null, null, null);
	}

	@Test
	void acceptsPrometheusStyleAlerts() {
		assertThat(AlertValidation.check(List.of(alert(Map.of("alertname", "Up", "instance", "a:9100"))), 10))
			.isEmpty();
	}

	@Test
	void namesEveryProblemOfTheBatch() {
		var errors = AlertValidation.check(List.of(alert(Map.of("job", "x")),
				alert(Map.of("alertname", "A", "bad-name", "v", "__reserved", "v", "empty", ""))), 10);
		assertThat(errors).containsOnlyKeys("alerts[0].labels.alertname", "alerts[1].labels.bad-name",
				"alerts[1].labels.__reserved", "alerts[1].labels.empty");
	}

	@Test
	void refusesBatchesOverTheLimitAndEmptyOnes() {
		assertThat(AlertValidation.check(Collections.nCopies(11, alert(Map.of("alertname", "A"))), 10))
			.containsKey("alerts");
		assertThat(AlertValidation.check(List.of(), 10)).containsKey("alerts");
	}

	@Test
	void anAlertCannotEndBeforeItStarts() {
		var alert = new PostableAlert(Map.of("alertname", "A"), Map.of(), Instant.parse("2026-01-02T00:00:00Z"),
				Instant.parse("2026-01-01T00:00:00Z"), null);
		assertThat(AlertValidation.check(List.of(alert), 10)).containsKey("alerts[0].endsAt");
	}

	@Test
	void severityAliasesMapToTheHandbooksLevels() {
		var settings = new AlertingSettings(java.time.Duration.ofMinutes(5), 1000, Map.of("page", "critical"));
		assertThat(settings.severityOf("warning")).isEqualTo("medium");
		assertThat(settings.severityOf("SEV-1")).isEqualTo("critical");
		assertThat(settings.severityOf("P2")).isEqualTo("medium");
		assertThat(settings.severityOf("info")).isEqualTo("low");
		assertThat(settings.severityOf("page")).as("configured as data").isEqualTo("critical");
		assertThat(settings.severityOf("whatever")).isEqualTo("unknown");
		assertThat(settings.severityOf(null)).isEqualTo("unknown");
	}

}
