package dev.watchkeeper.oncall;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.identity.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Overrides in {@code oncall_overrides}. */
@Repository
class OverrideStore {

	private static final String COLUMNS = """
			id, schedule_id, layer, user_id, covered_user_id, starts_at, ends_at, note, created_by, created_at""";

	private final JdbcClient jdbc;

	OverrideStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ScheduleOverride override) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", override.id());
		params.put("schedule", override.scheduleId());
		params.put("layer", override.layer());
		params.put("user", override.userId().value());
		params.put("covered", override.coveredUserId() == null ? null : override.coveredUserId().value());
		params.put("start", Timestamp.from(override.start()));
		params.put("end", Timestamp.from(override.end()));
		params.put("note", override.note());
		params.put("by", override.createdBy());
		params.put("created", Timestamp.from(override.createdAt()));
		jdbc.sql(
				"""
						INSERT INTO oncall_overrides (id, schedule_id, layer, user_id, covered_user_id, starts_at, ends_at, note,
						  created_by, created_at)
						VALUES (:id, :schedule, :layer, :user, :covered, :start, :end, :note, :by, :created)""")
			.params(params)
			.update();
	}

	Optional<ScheduleOverride> find(UUID scheduleId, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM oncall_overrides WHERE schedule_id = :schedule AND id = :id")
			.param("schedule", scheduleId)
			.param("id", id)
			.query(OverrideStore::row)
			.optional();
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM oncall_overrides WHERE id = :id").param("id", id).update() > 0;
	}

	/** The overrides of these schedules that overlap [from, to). */
	List<ScheduleOverride> overlapping(Collection<UUID> scheduleIds, Instant from, Instant to) {
		if (scheduleIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM oncall_overrides
				WHERE schedule_id IN (:ids) AND starts_at < :to AND ends_at > :from
				ORDER BY starts_at, created_at""")
			.param("ids", List.copyOf(scheduleIds))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(OverrideStore::row)
			.list();
	}

	/** Removes the overrides of layers a schedule no longer has; returns how many. */
	int deleteAboveLayer(UUID scheduleId, int layers) {
		return jdbc.sql("DELETE FROM oncall_overrides WHERE schedule_id = :schedule AND layer > :layers")
			.param("schedule", scheduleId)
			.param("layers", layers)
			.update();
	}

	private static ScheduleOverride row(ResultSet rs, int n) throws SQLException {
		UUID covered = rs.getObject("covered_user_id", UUID.class);
		return new ScheduleOverride(rs.getObject("id", UUID.class), rs.getObject("schedule_id", UUID.class),
				rs.getInt("layer"), new UserId(rs.getObject("user_id", UUID.class)),
				covered == null ? null : new UserId(covered), rs.getTimestamp("starts_at").toInstant(),
				rs.getTimestamp("ends_at").toInstant(), rs.getString("note"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant());
	}

}
