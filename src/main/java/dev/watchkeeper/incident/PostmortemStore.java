package dev.watchkeeper.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.platform.PageQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.watchkeeper.incident.Sql.instant;
import static dev.watchkeeper.incident.Sql.ts;
import static dev.watchkeeper.incident.Sql.uuid;

/** Post-mortems in {@code incident_postmortems}. */
@Repository
class PostmortemStore {

	private static final String COLUMNS = """
			id, incident_id, status, due_at, timeline, root_cause, learnings, created_at, updated_at, published_at""";

	private final JdbcClient jdbc;

	PostmortemStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the post-mortem unless the incident has one already. */
	boolean insert(Postmortem postmortem) {
		return jdbc.sql("""
				INSERT INTO incident_postmortems (id, incident_id, status, due_at, timeline, root_cause, learnings,
				  created_at, updated_at)
				VALUES (:id, :incident, :status, :due, :timeline, :rootCause, :learnings, :created, :created)
				ON CONFLICT (incident_id) DO NOTHING""")
			.param("id", postmortem.id())
			.param("incident", postmortem.incidentId())
			.param("status", postmortem.status().value())
			.param("due", ts(postmortem.dueAt()))
			.param("timeline", postmortem.timeline())
			.param("rootCause", postmortem.rootCause())
			.param("learnings", postmortem.learnings())
			.param("created", ts(postmortem.createdAt()))
			.update() > 0;
	}

	Optional<Postmortem> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM incident_postmortems WHERE id = :id")
			.param("id", id)
			.query(PostmortemStore::row)
			.optional();
	}

	Optional<Postmortem> findByIncident(UUID incidentId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM incident_postmortems WHERE incident_id = :incident")
			.param("incident", incidentId)
			.query(PostmortemStore::row)
			.optional();
	}

	void updateSections(UUID id, PostmortemDraft draft, Instant now) {
		jdbc.sql("""
				UPDATE incident_postmortems SET timeline = :timeline, root_cause = :rootCause, learnings = :learnings,
				  updated_at = :now WHERE id = :id""")
			.param("id", id)
			.param("timeline", draft.timeline())
			.param("rootCause", draft.rootCause())
			.param("learnings", draft.learnings())
			.param("now", ts(now))
			.update();
	}

	void setStatus(UUID id, PostmortemStatus status, Instant now) {
		jdbc.sql("""
				UPDATE incident_postmortems SET status = :status, updated_at = :now,
				  published_at = CASE WHEN CAST(:status AS text) = 'published' THEN :now ELSE published_at END
				WHERE id = :id""").param("id", id).param("status", status.value()).param("now", ts(now)).update();
	}

	int remindersSent(UUID id) {
		return jdbc.sql("SELECT reminders_sent FROM incident_postmortems WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	void setRemindersSent(UUID id, int sent) {
		jdbc.sql("UPDATE incident_postmortems SET reminders_sent = :sent WHERE id = :id")
			.param("id", id)
			.param("sent", sent)
			.update();
	}

	/** Due first; filtered by status when given. */
	PageQuery.Page<Postmortem> list(PostmortemStatus status, PageQuery page) {
		long[] total = { 0 };
		List<Postmortem> items = jdbc
			.sql("SELECT " + COLUMNS + ", count(*) OVER () AS total FROM incident_postmortems"
					+ " WHERE CAST(:status AS text) IS NULL OR status = CAST(:status AS text)"
					+ " ORDER BY (status = 'published'), due_at DESC, id LIMIT :limit OFFSET :offset")
			.param("status", status == null ? null : status.value())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return row(rs, n);
			})
			.list();
		return PageQuery.Page.of(items, page, total[0]);
	}

	static Postmortem row(ResultSet rs, int n) throws SQLException {
		return new Postmortem(uuid(rs, "id"), uuid(rs, "incident_id"),
				PostmortemStatus.parse(rs.getString("status")).orElseThrow(), instant(rs, "due_at"),
				rs.getString("timeline"), rs.getString("root_cause"), rs.getString("learnings"),
				instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "published_at"));
	}

}
