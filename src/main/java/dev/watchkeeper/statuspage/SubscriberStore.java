package dev.watchkeeper.statuspage;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.platform.PageQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Subscribers in {@code statuspage_subscribers}. */
@Repository
class SubscriberStore {

	private final JdbcClient jdbc;

	SubscriberStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Subscriber subscriber) {
		jdbc.sql("""
				INSERT INTO statuspage_subscribers (id, kind, email, endpoint, component_ids, confirmed_at, created_at)
				VALUES (:id, :kind, :email, :endpoint, :components, NULL, :created)""")
			.param("id", subscriber.id())
			.param("kind", subscriber.kind())
			.param("email", subscriber.email())
			.param("endpoint", subscriber.endpoint())
			.param("components", subscriber.componentIds().toArray(UUID[]::new))
			.param("created", Timestamp.from(subscriber.createdAt()))
			.update();
	}

	/**
	 * Confirms a pending subscriber and removes the earlier subscriptions of the same
	 * address and endpoint, which the new choice of components replaces. Empty when there
	 * is no such subscriber.
	 */
	Optional<Subscriber> confirm(UUID id, Instant now) {
		Optional<Subscriber> confirmed = jdbc
			.sql("""
					UPDATE statuspage_subscribers SET confirmed_at = coalesce(confirmed_at, :now) WHERE id = :id RETURNING *""")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.query(SubscriberStore::row)
			.optional();
		confirmed.ifPresent(s -> jdbc.sql("""
				DELETE FROM statuspage_subscribers
				WHERE id <> :id AND kind = :kind AND lower(email) = lower(:email)
				  AND coalesce(endpoint, '') = coalesce(:endpoint, '') AND created_at <= :created""")
			.param("id", s.id())
			.param("kind", s.kind())
			.param("email", s.email())
			.param("endpoint", s.endpoint())
			.param("created", Timestamp.from(s.createdAt()))
			.update());
		return confirmed;
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM statuspage_subscribers WHERE id = :id").param("id", id).update() > 0;
	}

	int deletePendingBefore(Instant before) {
		return jdbc.sql("DELETE FROM statuspage_subscribers WHERE confirmed_at IS NULL AND created_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	/** Every confirmed subscriber, by id (bounded by the page size). */
	List<Subscriber> confirmed(int limit) {
		return jdbc.sql("SELECT * FROM statuspage_subscribers WHERE confirmed_at IS NOT NULL ORDER BY id LIMIT :limit")
			.param("limit", limit)
			.query(SubscriberStore::row)
			.list();
	}

	PageQuery.Page<Subscriber> list(PageQuery page) {
		long total = jdbc.sql("SELECT count(*) FROM statuspage_subscribers").query(Long.class).single();
		List<Subscriber> items = jdbc.sql("""
				SELECT * FROM statuspage_subscribers ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset""")
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(SubscriberStore::row)
			.list();
		return PageQuery.Page.of(items, page, total);
	}

	private static Subscriber row(ResultSet rs, int n) throws SQLException {
		Array components = rs.getArray("component_ids");
		Timestamp confirmed = rs.getTimestamp("confirmed_at");
		return new Subscriber(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("email"),
				rs.getString("endpoint"),
				components == null ? List.of() : Arrays.asList((UUID[]) components.getArray()),
				confirmed == null ? null : confirmed.toInstant(), rs.getTimestamp("created_at").toInstant());
	}

}
