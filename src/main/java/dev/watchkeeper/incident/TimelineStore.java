package dev.watchkeeper.incident;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.watchkeeper.incident.Sql.instant;
import static dev.watchkeeper.incident.Sql.ts;
import static dev.watchkeeper.incident.Sql.uuid;

/** The append-only timeline of every incident, in {@code incident_timeline}. */
@Repository
class TimelineStore {

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	TimelineStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	TimelineEntry append(UUID incidentId, Instant at, String kind, String text, String actor, UUID actorUserId,
			Map<String, Object> data) {
		String document = json.writeValueAsString(data == null ? Map.of() : data);
		long id = jdbc.sql("""
				INSERT INTO incident_timeline (incident_id, at, kind, text, actor_name, actor_user_id, data)
				VALUES (:incident, :at, :kind, :text, :actor, :actorUser, CAST(:data AS jsonb)) RETURNING id""")
			.param("incident", incidentId)
			.param("at", ts(at))
			.param("kind", kind)
			.param("text", text)
			.param("actor", actor)
			.param("actorUser", actorUserId)
			.param("data", document)
			.query(Long.class)
			.single();
		return new TimelineEntry(id, incidentId, at, kind, text, actor, actorUserId,
				data == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data)));
	}

	/** Oldest first, in the order written. */
	List<TimelineEntry> list(UUID incidentId) {
		return jdbc.sql("""
				SELECT id, incident_id, at, kind, text, actor_name, actor_user_id, CAST(data AS text) AS data
				FROM incident_timeline WHERE incident_id = :incident ORDER BY at, id""")
			.param("incident", incidentId)
			.query((rs, n) -> new TimelineEntry(rs.getLong("id"), uuid(rs, "incident_id"), instant(rs, "at"),
					rs.getString("kind"), rs.getString("text"), rs.getString("actor_name"), uuid(rs, "actor_user_id"),
					json.readValue(rs.getString("data"), MAP)))
			.list();
	}

	/** How many entries of this kind the incident has, e.g. to show a breach once. */
	int count(UUID incidentId, String kind) {
		return jdbc.sql("SELECT count(*) FROM incident_timeline WHERE incident_id = :incident AND kind = :kind")
			.param("incident", incidentId)
			.param("kind", kind)
			.query(Integer.class)
			.single();
	}

}
