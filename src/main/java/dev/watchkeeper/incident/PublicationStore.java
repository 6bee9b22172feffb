package dev.watchkeeper.incident;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Publications and public updates in {@code incident_publications} and
 * {@code incident_public_updates}.
 */
@Repository
class PublicationStore {

	private static final String SELECT = """
			SELECT p.*, i.number FROM incident_publications p JOIN incident_incidents i ON i.id = p.incident_id""";

	private final JdbcClient jdbc;

	PublicationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void upsert(UUID incidentId, boolean visible, String title, String impact, List<UUID> componentIds, String status,
			Instant now, Instant resolvedAt) {
		jdbc.sql(
				"""
						INSERT INTO incident_publications (incident_id, public, title, impact, component_ids, status, created_at,
						  updated_at, resolved_at)
						VALUES (:id, :visible, :title, :impact, :components, :status, :now, :now, :resolved)
						ON CONFLICT (incident_id) DO UPDATE SET public = :visible, title = :title, impact = :impact,
						  component_ids = :components, status = :status, updated_at = :now, resolved_at = :resolved""")
			.param("id", incidentId)
			.param("visible", visible)
			.param("title", title)
			.param("impact", impact)
			.param("components", componentIds.toArray(UUID[]::new))
			.param("status", status)
			.param("now", Timestamp.from(now))
			.param("resolved", resolvedAt == null ? null : Timestamp.from(resolvedAt))
			.update();
	}

	void insertUpdate(UUID incidentId, Publication.PublicUpdate update) {
		jdbc.sql("""
				INSERT INTO incident_public_updates (id, incident_id, status, body, posted_by, created_at)
				VALUES (:id, :incident, :status, :body, :by, :at)""")
			.param("id", update.id())
			.param("incident", incidentId)
			.param("status", update.status())
			.param("body", update.body())
			.param("by", update.postedBy())
			.param("at", Timestamp.from(update.createdAt()))
			.update();
	}

	Optional<Publication> find(UUID incidentId) {
		return withUpdates(
				jdbc.sql(SELECT + " WHERE p.incident_id = :id").param("id", incidentId).query(this::row).list())
			.stream()
			.findFirst();
	}

	/**
	 * Public incidents unresolved, or updated at or after {@code since}, newest first, at
	 * most {@code limit}.
	 */
	List<Publication> visible(Instant since, int limit) {
		return withUpdates(jdbc.sql(SELECT + " " + """
				WHERE p.public AND (p.status <> 'resolved' OR p.updated_at >= :since)
				ORDER BY p.created_at DESC, p.incident_id LIMIT :limit""")
			.param("since", Timestamp.from(since))
			.param("limit", limit)
			.query(this::row)
			.list());
	}

	private List<Publication> withUpdates(List<Publication> publications) {
		if (publications.isEmpty()) {
			return publications;
		}
		Map<UUID, List<Publication.PublicUpdate>> updates = new HashMap<>();
		jdbc.sql("""
				SELECT * FROM incident_public_updates WHERE incident_id IN (:ids) ORDER BY created_at DESC, id""")
			.param("ids", publications.stream().map(Publication::incidentId).toList())
			.query((rs, n) -> updates.computeIfAbsent(rs.getObject("incident_id", UUID.class), k -> new ArrayList<>())
				.add(new Publication.PublicUpdate(rs.getObject("id", UUID.class), rs.getString("status"),
						rs.getString("body"), rs.getString("posted_by"), rs.getTimestamp("created_at").toInstant())))
			.list();
		return publications.stream()
			.map(p -> new Publication(p.incidentId(), p.number(), p.visible(), p.title(), p.impact(), p.componentIds(),
					p.status(), p.createdAt(), p.updatedAt(), p.resolvedAt(),
					updates.getOrDefault(p.incidentId(), List.of())))
			.toList();
	}

	private Publication row(ResultSet rs, int n) throws SQLException {
		Array components = rs.getArray("component_ids");
		Timestamp resolved = rs.getTimestamp("resolved_at");
		return new Publication(rs.getObject("incident_id", UUID.class), rs.getLong("number"), rs.getBoolean("public"),
				rs.getString("title"), rs.getString("impact"),
				components == null ? List.of() : Arrays.asList((UUID[]) components.getArray()), rs.getString("status"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				resolved == null ? null : resolved.toInstant(), List.of());
	}

}
