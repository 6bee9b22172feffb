package dev.watchkeeper.monitoring;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.scheduling.support.CronExpression;

/**
 * What a valid check looks like, every broken rule reported at once by field name, and
 * the defaults a valid draft gets.
 */
final class CheckRules {

	static final Set<String> SEVERITIES = Set.of("critical", "high", "medium", "low");

	static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}");

	/** Headers the HTTP client sets itself and refuses to take from a check. */
	static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

	private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,253}");

	private static final int MAX_INTERVAL = 86_400;

	private CheckRules() {
	}

	static Map<String, String> check(CheckDraft draft, MonitoringSettings settings) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (draft.name() == null || draft.name().isBlank() || draft.name().length() > 200) {
			errors.put("name", "must be 1 to 200 characters");
		}
		CheckKind kind = draft.kind() == null ? null : CheckKind.parse(draft.kind()).orElse(null);
		if (kind == null) {
			errors.put("kind", "must be http, tcp, tls or heartbeat");
		}
		if (draft.service() == null || draft.service().isBlank()) {
			errors.put("service", "must name a catalog service by slug or id");
		}
		if (draft.environment() == null || draft.environment().isBlank()) {
			errors.put("environment", "must be one of the service's environments");
		}
		long minInterval = Math.max(1, settings.minInterval().toSeconds());
		int interval = draft.intervalSeconds() == null ? 60 : draft.intervalSeconds();
		if (interval < minInterval || interval > MAX_INTERVAL) {
			errors.put("intervalSeconds", "must be " + minInterval + " to " + MAX_INTERVAL + " seconds");
		}
		if (draft.timeoutMs() != null && (draft.timeoutMs() < 100 || draft.timeoutMs() >= interval * 1000L)) {
			errors.put("timeoutMs", "must be at least 100 ms and shorter than the interval (" + interval + " s)");
		}
		if (draft.failureThreshold() != null && (draft.failureThreshold() < 1 || draft.failureThreshold() > 100)) {
			errors.put("failureThreshold", "must be 1 to 100");
		}
		if (draft.successThreshold() != null && (draft.successThreshold() < 1 || draft.successThreshold() > 100)) {
			errors.put("successThreshold", "must be 1 to 100");
		}
		if (draft.severity() != null && !SEVERITIES.contains(draft.severity())) {
			errors.put("severity", "must be critical, high, medium or low");
		}
		if (draft.runbookUrl() != null && !draft.runbookUrl().isBlank() && !isWebUrl(draft.runbookUrl())) {
			errors.put("runbookUrl", "must be an absolute http or https URL");
		}
		if (kind != null) {
			switch (kind) {
				case HTTP -> http(draft.http(), errors);
				case TCP -> endpoint("tcp", draft.tcp() == null ? null : draft.tcp().host(),
						draft.tcp() == null ? null : draft.tcp().port(), true, errors);
				case TLS -> tls(draft.tls(), errors);
				case HEARTBEAT -> heartbeat(draft.heartbeat(), errors);
			}
		}
		return errors;
	}

	private static void http(CheckSettings.Http http, Map<String, String> errors) {
		if (http == null || http.url() == null || !isWebUrl(http.url())) {
			errors.put("http.url", "must be an absolute http or https URL");
			return;
		}
		if (http.method() != null && !METHODS.contains(http.method().toUpperCase(Locale.ROOT))) {
			errors.put("http.method", "must be one of " + String.join(", ", METHODS.stream().sorted().toList()));
		}
		if (http.headers() != null) {
			http.headers().forEach((name, value) -> {
				if (name == null || !HEADER_NAME.matcher(name).matches()) {
					errors.put("http.headers", "header names must be tokens, e.g. Accept");
				}
				else if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
					errors.put("http.headers." + name, "is set by the probe itself");
				}
				else if (value == null || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
						|| value.length() > 4000) {
					errors.put("http.headers." + name, "must be one line of at most 4000 characters");
				}
			});
		}
		if (http.body() != null && http.body().length() > 65_536) {
			errors.put("http.body", "must be at most 65536 characters");
		}
		List<String> conditions = http.conditions() == null ? List.of() : http.conditions();
		if (conditions.size() > 50) {
			errors.put("http.conditions", "must be at most 50");
		}
		for (int i = 0; i < conditions.size(); i++) {
			try {
				Condition.parse(conditions.get(i));
			}
			catch (IllegalArgumentException ex) {
				errors.put("http.conditions[" + i + "]", ex.getMessage());
			}
		}
	}

	private static void tls(CheckSettings.Tls tls, Map<String, String> errors) {
		endpoint("tls", tls == null ? null : tls.host(), tls == null ? 443 : tls.port(), false, errors);
		if (tls == null) {
			return;
		}
		if (tls.warnDays() != null && (tls.warnDays() < 1 || tls.warnDays() > 365)) {
			errors.put("tls.warnDays", "must be 1 to 365");
		}
		if (tls.criticalDays() != null && (tls.criticalDays() < 0 || tls.criticalDays() > 365)) {
			errors.put("tls.criticalDays", "must be 0 to 365");
		}
		if (tls.warnDays() != null && tls.criticalDays() != null && tls.criticalDays() > tls.warnDays()) {
			errors.put("tls.criticalDays", "must not be more than warnDays");
		}
	}

	private static void endpoint(String field, String host, Integer port, boolean portRequired,
			Map<String, String> errors) {
		if (host == null || !HOST.matcher(host).matches()) {
			errors.put(field + ".host", "must be a host name or address");
		}
		if ((port == null && portRequired) || (port != null && (port < 1 || port > 65535))) {
			errors.put(field + ".port", "must be 1 to 65535");
		}
	}

	private static void heartbeat(CheckSettings.Heartbeat heartbeat, Map<String, String> errors) {
		if (heartbeat == null || (heartbeat.periodSeconds() == null && blank(heartbeat.cron()))) {
			errors.put("heartbeat.periodSeconds", "give a period or a cron expression");
			return;
		}
		if (heartbeat.periodSeconds() != null && !blank(heartbeat.cron())) {
			errors.put("heartbeat.cron", "give either a period or a cron expression, not both");
		}
		if (heartbeat.periodSeconds() != null
				&& (heartbeat.periodSeconds() < 60 || heartbeat.periodSeconds() > 365 * 86_400)) {
			errors.put("heartbeat.periodSeconds", "must be 60 seconds to 365 days");
		}
		if (!blank(heartbeat.cron())) {
			try {
				cron(heartbeat.cron());
			}
			catch (IllegalArgumentException ex) {
				errors.put("heartbeat.cron", "must be a cron expression of five fields, e.g. 0 2 * * *");
			}
		}
		if (!blank(heartbeat.timeZone())) {
			try {
				ZoneId.of(heartbeat.timeZone());
			}
			catch (DateTimeException ex) {
				errors.put("heartbeat.timeZone", "must be a time zone such as Europe/Berlin or UTC");
			}
		}
		if (heartbeat.graceSeconds() != null
				&& (heartbeat.graceSeconds() < 60 || heartbeat.graceSeconds() > 365 * 86_400)) {
			errors.put("heartbeat.graceSeconds", "must be 60 seconds to 365 days");
		}
		if (heartbeat.minDurationSeconds() != null && heartbeat.minDurationSeconds() < 0) {
			errors.put("heartbeat.minDurationSeconds", "must not be negative");
		}
	}

	/**
	 * A five-field (Unix, as Healthchecks) cron expression, run by Spring's six-field
	 * parser.
	 */
	static CronExpression cron(String expression) {
		String[] fields = expression.trim().split("\\s+");
		if (fields.length != 5) {
			throw new IllegalArgumentException("five fields expected");
		}
		return CronExpression.parse("0 " + String.join(" ", fields));
	}

	/** The draft with every default filled in; only for a draft without errors. */
	static CheckDraft withDefaults(CheckDraft draft, MonitoringSettings settings) {
		CheckKind kind = CheckKind.parse(draft.kind()).orElseThrow();
		int interval = draft.intervalSeconds() == null ? 60 : draft.intervalSeconds();
		int timeout = draft.timeoutMs() != null ? draft.timeoutMs() : (int) Math.min(10_000, interval * 500L);
		var http = kind == CheckKind.HTTP ? new CheckSettings.Http(draft.http().url().trim(),
				draft.http().method() == null ? "GET" : draft.http().method().toUpperCase(Locale.ROOT),
				draft.http().headers() == null ? Map.of() : Map.copyOf(draft.http().headers()), draft.http().body(),
				draft.http().followRedirects() == null || draft.http().followRedirects(),
				draft.http().verifyTls() == null || draft.http().verifyTls(),
				draft.http().conditions() == null ? List.of() : List.copyOf(draft.http().conditions())) : null;
		var tcp = kind == CheckKind.TCP ? draft.tcp() : null;
		var tls = kind == CheckKind.TLS
				? new CheckSettings.Tls(draft.tls().host(), draft.tls().port() == null ? 443 : draft.tls().port(),
						draft.tls().warnDays() == null ? settings.tlsWarnDays() : draft.tls().warnDays(),
						draft.tls().criticalDays() == null ? Math.min(settings.tlsCriticalDays(),
								draft.tls().warnDays() == null ? settings.tlsWarnDays() : draft.tls().warnDays())
								: draft.tls().criticalDays())
				: null;
		var heartbeat = kind == CheckKind.HEARTBEAT
				? new CheckSettings.Heartbeat(draft.heartbeat().periodSeconds(),
						draft.heartbeat().graceSeconds() == null ? 3600 : draft.heartbeat().graceSeconds(),
						blank(draft.heartbeat().cron()) ? null : draft.heartbeat().cron().trim(),
						blank(draft.heartbeat().timeZone()) ? "UTC" : draft.heartbeat().timeZone(),
						draft.heartbeat().minDurationSeconds() == null ? 0 : draft.heartbeat().minDurationSeconds())
				: null;
		return new CheckDraft(draft.name().trim(), kind.value(), draft.service(), draft.environment(), interval,
				timeout,
				draft.failureThreshold() == null ? (kind == CheckKind.HEARTBEAT ? 1 : 2) : draft.failureThreshold(),
				draft.successThreshold() == null ? 1 : draft.successThreshold(),
				draft.severity() == null ? "critical" : draft.severity(),
				blank(draft.runbookUrl()) ? null : draft.runbookUrl().trim(),
				draft.enabled() == null || draft.enabled(), http, tcp, tls, heartbeat);
	}

	static boolean isWebUrl(String value) {
		try {
			URI uri = new URI(value.trim());
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
