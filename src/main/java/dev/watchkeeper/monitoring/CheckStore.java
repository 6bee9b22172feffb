package dev.watchkeeper.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.platform.PageQuery;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Checks and their state in {@code monitoring_checks}. */
@Repository
class CheckStore {

	static final String COLUMNS = """
			id, name, kind, service_id, environment, settings::text AS settings, interval_seconds, timeout_ms,
			failure_threshold, success_threshold, severity, runbook_url, enabled, ping_key, status,
			consecutive_failures, consecutive_successes, status_changed_at, last_run_at, last_ok, last_latency_ms,
			last_message, next_run_at, last_ping_at, last_start_at, last_duration_ms, created_at, updated_at""";

	private static final String FILTER = """
			WHERE (CAST(:service AS uuid) IS NULL OR service_id = CAST(:service AS uuid))
			  AND (CAST(:kind AS text) IS NULL OR kind = :kind)
			  AND (CAST(:status AS text) IS NULL OR status = :status)""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CheckStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Check check, Instant nextRunAt) {
		jdbc.sql("""
				INSERT INTO monitoring_checks (id, name, kind, service_id, environment, settings, interval_seconds,
				  timeout_ms, failure_threshold, success_threshold, severity, runbook_url, enabled, ping_key,
				  next_run_at, created_at, updated_at)
				VALUES (:id, :name, :kind, :service, :environment, CAST(:settings AS jsonb), :interval, :timeout,
				  :failures, :successes, :severity, :runbook, :enabled, :pingKey, :next, :created, :updated)""")
			.params(params(check, nextRunAt))
			.update();
	}

	/**
	 * Changes the definition; pausing a check also clears its state (it is pending until
	 * it runs again).
	 */
	void update(Check check, Instant nextRunAt) {
		jdbc.sql("""
				UPDATE monitoring_checks SET name = :name, service_id = :service, environment = :environment,
				  settings = CAST(:settings AS jsonb), interval_seconds = :interval, timeout_ms = :timeout,
				  failure_threshold = :failures, success_threshold = :successes, severity = :severity,
				  runbook_url = :runbook, enabled = :enabled, next_run_at = :next, updated_at = :updated,
				  status = CASE WHEN :enabled THEN status ELSE 'pending' END,
				  consecutive_failures = CASE WHEN :enabled THEN consecutive_failures ELSE 0 END,
				  consecutive_successes = CASE WHEN :enabled THEN consecutive_successes ELSE 0 END,
				  alert_refreshed_at = CASE WHEN :enabled THEN alert_refreshed_at END,
				  alert_severity = CASE WHEN :enabled THEN alert_severity END
				WHERE id = :id""").params(params(check, nextRunAt)).update();
	}

	void delete(UUID id) {
		jdbc.sql("DELETE FROM monitoring_checks WHERE id = :id").param("id", id).update();
	}

	Optional<Check> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_checks WHERE id = :id")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	Optional<Check> findByPingKey(UUID key) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_checks WHERE ping_key = :key")
			.param("key", key)
			.query(this::row)
			.optional();
	}

	/** The check locked for a change of its state. */
	Optional<Check> lockByPingKey(UUID key) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_checks WHERE ping_key = :key FOR UPDATE")
			.param("key", key)
			.query(this::row)
			.optional();
	}

	Optional<Check> lock(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_checks WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	PageQuery.Page<Check> list(UUID service, String kind, String status, PageQuery page) {
		long[] total = { 0 };
		List<Check> checks = jdbc
			.sql("SELECT " + COLUMNS + ", count(*) OVER () AS total FROM monitoring_checks " + FILTER
					+ " ORDER BY lower(name), id LIMIT :limit OFFSET :offset")
			.param("service", service)
			.param("kind", kind)
			.param("status", status)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return row(rs, n);
			})
			.list();
		if (checks.isEmpty() && page.page() > 1) {
			total[0] = jdbc.sql("SELECT count(*) FROM monitoring_checks " + FILTER)
				.param("service", service)
				.param("kind", kind)
				.param("status", status)
				.query(Long.class)
				.single();
		}
		return PageQuery.Page.of(checks, page, total[0]);
	}

	private Map<String, Object> params(Check check, Instant nextRunAt) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", check.id());
		params.put("name", check.name());
		params.put("kind", check.kind().value());
		params.put("service", check.serviceId());
		params.put("environment", check.environment());
		params.put("settings", json.writeValueAsString(settings(check)));
		params.put("interval", check.intervalSeconds());
		params.put("timeout", check.timeoutMs());
		params.put("failures", check.failureThreshold());
		params.put("successes", check.successThreshold());
		params.put("severity", check.severity());
		params.put("runbook", check.runbookUrl());
		params.put("enabled", check.enabled());
		params.put("pingKey", check.pingKey());
		params.put("next", nextRunAt == null ? null : Timestamp.from(nextRunAt));
		params.put("created", Timestamp.from(check.createdAt()));
		params.put("updated", Timestamp.from(check.updatedAt()));
		return params;
	}

	private static Object settings(Check check) {
		return switch (check.kind()) {
			case HTTP -> check.http();
			case TCP -> check.tcp();
			case TLS -> check.tls();
			case HEARTBEAT -> check.heartbeat();
		};
	}

	Check row(ResultSet rs, int n) throws SQLException {
		CheckKind kind = CheckKind.parse(rs.getString("kind")).orElseThrow();
		String settings = rs.getString("settings");
		var state = new CheckState(rs.getString("status"), rs.getInt("consecutive_failures"),
				rs.getInt("consecutive_successes"), instant(rs, "status_changed_at"), instant(rs, "last_run_at"),
				(Boolean) rs.getObject("last_ok"), (Double) rs.getObject("last_latency_ms"),
				rs.getString("last_message"), instant(rs, "next_run_at"), instant(rs, "last_ping_at"),
				instant(rs, "last_start_at"), (Long) rs.getObject("last_duration_ms"));
		return new Check(rs.getObject("id", UUID.class), rs.getString("name"), kind,
				rs.getObject("service_id", UUID.class), rs.getString("environment"), rs.getInt("interval_seconds"),
				rs.getInt("timeout_ms"), rs.getInt("failure_threshold"), rs.getInt("success_threshold"),
				rs.getString("severity"), rs.getString("runbook_url"), rs.getBoolean("enabled"),
				rs.getObject("ping_key", UUID.class),
				kind == CheckKind.HTTP ? json.readValue(settings, CheckSettings.Http.class) : null,
				kind == CheckKind.TCP ? json.readValue(settings, CheckSettings.Tcp.class) : null,
				kind == CheckKind.TLS ? json.readValue(settings, CheckSettings.Tls.class) : null,
				kind == CheckKind.HEARTBEAT ? json.readValue(settings, CheckSettings.Heartbeat.class) : null, state,
				instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
