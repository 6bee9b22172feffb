package dev.watchkeeper.monitoring.metrics.scrape;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A scrape target as created or replaced through the API.
 *
 * @param url the exposition endpoint, http or https
 * @param job the {@code job} label
 * @param service the {@code service} label (a service's slug), optional
 * @param environment the {@code environment} label, optional
 * @param interval a Prometheus duration; 15s when absent
 * @param timeout a Prometheus duration shorter than the interval; the smaller of 10s and
 * four fifths of the interval when absent
 * @param labels extra labels for every scraped series
 * @param enabled whether it is scraped; true when absent
 */
@Schema(example = """
		{"url":"http://10.0.0.12:9100/metrics","job":"node","service":"checkout","environment":"production",
		 "interval":"15s","timeout":"10s","labels":{"team":"payments"},"enabled":true}""")
public record ScrapeTargetDraft(String url, String job, String service, String environment, String interval,
		String timeout, Map<String, String> labels, Boolean enabled) {
}
