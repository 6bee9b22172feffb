package dev.watchkeeper.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The scheduler's SQL: claiming due probes in batches and writing results and states in
 * batches.
 */
@Repository
class CheckRuns {

	/**
	 * Claims the probes due before {@code horizon} and moves each one's next run one
	 * interval past its scheduled time (whole intervals past now if it fell behind), so
	 * the schedule never drifts and each run is claimed by one node only.
	 */
	private static final String CLAIM = """
			WITH due AS (
			  SELECT id, next_run_at AS scheduled FROM monitoring_checks
			  WHERE enabled AND kind <> 'heartbeat' AND next_run_at <= :horizon
			  ORDER BY next_run_at LIMIT :batch FOR UPDATE SKIP LOCKED)
			UPDATE monitoring_checks c
			SET next_run_at = due.scheduled + make_interval(secs => c.interval_seconds * (1 + floor(greatest(0,
			  extract(epoch FROM (CAST(:now AS timestamptz) - due.scheduled))) / c.interval_seconds)))
			FROM due WHERE c.id = due.id
			RETURNING due.scheduled AS scheduled, c.*""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final CheckStore checks;

	CheckRuns(JdbcClient jdbc, JdbcTemplate batch, CheckStore checks) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.checks = checks;
	}

	/** A claimed run: the check and the instant it is scheduled to start. */
	record Due(Check check, Instant scheduled) {
	}

	List<Due> claim(Instant now, Instant horizon, int limit) {
		return jdbc.sql(CLAIM)
			.param("now", Timestamp.from(now))
			.param("horizon", Timestamp.from(horizon))
			.param("batch", limit)
			.query((rs, n) -> new Due(checks.row(rs, n), CheckStore.instant(rs, "scheduled")))
			.list();
	}

	/**
	 * The checks with their alert bookkeeping, locked in id order (so concurrent writers
	 * never deadlock).
	 */
	Map<UUID, Locked> lock(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT * FROM monitoring_checks WHERE id IN (:ids) ORDER BY id FOR UPDATE")
			.param("ids", List.copyOf(ids))
			.query((rs, n) -> new Locked(checks.row(rs, n), CheckStore.instant(rs, "alert_refreshed_at"),
					rs.getString("alert_severity")))
			.list()
			.stream()
			.collect(Collectors.toMap(locked -> locked.check().id(), Function.identity()));
	}

	/** A locked check, when its alert was last posted and at which severity. */
	record Locked(Check check, Instant alertRefreshedAt, String alertSeverity) {
	}

	/** A check's state after a batch of outcomes. */
	record StateWrite(UUID checkId, String status, int failures, int successes, Instant statusChangedAt, Outcome last,
			Instant alertRefreshedAt, String alertSeverity) {
	}

	void write(List<Outcome> outcomes, List<StateWrite> states) {
		List<Object[]> results = new ArrayList<>(outcomes.size());
		for (Outcome o : outcomes) {
			results.add(new Object[] { o.checkId(), Timestamp.from(o.at()), o.ok(), o.latencyMs(), o.message() == null
					? null : o.message().length() > 1000 ? o.message().substring(0, 1000) : o.message() });
		}
		batch.batchUpdate(
				"INSERT INTO monitoring_results (check_id, at, ok, latency_ms, message) VALUES (?, ?, ?, ?, ?)",
				results);
		List<Object[]> rows = new ArrayList<>(states.size());
		for (StateWrite s : states) {
			Outcome last = s.last();
			rows.add(new Object[] { s.status(), s.failures(), s.successes(), ts(s.statusChangedAt()),
					Timestamp.from(last.at()), last.ok(), last.latencyMs(), truncate(last.message()),
					ts(s.alertRefreshedAt()), s.alertSeverity(), s.checkId() });
		}
		batch.batchUpdate("""
				UPDATE monitoring_checks SET status = ?, consecutive_failures = ?, consecutive_successes = ?,
				  status_changed_at = ?, last_run_at = ?, last_ok = ?, last_latency_ms = ?, last_message = ?,
				  alert_refreshed_at = ?, alert_severity = ?
				WHERE id = ?""", rows);
	}

	void replaceCertificates(UUID checkId, List<Certificate> chain) {
		jdbc.sql("DELETE FROM monitoring_certificates WHERE check_id = :id").param("id", checkId).update();
		List<Object[]> rows = new ArrayList<>();
		for (Certificate c : chain) {
			rows.add(new Object[] { checkId, c.position(), c.subject(), c.issuer(), Timestamp.from(c.notAfter()),
					Timestamp.from(c.seenAt()) });
		}
		batch.batchUpdate("""
				INSERT INTO monitoring_certificates (check_id, position, subject, issuer, not_after, seen_at)
				VALUES (?, ?, ?, ?, ?, ?)""", rows);
	}

	private static String truncate(String message) {
		return message == null || message.length() <= 1000 ? message : message.substring(0, 1000);
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
