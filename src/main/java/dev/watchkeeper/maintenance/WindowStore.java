package dev.watchkeeper.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.platform.PageQuery;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Windows in {@code maintenance_windows}. */
@Repository
class WindowStore {

	private static final TypeReference<List<Map<String, Object>>> RANGES = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			id, title, description, rollback_plan, kind, starts_at, ends_at, time_intervals::text AS time_intervals,
			rrule, rrule_start, time_zone, duration_minutes, series_from, series_until, service_ids, emergency,
			emergency_reason, approval, decided_by, decided_at, decision_note, cancelled_at, cancelled_by,
			created_by, created_at, updated_at""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	WindowStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(MaintenanceWindow window, Instant doneUntil) {
		Map<String, Object> params = params(window);
		params.put("doneUntil", Timestamp.from(doneUntil));
		jdbc.sql(
				"""
						INSERT INTO maintenance_windows (id, title, description, rollback_plan, kind, starts_at, ends_at,
						  time_intervals, rrule, rrule_start, time_zone, duration_minutes, series_from, series_until, service_ids,
						  emergency, emergency_reason, approval, decided_by, decided_at, decision_note, cancelled_at,
						  cancelled_by, timers_done_until, created_by, created_at, updated_at)
						VALUES (:id, :title, :description, :rollbackPlan, :kind, :startsAt, :endsAt, CAST(:timeIntervals AS jsonb),
						  :rrule, :rruleStart, :timeZone, :duration, :from, :until, CAST(:services AS uuid[]), :emergency,
						  :emergencyReason, :approval, :decidedBy, :decidedAt, :decisionNote, :cancelledAt, :cancelledBy,
						  :doneUntil, :createdBy, :createdAt, :updatedAt)""")
			.params(params)
			.update();
	}

	void update(MaintenanceWindow window) {
		jdbc.sql("""
				UPDATE maintenance_windows SET title = :title, description = :description,
				  rollback_plan = :rollbackPlan, kind = :kind, starts_at = :startsAt, ends_at = :endsAt,
				  time_intervals = CAST(:timeIntervals AS jsonb), rrule = :rrule, rrule_start = :rruleStart,
				  time_zone = :timeZone, duration_minutes = :duration, series_from = :from, series_until = :until,
				  service_ids = CAST(:services AS uuid[]), emergency = :emergency, emergency_reason = :emergencyReason,
				  approval = :approval, decided_by = :decidedBy, decided_at = :decidedAt, decision_note = :decisionNote,
				  cancelled_at = :cancelledAt, cancelled_by = :cancelledBy, updated_at = :updatedAt
				WHERE id = :id""").params(params(window)).update();
	}

	Optional<MaintenanceWindow> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM maintenance_windows WHERE id = :id")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	/** The window locked for this transaction, with how far its timer got. */
	Optional<Locked> lock(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + ", timers_done_until FROM maintenance_windows WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, n) -> new Locked(row(rs, n), rs.getTimestamp("timers_done_until").toInstant()))
			.optional();
	}

	record Locked(MaintenanceWindow window, Instant doneUntil) {
	}

	void doneUntil(UUID id, Instant at) {
		jdbc.sql("UPDATE maintenance_windows SET timers_done_until = :at WHERE id = :id")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Windows that are or may come in force: not cancelled before {@code since}, not
	 * rejected.
	 */
	List<MaintenanceWindow> live(Instant since) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM maintenance_windows
				WHERE approval IN ('not_required', 'approved') AND (cancelled_at IS NULL OR cancelled_at > :since)
				  AND (kind <> 'one_off' OR ends_at > :since) AND (series_until IS NULL OR series_until > :since)
				ORDER BY created_at""").param("since", Timestamp.from(since)).query(this::row).list();
	}

	/**
	 * Windows for lists, newest first.
	 * @param state all, pending (awaiting approval), cancelled, or open (neither
	 * cancelled nor rejected)
	 * @param service only windows affecting this service; null for all
	 */
	PageQuery.Page<MaintenanceWindow> list(String state, UUID service, PageQuery page) {
		String where = switch (state) {
			case "pending" -> "approval = 'pending' AND cancelled_at IS NULL";
			case "cancelled" -> "cancelled_at IS NOT NULL";
			case "open" -> "cancelled_at IS NULL AND approval <> 'rejected'";
			default -> "TRUE";
		};
		where += " AND (CAST(:service AS uuid) IS NULL OR CAST(:service AS uuid) = ANY(service_ids))";
		long[] total = { 0 };
		List<MaintenanceWindow> items = jdbc
			.sql("SELECT " + COLUMNS + ", count(*) OVER () AS total FROM maintenance_windows WHERE " + where
					+ " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
			.param("service", service)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return row(rs, n);
			})
			.list();
		if (items.isEmpty() && page.page() > 1) {
			total[0] = jdbc.sql("SELECT count(*) FROM maintenance_windows WHERE " + where)
				.param("service", service)
				.query(Long.class)
				.single();
		}
		return PageQuery.Page.of(items, page, total[0]);
	}

	private Map<String, Object> params(MaintenanceWindow w) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", w.id());
		p.put("title", w.title());
		p.put("description", w.description());
		p.put("rollbackPlan", w.rollbackPlan());
		p.put("kind", w.kind());
		p.put("startsAt", timestamp(w.startsAt()));
		p.put("endsAt", timestamp(w.endsAt()));
		p.put("timeIntervals", w.timeIntervals() == null ? null : json.writeValueAsString(w.timeIntervals()));
		p.put("rrule", w.rrule());
		p.put("rruleStart", w.rruleStart());
		p.put("timeZone", w.timeZone());
		p.put("duration", w.duration() == null ? null : (int) w.duration().toMinutes());
		p.put("from", timestamp(w.from()));
		p.put("until", timestamp(w.until()));
		p.put("services", w.serviceIds().stream().map(UUID::toString).toArray(String[]::new));
		p.put("emergency", w.emergency());
		p.put("emergencyReason", w.emergencyReason());
		p.put("approval", w.approval().value());
		p.put("decidedBy", w.decidedBy());
		p.put("decidedAt", timestamp(w.decidedAt()));
		p.put("decisionNote", w.decisionNote());
		p.put("cancelledAt", timestamp(w.cancelledAt()));
		p.put("cancelledBy", w.cancelledBy());
		p.put("createdBy", w.createdBy());
		p.put("createdAt", timestamp(w.createdAt()));
		p.put("updatedAt", timestamp(w.updatedAt()));
		return p;
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private MaintenanceWindow row(ResultSet rs, int n) throws SQLException {
		String intervals = rs.getString("time_intervals");
		Integer minutes = (Integer) rs.getObject("duration_minutes");
		UUID[] services = (UUID[]) rs.getArray("service_ids").getArray();
		return new MaintenanceWindow(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("description"),
				rs.getString("rollback_plan"), rs.getString("kind"), instant(rs, "starts_at"), instant(rs, "ends_at"),
				intervals == null ? null : json.readValue(intervals, RANGES), rs.getString("rrule"),
				rs.getObject("rrule_start", LocalDateTime.class), rs.getString("time_zone"),
				minutes == null ? null : Duration.ofMinutes(minutes), instant(rs, "series_from"),
				instant(rs, "series_until"), Arrays.asList(services), rs.getBoolean("emergency"),
				rs.getString("emergency_reason"), Approval.of(rs.getString("approval")), rs.getString("decided_by"),
				instant(rs, "decided_at"), rs.getString("decision_note"), instant(rs, "cancelled_at"),
				rs.getString("cancelled_by"), rs.getString("created_by"), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

}
