package dev.watchkeeper.incident.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import dev.watchkeeper.incident.IncidentAlert;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the incident page shows an attached alert's runbook and labels. */
class AlertLineTests {

	@Test
	void onlyAnHttpRunbookBecomesALinkAndLabelsReadAsNameValue() {
		var linked = IncidentPage.AlertLine.of(alert("https://runbooks.example.com/errors"), ZoneOffset.UTC);
		assertThat(linked.runbookUrl()).isEqualTo("https://runbooks.example.com/errors");
		assertThat(linked.runbookText()).isNull();
		assertThat(linked.labels()).containsExactly("instance=web-1", "service=checkout");
		assertThat(linked.since()).isEqualTo("2026-11-25 09:00 Z");

		var script = IncidentPage.AlertLine.of(alert("javascript:alert(1)"), ZoneOffset.UTC);
		assertThat(script.runbookUrl()).as("never a script link").isNull();
		assertThat(script.runbookText()).isEqualTo("javascript:alert(1)");

		var none = IncidentPage.AlertLine.of(alert(null), ZoneOffset.UTC);
		assertThat(none.runbookUrl()).isNull();
		assertThat(none.runbookText()).isNull();
	}

	private static IncidentAlert alert(String runbook) {
		return new IncidentAlert("fp", "HighErrorRate",
				Map.of("alertname", "HighErrorRate", "service", "checkout", "instance", "web-1"), "5xx above 5 %",
				runbook, runbook != null, "firing", Instant.parse("2026-11-25T09:00:00Z"), null,
				Instant.parse("2026-11-25T09:00:30Z"));
	}

}
