package dev.watchkeeper.alerting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Durable aggregation groups in {@code alerting_groups}. */
@Repository
class AlertGroupStore {

	private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AlertGroupStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A group to create, or to flush sooner if it has not flushed yet. */
	record NewGroup(String key, String routeId, String receiver, Map<String, String> labels, Instant firstFlushAt) {
	}

	/**
	 * A stored group.
	 *
	 * @param key the group key
	 * @param routeId the route's id
	 * @param receiver the receiver when last flushed (or created)
	 * @param labels the group labels
	 * @param nextFlushAt when it is due
	 * @param lastFlushAt when it was last flushed
	 * @param state what the receiver was told
	 */
	record Group(String key, String routeId, String receiver, Map<String, String> labels, Instant nextFlushAt,
			Instant lastFlushAt, GroupFlush.State state) {
	}

	/**
	 * Creates the groups that do not exist yet; existing ones that have not flushed only
	 * move their first flush earlier. Two statements, so that intake does not lock the
	 * rows of groups it leaves alone: a group row that many concurrent batches touch
	 * (every new alert of a busy service joins the same group) would otherwise serialise
	 * them until each commits. Rows are visited in group-key order, so two batches that
	 * create the same groups queue instead of deadlocking.
	 */
	void upsert(List<NewGroup> groups, Instant now) {
		if (groups.isEmpty()) {
			return;
		}
		List<NewGroup> sorted = groups.stream().sorted(Comparator.comparing(NewGroup::key)).toList();
		String[] keys = sorted.stream().map(NewGroup::key).toArray(String[]::new);
		String[] flushes = sorted.stream().map(g -> g.firstFlushAt().toString()).toArray(String[]::new);
		int created = jdbc.sql("""
				INSERT INTO alerting_groups (group_key, route_id, receiver, group_labels, next_flush_at, created_at)
				SELECT k, r, rc, CAST(l AS jsonb), CAST(f AS timestamptz), :now
				  FROM unnest(CAST(:keys AS text[]), CAST(:routes AS text[]), CAST(:receivers AS text[]),
				              CAST(:labels AS text[]), CAST(:flushes AS text[])) WITH ORDINALITY AS t(k, r, rc, l, f, i)
				 ORDER BY i
				ON CONFLICT (group_key) DO NOTHING""")
			.param("keys", keys)
			.param("routes", sorted.stream().map(NewGroup::routeId).toArray(String[]::new))
			.param("receivers", sorted.stream().map(NewGroup::receiver).toArray(String[]::new))
			.param("labels", sorted.stream().map(g -> json.writeValueAsString(g.labels())).toArray(String[]::new))
			.param("flushes", flushes)
			.param("now", Timestamp.from(now))
			.update();
		if (created == sorted.size()) {
			return;
		}
		// only rows that must move are locked (the row is re-checked after a wait)
		jdbc.sql("""
				UPDATE alerting_groups AS g SET next_flush_at = t.f
				  FROM unnest(CAST(:keys AS text[]), CAST(:flushes AS timestamptz[])) AS t(k, f)
				 WHERE g.group_key = t.k AND g.last_flush_at IS NULL AND g.next_flush_at > t.f""")
			.param("keys", keys)
			.param("flushes", flushes)
			.update();
	}

	/**
	 * One due group, locked for this transaction; groups other nodes hold are skipped.
	 */
	Optional<Group> claimDue(Instant now) {
		return jdbc.sql("""
				SELECT group_key, route_id, receiver, group_labels::text AS group_labels, next_flush_at, last_flush_at,
				       notified_at, notified, sequence
				  FROM alerting_groups WHERE next_flush_at <= :now
				 ORDER BY next_flush_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.param("now", Timestamp.from(now))
			.query(this::row)
			.optional();
	}

	List<Group> list(int limit) {
		return jdbc.sql("""
				SELECT group_key, route_id, receiver, group_labels::text AS group_labels, next_flush_at, last_flush_at,
				       notified_at, notified, sequence
				  FROM alerting_groups ORDER BY next_flush_at LIMIT :limit""")
			.param("limit", limit)
			.query(this::row)
			.list();
	}

	void update(String key, String receiver, GroupFlush.State state, Instant flushedAt, Instant nextFlushAt) {
		jdbc.sql("""
				UPDATE alerting_groups SET receiver = :receiver, next_flush_at = :next, last_flush_at = :flushed,
				       notified_at = :notifiedAt, notified = CAST(:notified AS text[]), sequence = :sequence
				 WHERE group_key = :key""")
			.param("key", key)
			.param("receiver", receiver)
			.param("next", Timestamp.from(nextFlushAt))
			.param("flushed", Timestamp.from(flushedAt))
			.param("notifiedAt", state.notifiedAt() == null ? null : Timestamp.from(state.notifiedAt()))
			.param("notified", state.notified().stream().sorted().toArray(String[]::new))
			.param("sequence", state.sequence())
			.update();
	}

	/** Moves these groups' next flush to {@code now} where it is later. */
	void makeDue(java.util.Collection<String> keys, Instant now) {
		jdbc.sql("UPDATE alerting_groups SET next_flush_at = :now WHERE group_key = ANY(CAST(:keys AS text[])) "
				+ "AND next_flush_at > :now")
			.param("keys", keys.stream().sorted().toArray(String[]::new))
			.param("now", Timestamp.from(now))
			.update();
	}

	void postpone(String key, Instant until) {
		jdbc.sql("UPDATE alerting_groups SET next_flush_at = :until WHERE group_key = :key")
			.param("key", key)
			.param("until", Timestamp.from(until))
			.update();
	}

	void delete(String key) {
		jdbc.sql("DELETE FROM alerting_groups WHERE group_key = :key").param("key", key).update();
	}

	private Group row(ResultSet rs, int n) throws SQLException {
		Timestamp last = rs.getTimestamp("last_flush_at");
		Timestamp notifiedAt = rs.getTimestamp("notified_at");
		String[] notified = (String[]) rs.getArray("notified").getArray();
		Set<String> told = new LinkedHashSet<>(Arrays.asList(notified));
		return new Group(rs.getString("group_key"), rs.getString("route_id"), rs.getString("receiver"),
				json.readValue(rs.getString("group_labels"), MAP), rs.getTimestamp("next_flush_at").toInstant(),
				last == null ? null : last.toInstant(), new GroupFlush.State(Set.copyOf(told),
						notifiedAt == null ? null : notifiedAt.toInstant(), rs.getLong("sequence")));
	}

}
