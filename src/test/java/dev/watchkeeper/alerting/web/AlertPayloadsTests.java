package dev.watchkeeper.alerting.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import dev.watchkeeper.alerting.PostableAlert;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertPayloadsTests {

	private final AlertPayloads payloads = new AlertPayloads(JsonMapper.builder().build());

	private static ByteArrayInputStream body(String json) {
		return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void readsEveryFieldOfTheApiV2ShapeAndSkipsUnknownOnes() {
		var alerts = payloads.alerts(body("""
				[{"labels":{"alertname":"HighErrorRate","shard":7,"canary":true},"extra":{"nested":[1,2,{"x":null}]},
				  "annotations":{"summary":"5xx above 5%","runbook_url":"https://runbooks.example.com/x"},
				  "startsAt":"2026-11-22T11:00:00.123456789+01:00","endsAt":"2026-11-22T10:05:00Z",
				  "generatorURL":"http://127.0.0.1:9090/graph"},
				 null,
				 {"labels":{"alertname":"Bare"},"annotations":null,"startsAt":"","endsAt":null}]"""));
		assertThat(alerts).hasSize(3);
		assertThat(alerts.get(0))
			.isEqualTo(new PostableAlert(Map.of("alertname", "HighErrorRate", "shard", "7", "canary", "true"),
					Map.of("summary", "5xx above 5%", "runbook_url", "https://runbooks.example.com/x"),
					Instant.parse("2026-11-22T10:00:00.123456789Z"), Instant.parse("2026-11-22T10:05:00Z"),
					"http://127.0.0.1:9090/graph"));
		assertThat(alerts.get(1)).isNull();
		assertThat(alerts.get(2)).isEqualTo(new PostableAlert(Map.of("alertname", "Bare"), null, null, null, null));
	}

	@Test
	void aWebhookIgnoresTheEndOfFiringAlertsAndGosZeroTime() {
		var webhook = payloads.webhook(body("""
				{"version":"4","status":"firing","truncatedAlerts":0,"commonLabels":{"a":"b"},
				 "alerts":[{"status":"firing","labels":{"alertname":"A"},"startsAt":"2026-11-22T10:00:00Z",
				            "endsAt":"0001-01-01T00:00:00Z","fingerprint":"abc"},
				           {"status":"resolved","labels":{"alertname":"B"},"startsAt":"0001-01-01T00:00:00Z",
				            "endsAt":"2026-11-22T10:09:00Z"}]}"""));
		assertThat(webhook.version()).isEqualTo("4");
		assertThat(webhook.alerts().get(0).startsAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
		assertThat(webhook.alerts().get(0).endsAt()).isNull();
		assertThat(webhook.alerts().get(1).startsAt()).isNull();
		assertThat(webhook.alerts().get(1).endsAt()).isEqualTo(Instant.parse("2026-11-22T10:09:00Z"));
	}

	@Test
	void malformedBodiesSayWhatAndWhere() {
		assertThatThrownBy(() -> payloads.alerts(body("[{\"labels\":")))
			.isInstanceOf(AlertPayloads.MalformedPayload.class);
		assertThatThrownBy(() -> payloads.alerts(body("{\"labels\":{}}")))
			.isInstanceOf(AlertPayloads.MalformedPayload.class)
			.hasMessageContaining("expected an array of alerts")
			.hasMessageContaining("line 1, column 1");
		assertThatThrownBy(() -> payloads.alerts(body("[{\"labels\":{\"alertname\":{\"x\":1}}}]")))
			.hasMessageContaining("labels.alertname must be a string");
		assertThatThrownBy(
				() -> payloads.alerts(body("[{\"labels\":{\"alertname\":\"A\"},\"startsAt\":\"yesterday\"}]")))
			.hasMessageContaining("startsAt is not an RFC 3339 time: \"yesterday\"");
		assertThatThrownBy(() -> payloads.alerts(body("[] []"))).hasMessageContaining("unexpected content");
		assertThatThrownBy(() -> payloads.webhook(body("[]"))).hasMessageContaining("webhook notification object");
	}

}
