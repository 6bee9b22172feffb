package dev.watchkeeper.monitoring.metrics.rules;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.monitoring.metrics.promql.Expr;

/**
 * A rule file in Prometheus's format, validated: groups of alerting and recording rules.
 *
 * @param groups the rule groups, names unique
 */
public record RuleFile(List<Group> groups) {

	/**
	 * A group: its rules are evaluated in order, every {@code interval}.
	 *
	 * @param source where the group's expressions are evaluated: null for the embedded
	 * store, else an external Prometheus-compatible query API
	 */
	public record Group(String name, Duration interval, Source source, List<Rule> rules) {
	}

	/**
	 * An external Prometheus-compatible query API.
	 *
	 * @param type {@code prometheus}
	 * @param url the API's base URL; {@code /api/v1/query} is appended
	 */
	public record Source(String type, URI url) {
	}

	/**
	 * An alerting rule ({@code alert} set) or a recording rule ({@code record} set).
	 *
	 * @param parsed the expression, parsed
	 * @param forDuration how long an alert stays pending before it fires
	 * @param keepFiringFor how long an alert keeps firing after its condition ends
	 */
	public record Rule(String alert, String record, String expr, Expr parsed, Duration forDuration,
			Duration keepFiringFor, Map<String, String> labels, Map<String, String> annotations) {

		public boolean alerting() {
			return alert != null;
		}

		public String name() {
			return alerting() ? alert : record;
		}

	}

}
