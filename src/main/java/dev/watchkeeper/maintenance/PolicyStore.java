package dev.watchkeeper.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The policy row in {@code maintenance_policy} and follow-ups in
 * {@code maintenance_follow_ups}.
 */
@Repository
class PolicyStore {

	private static final TypeReference<List<Map<String, Object>>> RANGES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	PolicyStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	MaintenancePolicy policy() {
		return jdbc.sql("""
				SELECT max_duration_minutes, min_notice_minutes, reminder_minutes, follow_up_minutes,
				       default_window::text AS default_window, updated_at, updated_by
				  FROM maintenance_policy WHERE id = 1""")
			.query((rs, n) -> new MaintenancePolicy(Duration.ofMinutes(rs.getInt("max_duration_minutes")),
					Duration.ofMinutes(rs.getInt("min_notice_minutes")),
					Duration.ofMinutes(rs.getInt("reminder_minutes")),
					Duration.ofMinutes(rs.getInt("follow_up_minutes")),
					json.readValue(rs.getString("default_window"), RANGES), rs.getTimestamp("updated_at").toInstant(),
					rs.getString("updated_by")))
			.single();
	}

	void update(MaintenancePolicy policy) {
		jdbc.sql("""
				UPDATE maintenance_policy SET max_duration_minutes = :max, min_notice_minutes = :notice,
				  reminder_minutes = :reminder, follow_up_minutes = :followUp,
				  default_window = CAST(:defaultWindow AS jsonb), updated_at = :at, updated_by = :by
				WHERE id = 1""")
			.param("max", (int) policy.maxDuration().toMinutes())
			.param("notice", (int) policy.minNotice().toMinutes())
			.param("reminder", (int) policy.reminderBefore().toMinutes())
			.param("followUp", (int) policy.followUpAfter().toMinutes())
			.param("defaultWindow", json.writeValueAsString(policy.defaultWindow()))
			.param("at", Timestamp.from(policy.updatedAt()))
			.param("by", policy.updatedBy())
			.update();
	}

	void insertFollowUp(FollowUp followUp) {
		jdbc.sql("""
				INSERT INTO maintenance_follow_ups (id, window_id, title, due_at, created_at)
				VALUES (:id, :window, :title, :due, :created)
				ON CONFLICT (window_id) DO UPDATE SET due_at = EXCLUDED.due_at""")
			.param("id", followUp.id())
			.param("window", followUp.windowId())
			.param("title", followUp.title())
			.param("due", Timestamp.from(followUp.dueAt()))
			.param("created", Timestamp.from(followUp.createdAt()))
			.update();
	}

	Optional<FollowUp> followUp(UUID windowId) {
		return jdbc.sql("SELECT * FROM maintenance_follow_ups WHERE window_id = :window")
			.param("window", windowId)
			.query(this::followUpRow)
			.optional();
	}

	/** Follow-ups, open ones first by due date. */
	List<FollowUp> followUps(boolean openOnly, int limit) {
		return jdbc
			.sql("SELECT * FROM maintenance_follow_ups WHERE (NOT :open OR done_at IS NULL) "
					+ "ORDER BY done_at IS NOT NULL, due_at LIMIT :limit")
			.param("open", openOnly)
			.param("limit", limit)
			.query(this::followUpRow)
			.list();
	}

	int completeFollowUp(UUID windowId, String by, String note, java.time.Instant at) {
		return jdbc.sql("""
				UPDATE maintenance_follow_ups SET done_at = :at, done_by = :by, note = :note
				WHERE window_id = :window AND done_at IS NULL""")
			.param("window", windowId)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("note", note)
			.update();
	}

	private FollowUp followUpRow(ResultSet rs, int n) throws SQLException {
		Timestamp done = rs.getTimestamp("done_at");
		return new FollowUp(rs.getObject("id", UUID.class), rs.getObject("window_id", UUID.class),
				rs.getString("title"), rs.getTimestamp("due_at").toInstant(), done == null ? null : done.toInstant(),
				rs.getString("done_by"), rs.getString("note"), rs.getTimestamp("created_at").toInstant());
	}

}
