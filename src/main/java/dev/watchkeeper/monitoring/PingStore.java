package dev.watchkeeper.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Heartbeat pings in {@code monitoring_pings} and the heartbeat columns of a check. */
@Repository
class PingStore {

	private final JdbcClient jdbc;

	PingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Ping ping) {
		jdbc.sql("""
				INSERT INTO monitoring_pings (check_id, at, kind, exit_status, rid, duration_ms, body, truncated,
				  method, address)
				VALUES (:check, :at, :kind, :exit, :rid, :duration, :body, :truncated, :method, :address)""")
			.param("check", ping.checkId())
			.param("at", Timestamp.from(ping.at()))
			.param("kind", ping.kind())
			.param("exit", ping.exitStatus())
			.param("rid", ping.rid())
			.param("duration", ping.durationMs())
			.param("body", ping.body())
			.param("truncated", ping.truncated())
			.param("method", ping.method())
			.param("address", ping.address())
			.update();
	}

	/** When the run with this id started, if its start ping is kept. */
	Optional<Instant> startOf(UUID checkId, UUID rid) {
		return jdbc.sql("""
				SELECT at FROM monitoring_pings WHERE check_id = :check AND rid = :rid AND kind = 'start'
				ORDER BY at DESC LIMIT 1""")
			.param("check", checkId)
			.param("rid", rid)
			.query((rs, n) -> CheckStore.instant(rs, "at"))
			.optional();
	}

	void heartbeat(UUID checkId, Instant lastPingAt, Instant lastStartAt, Long lastDurationMs) {
		jdbc.sql("""
				UPDATE monitoring_checks SET last_ping_at = :ping, last_start_at = :start, last_duration_ms = :duration
				WHERE id = :id""")
			.param("id", checkId)
			.param("ping", lastPingAt == null ? null : Timestamp.from(lastPingAt))
			.param("start", lastStartAt == null ? null : Timestamp.from(lastStartAt))
			.param("duration", lastDurationMs)
			.update();
	}

	List<Ping> recent(UUID checkId, int limit) {
		return jdbc.sql("SELECT * FROM monitoring_pings WHERE check_id = :check ORDER BY at DESC, id DESC LIMIT :limit")
			.param("check", checkId)
			.param("limit", limit)
			.query(PingStore::row)
			.list();
	}

	private static Ping row(ResultSet rs, int n) throws SQLException {
		return new Ping(rs.getLong("id"), rs.getObject("check_id", UUID.class), CheckStore.instant(rs, "at"),
				rs.getString("kind"), (Integer) rs.getObject("exit_status"), rs.getObject("rid", UUID.class),
				(Long) rs.getObject("duration_ms"), rs.getString("body"), rs.getBoolean("truncated"),
				rs.getString("method"), rs.getString("address"));
	}

}
