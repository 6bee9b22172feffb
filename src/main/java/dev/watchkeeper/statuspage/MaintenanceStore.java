package dev.watchkeeper.statuspage;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Maintenance occurrences learned from events, in {@code statuspage_maintenances}. */
@Repository
class MaintenanceStore {

	private final JdbcClient jdbc;

	MaintenanceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records an occurrence's status; a finished occurrence is not reopened by a late
	 * event.
	 */
	void record(UUID windowId, String title, Instant startsAt, Instant endsAt, List<UUID> serviceIds, String status,
			Instant now) {
		jdbc.sql(
				"""
						INSERT INTO statuspage_maintenances (window_id, starts_at, ends_at, title, service_ids, status, created_at,
						  updated_at)
						VALUES (:window, :starts, :ends, :title, :services, :status, :now, :now)
						ON CONFLICT (window_id, starts_at) DO UPDATE SET ends_at = :ends, title = :title, service_ids = :services,
						  status = CASE WHEN statuspage_maintenances.status IN ('completed', 'cancelled')
						                 AND :status IN ('scheduled', 'in_progress')
						                THEN statuspage_maintenances.status ELSE :status END,
						  updated_at = :now""")
			.param("window", windowId)
			.param("starts", Timestamp.from(startsAt))
			.param("ends", Timestamp.from(endsAt))
			.param("title", title == null || title.isBlank() ? "Maintenance" : title)
			.param("services", (serviceIds == null ? List.<UUID>of() : serviceIds).toArray(UUID[]::new))
			.param("status", status)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Occurrences that end at or after {@code from} and start before {@code to}, by
	 * start.
	 */
	List<PlannedWork> between(Instant from, Instant to) {
		return jdbc.sql("""
				SELECT * FROM statuspage_maintenances WHERE ends_at >= :from AND starts_at < :to
				ORDER BY starts_at, window_id""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(MaintenanceStore::row)
			.list();
	}

	private static PlannedWork row(ResultSet rs, int n) throws SQLException {
		Array services = rs.getArray("service_ids");
		return new PlannedWork(rs.getObject("window_id", UUID.class), rs.getString("title"),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				services == null ? List.of() : Arrays.asList((UUID[]) services.getArray()), rs.getString("status"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
