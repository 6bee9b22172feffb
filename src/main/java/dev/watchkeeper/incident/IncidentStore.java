package dev.watchkeeper.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.platform.PageQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.watchkeeper.incident.Sql.instant;
import static dev.watchkeeper.incident.Sql.ts;
import static dev.watchkeeper.incident.Sql.uuid;

/** Incidents in {@code incident_incidents}. */
@Repository
class IncidentStore {

	static final String COLUMNS = """
			id, number, title, summary, severity, service_id, status, channel, declared_at, declared_by,
			declared_by_user_id, acknowledged_at, acknowledged_by, ack_due_at, resolve_due_at, ack_breached_at,
			resolve_breached_at, resolved_at, closed_at, commander_id, communications_lead_id, scribe_id,
			last_update_at, last_reminder_at, updated_at""";

	private static final String FILTER = """
			WHERE (CAST(:status AS text) IS NULL OR status = CAST(:status AS text)
			       OR (CAST(:status AS text) = 'open' AND status NOT IN ('resolved', 'closed')))
			  AND (CAST(:severity AS text) IS NULL OR severity = CAST(:severity AS text))
			  AND (CAST(:service AS uuid) IS NULL OR service_id = CAST(:service AS uuid))""";

	private final JdbcClient jdbc;

	IncidentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the incident, unless its channel name is taken; the database assigns its
	 * number.
	 */
	Optional<Incident> insert(Incident incident) {
		return jdbc.sql("""
				INSERT INTO incident_incidents (id, title, summary, severity, service_id, status, channel, declared_at,
				  declared_by, declared_by_user_id, ack_due_at, resolve_due_at, last_update_at, updated_at)
				VALUES (:id, :title, :summary, :severity, :service, :status, :channel, :declared, :declaredBy,
				  :declaredByUser, :ackDue, :resolveDue, :declared, :declared)
				ON CONFLICT (channel) DO NOTHING
				RETURNING\s""" + COLUMNS)
			.param("id", incident.id())
			.param("title", incident.title())
			.param("summary", incident.summary())
			.param("severity", incident.severity())
			.param("service", incident.serviceId())
			.param("status", incident.status().value())
			.param("channel", incident.channel())
			.param("declared", ts(incident.declaredAt()))
			.param("declaredBy", incident.declaredBy())
			.param("declaredByUser", incident.declaredByUserId())
			.param("ackDue", ts(incident.ackDueAt()))
			.param("resolveDue", ts(incident.resolveDueAt()))
			.query(IncidentStore::row)
			.optional();
	}

	/** Column name and value pairs for {@link #set}; values may be null. */
	static Map<String, Object> columns(Object... pairs) {
		Map<String, Object> columns = new java.util.LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			columns.put((String) pairs[i], pairs[i + 1]);
		}
		return columns;
	}

	static String roleColumn(IncidentRole role) {
		return switch (role) {
			case COMMANDER -> "commander_id";
			case COMMUNICATIONS_LEAD -> "communications_lead_id";
			case SCRIBE -> "scribe_id";
		};
	}

	/** The columns {@link #set} may change. */
	private static final java.util.Set<String> MUTABLE = java.util.Set.of("severity", "status", "acknowledged_at",
			"acknowledged_by", "ack_due_at", "resolve_due_at", "ack_breached_at", "resolve_breached_at", "resolved_at",
			"closed_at", "commander_id", "communications_lead_id", "scribe_id", "last_update_at", "last_reminder_at");

	/**
	 * Sets the given columns (a fixed set of names, never user input) and
	 * {@code updated_at}.
	 */
	void set(UUID id, java.time.Instant now, Map<String, Object> columns) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder assignments = new StringBuilder("updated_at = :updated_at");
		columns.forEach((column, value) -> {
			if (!MUTABLE.contains(column)) {
				throw new IllegalArgumentException("not a mutable incident column: " + column);
			}
			assignments.append(", ").append(column).append(" = :").append(column);
			params.put(column, value instanceof java.time.Instant at ? ts(at)
					: value instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT) : value);
		});
		params.put("updated_at", ts(now));
		params.put("id", id);
		jdbc.sql("UPDATE incident_incidents SET " + assignments + " WHERE id = :id").params(params).update();
	}

	Optional<Incident> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM incident_incidents WHERE id = :id")
			.param("id", id)
			.query(IncidentStore::row)
			.optional();
	}

	Optional<Incident> findByNumber(long number) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM incident_incidents WHERE number = :number")
			.param("number", number)
			.query(IncidentStore::row)
			.optional();
	}

	/** Reads the incident and locks its row until the transaction ends. */
	Optional<Incident> lock(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM incident_incidents WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(IncidentStore::row)
			.optional();
	}

	/** Newest first; one page and the total in one query. */
	PageQuery.Page<Incident> list(IncidentFilter filter, PageQuery page) {
		long[] total = { 0 };
		List<Incident> items = jdbc
			.sql("SELECT " + COLUMNS + ", count(*) OVER () AS total FROM incident_incidents " + FILTER
					+ " ORDER BY declared_at DESC, number DESC LIMIT :limit OFFSET :offset")
			.param("status", filter.status())
			.param("severity", filter.severity())
			.param("service", filter.serviceId())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return row(rs, n);
			})
			.list();
		if (items.isEmpty() && page.page() > 1) {
			total[0] = jdbc.sql("SELECT count(*) FROM incident_incidents " + FILTER)
				.param("status", filter.status())
				.param("severity", filter.severity())
				.param("service", filter.serviceId())
				.query(Long.class)
				.single();
		}
		return PageQuery.Page.of(items, page, total[0]);
	}

	static Incident row(ResultSet rs, int n) throws SQLException {
		return new Incident(uuid(rs, "id"), rs.getLong("number"), rs.getString("title"), rs.getString("summary"),
				rs.getString("severity"), uuid(rs, "service_id"),
				IncidentStatus.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
				rs.getString("channel"), instant(rs, "declared_at"), rs.getString("declared_by"),
				uuid(rs, "declared_by_user_id"), instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
				instant(rs, "ack_due_at"), instant(rs, "resolve_due_at"), instant(rs, "ack_breached_at"),
				instant(rs, "resolve_breached_at"), instant(rs, "resolved_at"), instant(rs, "closed_at"),
				uuid(rs, "commander_id"), uuid(rs, "communications_lead_id"), uuid(rs, "scribe_id"),
				instant(rs, "last_update_at"), instant(rs, "last_reminder_at"), instant(rs, "updated_at"));
	}

}
