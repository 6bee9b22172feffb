package dev.watchkeeper.monitoring;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Raw results, their per-minute, per-hour and per-day roll-ups, uptime, certificates and
 * pruning.
 */
@Repository
class HistoryStore {

	/** Resolutions and PostgreSQL's name of their unit. */
	static final Map<String, String> UNITS = Map.of("m", "minute", "h", "hour", "d", "day");

	private final JdbcClient jdbc;

	HistoryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Result> results(UUID checkId, int limit) {
		return jdbc.sql("""
				SELECT at, ok, latency_ms, message FROM monitoring_results WHERE check_id = :id
				ORDER BY at DESC LIMIT :limit""")
			.param("id", checkId)
			.param("limit", limit)
			.query((rs, n) -> new Result(CheckStore.instant(rs, "at"), rs.getBoolean("ok"),
					(Double) rs.getObject("latency_ms"), rs.getString("message")))
			.list();
	}

	/** The latest latencies of each check, oldest first, for sparklines. */
	Map<UUID, List<Double>> latencies(Collection<UUID> ids, int perCheck) {
		Map<UUID, List<Double>> latencies = new HashMap<>();
		if (ids.isEmpty()) {
			return latencies;
		}
		jdbc.sql("""
				SELECT c.id, r.latency_ms FROM unnest(CAST(:ids AS uuid[])) AS c(id)
				CROSS JOIN LATERAL (SELECT at, latency_ms FROM monitoring_results
				  WHERE check_id = c.id ORDER BY at DESC LIMIT :n) r
				ORDER BY c.id, r.at""")
			.param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
			.param("n", perCheck)
			.query(rs -> {
				latencies.computeIfAbsent(rs.getObject("id", UUID.class), id -> new ArrayList<>())
					.add((Double) rs.getObject("latency_ms"));
			});
		return latencies;
	}

