package dev.watchkeeper.oncall;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.watchkeeper.identity.TeamId;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.platform.PageQuery;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Schedules and their layers in {@code oncall_schedules} and {@code oncall_layers}. */
@Repository
class ScheduleStore {

	private static final String COLUMNS = "id, name, description, team_id, time_zone, created_at, updated_at";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ScheduleStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Schedule schedule) {
		jdbc.sql("""
				INSERT INTO oncall_schedules (id, name, description, team_id, time_zone, created_at, updated_at)
				VALUES (:id, :name, :description, :team, :zone, :created, :updated)""")
			.params(params(schedule))
			.update();
		insertLayers(schedule);
	}

	void update(Schedule schedule) {
		jdbc.sql("""
				UPDATE oncall_schedules SET name = :name, description = :description, team_id = :team,
				  time_zone = :zone, updated_at = :updated
				WHERE id = :id""").params(params(schedule)).update();
		jdbc.sql("DELETE FROM oncall_layers WHERE schedule_id = :id").param("id", schedule.id()).update();
		insertLayers(schedule);
	}

	/** Locks the schedule's row for a change, so two editors do not interleave. */
	Optional<Schedule> lock(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM oncall_schedules WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(this::row)
			.optional()
			.map(schedule -> withLayers(List.of(schedule)).get(0));
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM oncall_schedules WHERE id = :id").param("id", id).update() > 0;
	}

	Optional<Schedule> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM oncall_schedules WHERE id = :id")
			.param("id", id)
			.query(this::row)
			.optional()
			.map(schedule -> withLayers(List.of(schedule)).get(0));
	}

	List<Schedule> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return withLayers(jdbc.sql("SELECT " + COLUMNS + " FROM oncall_schedules WHERE id IN (:ids)")
			.param("ids", List.copyOf(ids))
			.query(this::row)
			.list());
	}

	PageQuery.Page<Schedule> list(TeamId team, PageQuery page) {
		long[] total = { 0 };
		List<Schedule> schedules = jdbc.sql("SELECT " + COLUMNS + """
				, count(*) OVER () AS total FROM oncall_schedules
				WHERE CAST(:team AS uuid) IS NULL OR team_id = CAST(:team AS uuid)
				ORDER BY lower(name), id LIMIT :limit OFFSET :offset""")
			.param("team", team == null ? null : team.value())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return row(rs, n);
			})
			.list();
		if (schedules.isEmpty() && page.page() > 1) {
			total[0] = jdbc.sql("""
					SELECT count(*) FROM oncall_schedules
					WHERE CAST(:team AS uuid) IS NULL OR team_id = CAST(:team AS uuid)""")
				.param("team", team == null ? null : team.value())
				.query(Long.class)
				.single();
		}
		return PageQuery.Page.of(withLayers(schedules), page, total[0]);
	}

	/**
	 * Every schedule that has a team, by team; for "who is on call now" on the dashboard.
	 */
	List<Schedule> withTeams() {
		return withLayers(jdbc
			.sql("SELECT " + COLUMNS + " FROM oncall_schedules WHERE team_id IS NOT NULL " + "ORDER BY lower(name), id")
			.query(this::row)
			.list());
	}

	List<Schedule> ofTeam(TeamId team) {
		return withLayers(
				jdbc.sql("SELECT " + COLUMNS + " FROM oncall_schedules WHERE team_id = :team ORDER BY lower(name), id")
					.param("team", team.value())
					.query(this::row)
					.list());
	}

	/** Schedules the user takes turns in or covers an override of. */
	List<Schedule> involving(UserId user) {
		return withLayers(jdbc.sql("SELECT " + COLUMNS + """
				 FROM oncall_schedules WHERE id IN (
				  SELECT schedule_id FROM oncall_layers WHERE participants @> ARRAY[CAST(:user AS uuid)]
				  UNION SELECT schedule_id FROM oncall_overrides WHERE user_id = :user)
				ORDER BY lower(name), id""").param("user", user.value()).query(this::row).list());
	}

	private void insertLayers(Schedule schedule) {
		for (int i = 0; i < schedule.layers().size(); i++) {
			Layer layer = schedule.layers().get(i);
			Rotation rotation = layer.rotation();
			Map<String, Object> params = new HashMap<>();
			params.put("schedule", schedule.id());
			params.put("position", i + 1);
			params.put("name", layer.name());
			params.put("participants", rotation.participants().stream().map(UserId::value).toArray(UUID[]::new));
			params.put("shift", rotation.shift().value());
			params.put("length", rotation.shift() == ShiftKind.CUSTOM ? (int) rotation.length().toMinutes() : null);
			params.put("day", rotation.shift() == ShiftKind.WEEKLY ? rotation.handoffDay().getValue() : null);
			params.put("time", rotation.handoffTime());
			params.put("start", rotation.startDate());
			params.put("restrictions", restrictionsJson(layer.restrictions()));
			jdbc.sql("""
					INSERT INTO oncall_layers (schedule_id, position, name, participants, shift, shift_length_minutes,
					  handoff_day, handoff_time, start_date, restrictions)
					VALUES (:schedule, :position, :name, :participants, :shift, :length, :day, :time, :start,
					  CAST(:restrictions AS jsonb))""").params(params).update();
		}
	}

	private String restrictionsJson(List<Restriction> restrictions) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (Restriction restriction : restrictions) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("days", restriction.days().stream().map(DayOfWeek::getValue).sorted().toList());
			item.put("start", restriction.start().toString());
			item.put("end", restriction.end().toString());
			list.add(item);
		}
		return json.writeValueAsString(list);
	}

	private List<Restriction> restrictions(String text) {
		List<Restriction> restrictions = new ArrayList<>();
		for (JsonNode item : json.readTree(text)) {
			Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
			item.get("days").forEach(day -> days.add(DayOfWeek.of(day.asInt())));
			restrictions.add(new Restriction(days, LocalTime.parse(item.get("start").asString()),
					LocalTime.parse(item.get("end").asString())));
		}
		return restrictions;
	}

	private List<Schedule> withLayers(List<Schedule> schedules) {
		if (schedules.isEmpty()) {
			return schedules;
		}
		Map<UUID, List<Layer>> byId = new HashMap<>();
		jdbc.sql("""
				SELECT schedule_id, name, participants, shift, shift_length_minutes, handoff_day, handoff_time,
				  start_date, restrictions::text AS restrictions
				FROM oncall_layers WHERE schedule_id IN (:ids) ORDER BY schedule_id, position""")
			.param("ids", schedules.stream().map(Schedule::id).toList())
			.query((rs, n) -> byId.computeIfAbsent(rs.getObject("schedule_id", UUID.class), k -> new ArrayList<>())
				.add(layer(rs)))
			.list();
		return schedules.stream()
			.map(s -> new Schedule(s.id(), s.name(), s.description(), s.teamId(), s.timeZone(),
					byId.getOrDefault(s.id(), List.of()), s.createdAt(), s.updatedAt()))
			.toList();
	}

	private Layer layer(ResultSet rs) throws SQLException {
		UUID[] participants = (UUID[]) rs.getArray("participants").getArray();
		ShiftKind shift = ShiftKind.parse(rs.getString("shift")).orElseThrow();
		int length = rs.getInt("shift_length_minutes");
		int day = rs.getInt("handoff_day");
		var rotation = new Rotation(Arrays.stream(participants).map(UserId::new).toList(), shift,
				shift == ShiftKind.CUSTOM ? Duration.ofMinutes(length) : null,
				shift == ShiftKind.WEEKLY ? DayOfWeek.of(day) : null, rs.getObject("handoff_time", LocalTime.class),
				rs.getObject("start_date", java.time.LocalDate.class));
		return new Layer(rs.getString("name"), rotation, restrictions(rs.getString("restrictions")));
	}

	private static Map<String, Object> params(Schedule schedule) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", schedule.id());
		params.put("name", schedule.name());
		params.put("description", schedule.description());
		params.put("team", schedule.teamId() == null ? null : schedule.teamId().value());
		params.put("zone", schedule.timeZone());
		params.put("created", Timestamp.from(schedule.createdAt()));
		params.put("updated", Timestamp.from(schedule.updatedAt()));
		return params;
	}

	private Schedule row(ResultSet rs, int n) throws SQLException {
		UUID team = rs.getObject("team_id", UUID.class);
		return new Schedule(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
				team == null ? null : new TeamId(team), rs.getString("time_zone"), List.of(),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
