package dev.watchkeeper.incident;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.watchkeeper.incident.Sql.instant;
import static dev.watchkeeper.incident.Sql.ts;
import static dev.watchkeeper.incident.Sql.uuid;

/** Action items in {@code incident_action_items}. */
@Repository
class ActionItemStore {

	private static final String COLUMNS = """
			id, postmortem_id, title, owner_id, due_date, status, overdue_notified_at, created_at, updated_at, done_at""";

	private final JdbcClient jdbc;

	ActionItemStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ActionItem item) {
		jdbc.sql("""
				INSERT INTO incident_action_items (id, postmortem_id, title, owner_id, due_date, status, created_at,
				  updated_at, done_at)
				VALUES (:id, :postmortem, :title, :owner, :due, :status, :created, :created, :done)""")
			.param("id", item.id())
			.param("postmortem", item.postmortemId())
			.param("title", item.title())
			.param("owner", item.ownerId())
			.param("due", Date.valueOf(item.dueDate()))
			.param("status", item.status().value())
			.param("created", ts(item.createdAt()))
			.param("done", ts(item.doneAt()))
			.update();
	}

	void update(ActionItem item) {
		jdbc.sql("""
				UPDATE incident_action_items SET title = :title, owner_id = :owner, due_date = :due, status = :status,
				  overdue_notified_at = :notified, updated_at = :updated, done_at = :done
				WHERE id = :id""")
			.param("id", item.id())
			.param("title", item.title())
			.param("owner", item.ownerId())
			.param("due", Date.valueOf(item.dueDate()))
			.param("status", item.status().value())
			.param("notified", ts(item.overdueNotifiedAt()))
			.param("updated", ts(item.updatedAt()))
			.param("done", ts(item.doneAt()))
			.update();
	}

	Optional<ActionItem> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM incident_action_items WHERE id = :id")
			.param("id", id)
			.query(ActionItemStore::row)
			.optional();
	}

	Optional<ActionItem> lock(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM incident_action_items WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(ActionItemStore::row)
			.optional();
	}

	List<ActionItem> ofPostmortem(UUID postmortemId) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM incident_action_items WHERE postmortem_id = :postmortem ORDER BY created_at, id")
			.param("postmortem", postmortemId)
			.query(ActionItemStore::row)
			.list();
	}

	/**
	 * Items not done, soonest due first; only those due before {@code dueBefore} when
	 * given.
	 */
	List<ActionItem> open(LocalDate dueBefore, int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM incident_action_items WHERE status <> 'done'"
					+ " AND (CAST(:before AS date) IS NULL OR due_date < CAST(:before AS date))"
					+ " ORDER BY due_date, created_at, id LIMIT :limit")
			.param("before", dueBefore == null ? null : Date.valueOf(dueBefore))
			.param("limit", limit)
			.query(ActionItemStore::row)
			.list();
	}

	static ActionItem row(ResultSet rs, int n) throws SQLException {
		return new ActionItem(uuid(rs, "id"), uuid(rs, "postmortem_id"), rs.getString("title"), uuid(rs, "owner_id"),
				rs.getDate("due_date").toLocalDate(), ActionItemStatus.parse(rs.getString("status")).orElseThrow(),
				instant(rs, "overdue_notified_at"), instant(rs, "created_at"), instant(rs, "updated_at"),
				instant(rs, "done_at"));
	}

}
