package dev.watchkeeper.monitoring.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.monitoring.Check;
import dev.watchkeeper.monitoring.CheckDraft;
import dev.watchkeeper.monitoring.CheckSettings;
import dev.watchkeeper.platform.DomainException;

/**
 * The check form's fields as posted (text, so a bad number is shown back as typed).
 * Headers are one {@code Name: value} per line, conditions one per line.
 */
record CheckForm(String name, String kind, String service, String environment, String intervalSeconds, String timeoutMs,
		String failureThreshold, String successThreshold, String severity, String runbookUrl, String enabled,
		String url, String method, String headers, String body, String followRedirects, String verifyTls,
		String conditions, String host, String port, String warnDays, String criticalDays, String periodSeconds,
		String graceSeconds, String cron, String timeZone, String minDurationSeconds) {

	static CheckForm empty() {
		return new CheckForm("", "http", "", "production", "60", "", "2", "1", "critical", "", "true", "", "GET", "",
				"", "true", "true", "status == 200", "", "", "30", "7", "", "3600", "", "UTC", "0");
	}

	static CheckForm of(Check check, String serviceSlug) {
		var http = check.http();
		var tcp = check.tcp();
		var tls = check.tls();
		var heartbeat = check.heartbeat();
		StringBuilder headers = new StringBuilder();
		if (http != null) {
			http.headers().forEach((name, value) -> headers.append(name).append(": ").append(value).append('\n'));
		}
		return new CheckForm(check.name(), check.kind().value(), serviceSlug, check.environment(),
				String.valueOf(check.intervalSeconds()), String.valueOf(check.timeoutMs()),
				String.valueOf(check.failureThreshold()), String.valueOf(check.successThreshold()), check.severity(),
				text(check.runbookUrl()), String.valueOf(check.enabled()), http == null ? "" : http.url(),
				http == null ? "GET" : http.method(), headers.toString().strip(), http == null ? "" : text(http.body()),
				http == null ? "true" : String.valueOf(http.followRedirects()),
				http == null ? "true" : String.valueOf(http.verifyTls()),
				http == null ? "" : String.join("\n", http.conditions()),
				tcp != null ? tcp.host() : tls != null ? tls.host() : "",
				tcp != null ? String.valueOf(tcp.port()) : tls != null ? String.valueOf(tls.port()) : "",
				tls == null ? "30" : String.valueOf(tls.warnDays()),
				tls == null ? "7" : String.valueOf(tls.criticalDays()),
				heartbeat == null || heartbeat.periodSeconds() == null ? "" : String.valueOf(heartbeat.periodSeconds()),
				heartbeat == null ? "3600" : String.valueOf(heartbeat.graceSeconds()),
				heartbeat == null ? "" : text(heartbeat.cron()), heartbeat == null ? "UTC" : heartbeat.timeZone(),
				heartbeat == null ? "0" : String.valueOf(heartbeat.minDurationSeconds()));
	}

	/** The draft, or the numbers that are not numbers, by field. */
	CheckDraft draft() {
		Map<String, String> errors = new LinkedHashMap<>();
		Integer interval = number("intervalSeconds", intervalSeconds, errors);
		Integer timeout = number("timeoutMs", timeoutMs, errors);
		Integer failures = number("failureThreshold", failureThreshold, errors);
		Integer successes = number("successThreshold", successThreshold, errors);
		Integer portNumber = number("port", port, errors);
		Integer warn = number("warnDays", warnDays, errors);
		Integer critical = number("criticalDays", criticalDays, errors);
		Integer period = number("periodSeconds", periodSeconds, errors);
		Integer grace = number("graceSeconds", graceSeconds, errors);
		Integer minimum = number("minDurationSeconds", minDurationSeconds, errors);
		Map<String, String> headerMap = new LinkedHashMap<>();
		for (String line : lines(headers)) {
			int colon = line.indexOf(':');
			if (colon <= 0) {
				errors.put("headers", "one header per line, as Name: value");
			}
			else {
				headerMap.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
			}
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		return new CheckDraft(name, kind, service, environment, interval, timeout, failures, successes, severity,
				runbookUrl, !"false".equals(enabled),
				new CheckSettings.Http(blank(url) ? null : url, method, headerMap, blank(body) ? null : body,
						!"false".equals(followRedirects), !"false".equals(verifyTls), lines(conditions)),
				new CheckSettings.Tcp(blank(host) ? null : host.trim(), portNumber),
				new CheckSettings.Tls(blank(host) ? null : host.trim(), portNumber, warn, critical),
				new CheckSettings.Heartbeat(period, grace, blank(cron) ? null : cron, timeZone, minimum));
	}

	/** The API's field names ({@code http.url}, {@code tls.host}) as the form's. */
	static Map<String, String> formErrors(List<DomainException.FieldError> errors) {
		Map<String, String> form = new LinkedHashMap<>();
		for (var error : errors) {
			String field = error.field().replaceFirst("^(http|tcp|tls|heartbeat)\\.", "").replaceAll("\\[\\d+]$", "");
			if (field.startsWith("headers.")) {
				field = "headers";
			}
			form.putIfAbsent(field, error.message());
		}
		return form;
	}

	private static Integer number(String field, String value, Map<String, String> errors) {
		if (blank(value)) {
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			errors.put(field, "must be a whole number");
			return null;
		}
	}

	private static List<String> lines(String text) {
		List<String> lines = new ArrayList<>();
		if (text != null) {
			text.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(lines::add);
		}
		return lines;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

}
