package dev.watchkeeper.alerting;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An alert as senders post it, in Alertmanager's API v2 shape.
 *
 * @param labels identify the alert; must include {@code alertname}
 * @param annotations describe it: {@code summary}, {@code description},
 * {@code runbook_url} …
 * @param startsAt when it started; now when absent
 * @param endsAt when it ends; in the past resolves it; absent keeps it firing for the
 * resolve timeout unless refreshed
 * @param generatorURL a link to what produced it
 */
@Schema(example = """
		{"labels":{"alertname":"HighErrorRate","service":"checkout","severity":"critical"},
		 "annotations":{"summary":"5xx above 5% for 5 minutes","runbook_url":"https://runbooks.example.com/high-error-rate"},
		 "startsAt":"2026-11-22T10:00:00Z","generatorURL":"http://prometheus:9090/graph?g0.expr=…"}""")
public record PostableAlert(Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
		Instant endsAt, String generatorURL) {
}