	List<Rollup> rollups(UUID checkId, String resolution, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT bucket, total, up, p50_ms, p95_ms, p99_ms FROM monitoring_rollups
				WHERE check_id = :id AND resolution = :resolution AND bucket >= :from AND bucket < :to
				ORDER BY bucket LIMIT 5000""")
			.param("id", checkId)
			.param("resolution", resolution)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new Rollup(CheckStore.instant(rs, "bucket"), rs.getInt("total"), rs.getInt("up"),
					(Double) rs.getObject("p50_ms"), (Double) rs.getObject("p95_ms"), (Double) rs.getObject("p99_ms")))
			.list();
	}

	Optional<Instant> mark(String resolution) {
		return jdbc.sql("SELECT done_until FROM monitoring_rollup_marks WHERE resolution = :r")
			.param("r", resolution)
			.query((rs, n) -> CheckStore.instant(rs, "done_until"))
			.optional();
	}

	Optional<Instant> oldestResult() {
		return jdbc.sql("SELECT min(at) AS at FROM monitoring_results")
			.query((rs, n) -> Optional.ofNullable(CheckStore.instant(rs, "at")))
			.single();
	}

	/**
	 * Rolls up the raw results in [from, to) at one resolution and moves its mark to
	 * {@code to}.
	 */
	int rollUp(String resolution, Instant from, Instant to) {
		String unit = UNITS.get(resolution);
		int rows = jdbc.sql("""
				INSERT INTO monitoring_rollups (check_id, resolution, bucket, total, up, p50_ms, p95_ms, p99_ms)
				SELECT check_id, :resolution, date_trunc('%s', at, 'UTC'), count(*), count(*) FILTER (WHERE ok),
				  percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms),
				  percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms),
				  percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms)
				FROM monitoring_results WHERE at >= :from AND at < :to
				GROUP BY check_id, date_trunc('%s', at, 'UTC')
				ON CONFLICT (check_id, resolution, bucket) DO UPDATE SET total = EXCLUDED.total, up = EXCLUDED.up,
				  p50_ms = EXCLUDED.p50_ms, p95_ms = EXCLUDED.p95_ms, p99_ms = EXCLUDED.p99_ms""".formatted(unit, unit))
			.param("resolution", resolution)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.update();
		jdbc.sql("""
				INSERT INTO monitoring_rollup_marks (resolution, done_until) VALUES (:r, :to)
				ON CONFLICT (resolution) DO UPDATE SET done_until = EXCLUDED.done_until""")
			.param("r", resolution)
			.param("to", Timestamp.from(to))
			.update();
		return rows;
	}

	/** The service of each of these checks that exists. */
	Map<UUID, UUID> services(Collection<UUID> ids) {
		Map<UUID, UUID> services = new HashMap<>();
		jdbc.sql("SELECT id, service_id FROM monitoring_checks WHERE id IN (:ids)")
			.param("ids", List.copyOf(ids))
			.query(rs -> {
				services.put(rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class));
			});
		return services;
	}

	/**
	 * Uptime of each check over 24 h, 7 d, 30 d and 90 d before {@code now}, leaving out
	 * time inside each check's planned downtime: raw runs inside it are skipped; an
	 * hourly roll-up that overlaps it is replaced by the minute roll-ups of that hour
	 * that do not (windows start and end on whole minutes).
	 */
	Map<UUID, Uptime> uptime(Collection<UUID> ids, Instant now, Map<UUID, List<PlannedDowntime.Interval>> planned) {
		Map<UUID, Uptime> uptime = new HashMap<>();
		if (ids.isEmpty()) {
			return uptime;
		}
		Instant quarter = now.minus(Duration.ofDays(90));
		Instant rolled = mark("h").filter(mark -> mark.isAfter(quarter)).orElse(quarter);
		List<String> downChecks = new ArrayList<>();
		List<String> downFrom = new ArrayList<>();
		List<String> downTo = new ArrayList<>();
		planned.forEach((check, intervals) -> intervals.forEach(interval -> {
			downChecks.add(check.toString());
			downFrom.add(interval.start().toString());
			downTo.add(interval.end().toString());
		}));
		// minute roll-ups stand in for hours that overlap planned downtime, so only when
		// there is any
		String minutes = downChecks.isEmpty() ? "" : """
				UNION ALL
				SELECT check_id, bucket AS at, up, total FROM monitoring_rollups m
				WHERE resolution = 'm' AND check_id IN (:ids) AND bucket >= :quarter AND bucket < :rolled
				  AND EXISTS (SELECT 1 FROM down WHERE down.c = m.check_id
				    AND down.r && tstzrange(date_trunc('hour', m.bucket, 'UTC'),
				                            date_trunc('hour', m.bucket, 'UTC') + interval '1 hour'))
				  AND NOT EXISTS (SELECT 1 FROM down WHERE down.c = m.check_id
				    AND down.r && tstzrange(m.bucket, m.bucket + interval '1 minute'))""";
		jdbc.sql(
				"""
						WITH down AS (
						  SELECT c, tstzrange(f, t) AS r
						  FROM unnest(CAST(:downChecks AS uuid[]), CAST(:downFrom AS timestamptz[]),
						              CAST(:downTo AS timestamptz[])) AS d(c, f, t)),
						runs AS (
						  SELECT check_id, bucket AS at, up, total FROM monitoring_rollups h
						  WHERE resolution = 'h' AND check_id IN (:ids) AND bucket >= :quarter AND bucket < :rolled
						    AND NOT EXISTS (SELECT 1 FROM down WHERE down.c = h.check_id
						      AND down.r && tstzrange(h.bucket, h.bucket + interval '1 hour'))
						  %s
						  UNION ALL
						  SELECT check_id, at, CASE WHEN ok THEN 1 ELSE 0 END, 1 FROM monitoring_results r
						  WHERE check_id IN (:ids) AND at >= :rolled AND at <= :now
						    AND NOT EXISTS (SELECT 1 FROM down WHERE down.c = r.check_id AND down.r @> r.at))
						SELECT check_id,
						  CAST(sum(up) FILTER (WHERE at >= :day) AS float8) / nullif(sum(total) FILTER (WHERE at >= :day), 0) AS day,
						  CAST(sum(up) FILTER (WHERE at >= :week) AS float8) / nullif(sum(total) FILTER (WHERE at >= :week), 0) AS week,
						  CAST(sum(up) FILTER (WHERE at >= :month) AS float8) / nullif(sum(total) FILTER (WHERE at >= :month), 0) AS month,
						  CAST(sum(up) AS float8) / nullif(sum(total), 0) AS quarter
						FROM runs GROUP BY check_id"""
					.formatted(minutes))
			.param("ids", List.copyOf(ids))
			.param("downChecks", downChecks.toArray(String[]::new))
			.param("downFrom", downFrom.toArray(String[]::new))
			.param("downTo", downTo.toArray(String[]::new))
			.param("quarter", Timestamp.from(quarter))
			.param("rolled", Timestamp.from(rolled))
			.param("now", Timestamp.from(now))
			.param("day", Timestamp.from(now.minus(Duration.ofDays(1))))
			.param("week", Timestamp.from(now.minus(Duration.ofDays(7))))
			.param("month", Timestamp.from(now.minus(Duration.ofDays(30))))
			.query(rs -> {
				UUID id = rs.getObject("check_id", UUID.class);
				uptime.put(id, new Uptime(id, (Double) rs.getObject("day"), (Double) rs.getObject("week"),
						(Double) rs.getObject("month"), (Double) rs.getObject("quarter")));
			});
		return uptime;
	}

	List<Certificate> certificates(int limit) {
		return jdbc.sql("""
				SELECT check_id, position, subject, issuer, not_after, seen_at FROM monitoring_certificates
				ORDER BY not_after, check_id, position LIMIT :limit""")
			.param("limit", limit)
			.query((rs, n) -> new Certificate(rs.getObject("check_id", UUID.class), rs.getInt("position"),
					rs.getString("subject"), rs.getString("issuer"), CheckStore.instant(rs, "not_after"),
					CheckStore.instant(rs, "seen_at")))
			.list();
	}

	List<Certificate> certificates(UUID checkId) {
		return jdbc.sql("""
				SELECT check_id, position, subject, issuer, not_after, seen_at FROM monitoring_certificates
				WHERE check_id = :id ORDER BY position""")
			.param("id", checkId)
			.query((rs, n) -> new Certificate(rs.getObject("check_id", UUID.class), rs.getInt("position"),
					rs.getString("subject"), rs.getString("issuer"), CheckStore.instant(rs, "not_after"),
					CheckStore.instant(rs, "seen_at")))
			.list();
	}

	/**
	 * Deletes raw results and pings before {@code raw}, roll-ups before {@code rollups}.
	 */
	int prune(Instant raw, Instant rollups) {
		int deleted = jdbc.sql("DELETE FROM monitoring_results WHERE at < :before")
			.param("before", Timestamp.from(raw))
			.update();
		deleted += jdbc.sql("DELETE FROM monitoring_pings WHERE at < :before")
			.param("before", Timestamp.from(raw))
			.update();
		deleted += jdbc.sql("DELETE FROM monitoring_rollups WHERE bucket < :before")
			.param("before", Timestamp.from(rollups))
			.update();
		return deleted;
	}

}
