package dev.watchkeeper.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.watchkeeper.platform.AuditableEvent;

/**
 * A check was created, changed or deleted.
 *
 * @param action check.created, check.updated or check.deleted
 * @param previous the check before, null on creation
 * @param check the check after, null on deletion
 */
public record CheckChanged(String action, Check previous, Check check) implements AuditableEvent {

	@Override
	public String targetType() {
		return "check";
	}

	@Override
	public String targetId() {
		return (check != null ? check : previous).id().toString();
	}

	@Override
	public String summary() {
		String name = (check != null ? check : previous).name();
		return switch (action) {
			case "check.created" -> "Created check " + name;
			case "check.deleted" -> "Deleted check " + name;
			default -> "Updated check " + name;
		};
	}

	@Override
	public Map<String, Object> before() {
		return fields(previous);
	}

	@Override
	public Map<String, Object> after() {
		return fields(check);
	}

	private static Map<String, Object> fields(Check check) {
		if (check == null) {
			return Map.of();
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", check.name());
		fields.put("kind", check.kind().value());
		fields.put("service_id", check.serviceId().toString());
		fields.put("environment", check.environment());
		fields.put("interval_seconds", check.intervalSeconds());
		fields.put("timeout_ms", check.timeoutMs());
		fields.put("failure_threshold", check.failureThreshold());
		fields.put("success_threshold", check.successThreshold());
		fields.put("severity", check.severity());
		fields.put("runbook_url", check.runbookUrl() == null ? "" : check.runbookUrl());
		fields.put("enabled", check.enabled());
		fields.put("target", switch (check.kind()) {
			case HTTP -> check.http().method() + " " + check.http().url();
			case TCP -> check.tcp().host() + ":" + check.tcp().port();
			case TLS -> check.tls().host() + ":" + check.tls().port();
			case HEARTBEAT ->
				check.heartbeat().cron() != null ? check.heartbeat().cron() + " " + check.heartbeat().timeZone()
						: "every " + check.heartbeat().periodSeconds() + " s";
		});
		return fields;
	}

}
