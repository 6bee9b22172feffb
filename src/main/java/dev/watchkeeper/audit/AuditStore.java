package dev.watchkeeper.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import dev.watchkeeper.platform.PageQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code audit_entries} table: appends under a lock, filtered pages, and batches for
 * verification.
 */
@Repository
class AuditStore {

	/**
	 * Serialises appends so that two transactions cannot link to the same previous entry.
	 */
	private static final long APPEND_LOCK = 0x5741_5443_4841_5544L;

	private static final String COLUMNS = """
			id, occurred_at, actor_kind, actor_id, actor_name, actor_user_id, action, target_type, target_id,
			summary, before_state, after_state, ip_address, user_agent, request_id, prev_hash, hash""";

	private static final String FILTER = """
			WHERE (CAST(:action AS text) IS NULL OR action = :action)
			  AND (CAST(:targetType AS text) IS NULL OR target_type = :targetType)
			  AND (CAST(:targetId AS text) IS NULL OR target_id = :targetId)
			  AND (CAST(:actor AS text) IS NULL OR actor_id = :actor OR actor_name ILIKE :actorPattern)
			  AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= CAST(:from AS timestamptz))
			  AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < CAST(:to AS timestamptz))""";

	private final JdbcClient jdbc;

	AuditStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks the chain until the transaction ends and returns the newest hash. */
	String lockAndReadLastHash() {
		jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", APPEND_LOCK).query(Object.class).single();
		return jdbc.sql("SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.optional()
			.orElse(AuditHash.GENESIS);
	}

	void insert(AuditEntry entry) {
		jdbc.sql("""
				INSERT INTO audit_entries (occurred_at, actor_kind, actor_id, actor_name, actor_user_id, action,
				  target_type, target_id, summary, before_state, after_state, ip_address, user_agent, request_id,
				  prev_hash, hash)
				VALUES (:occurredAt, :actorKind, :actorId, :actorName, :actorUserId, :action, :targetType, :targetId,
				  :summary, :before, :after, :ip, :userAgent, :requestId, :previousHash, :hash)""")
			.param("occurredAt", Timestamp.from(entry.occurredAt()))
			.param("actorKind", entry.actorKind())
			.param("actorId", entry.actorId())
			.param("actorName", entry.actorName())
			.param("actorUserId", entry.actorUserId())
			.param("action", entry.action())
			.param("targetType", entry.targetType())
			.param("targetId", entry.targetId())
			.param("summary", entry.summary())
			.param("before", entry.before())
			.param("after", entry.after())
			.param("ip", entry.ipAddress())
			.param("userAgent", entry.userAgent())
			.param("requestId", entry.requestId())
			.param("previousHash", entry.previousHash())
			.param("hash", entry.hash())
			.update();
	}

	PageQuery.Page<AuditEntry> list(AuditFilter filter, PageQuery page) {
		List<AuditEntry> entries = filtered(jdbc.sql("SELECT " + COLUMNS + " FROM audit_entries " + FILTER
				+ " ORDER BY id DESC LIMIT :limit OFFSET :offset"), filter)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::row)
			.list();
		long total = filtered(jdbc.sql("SELECT count(*) FROM audit_entries " + FILTER), filter).query(Long.class)
			.single();
		return PageQuery.Page.of(entries, page, total);
	}

	/** Entries after {@code afterId} in chain order. */
	List<AuditEntry> batchAfter(long afterId, int size) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entries WHERE id > :after ORDER BY id LIMIT :size")
			.param("after", afterId)
			.param("size", size)
			.query(this::row)
			.list();
	}

	private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec statement, AuditFilter filter) {
		return statement.param("action", filter.action())
			.param("targetType", filter.targetType())
			.param("targetId", filter.targetId())
			.param("actor", filter.actor())
			.param("actorPattern",
					filter.actor() == null ? null
							: "%" + filter.actor().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.param("from", filter.from() == null ? null : Timestamp.from(filter.from()))
			.param("to", filter.to() == null ? null : Timestamp.from(filter.to()));
	}

	private AuditEntry row(ResultSet rs, int n) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_kind"),
				rs.getString("actor_id"), rs.getString("actor_name"), rs.getString("actor_user_id"),
				rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"), rs.getString("summary"),
				rs.getString("before_state"), rs.getString("after_state"), rs.getString("ip_address"),
				rs.getString("user_agent"), rs.getString("request_id"), rs.getString("prev_hash"),
				rs.getString("hash"));
	}

}
