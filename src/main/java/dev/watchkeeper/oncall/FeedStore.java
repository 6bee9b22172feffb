package dev.watchkeeper.oncall;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * iCal feed links in {@code oncall_feeds}: a token's hash for lookup, the token sealed.
 */
@Repository
class FeedStore {

	/**
	 * One feed.
	 *
	 * @param kind schedule or user
	 * @param subjectId the schedule's or user's id
	 * @param tokenSealed the token, encrypted
	 * @param createdAt when the link was made
	 */
	record Feed(String kind, UUID subjectId, String tokenSealed, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	FeedStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Feed> byHash(String hash) {
		return jdbc.sql("SELECT kind, subject_id, token_sealed, created_at FROM oncall_feeds WHERE token_hash = :hash")
			.param("hash", hash)
			.query((rs, n) -> new Feed(rs.getString("kind"), rs.getObject("subject_id", UUID.class),
					rs.getString("token_sealed"), rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	Optional<Feed> of(String kind, UUID subject) {
		return jdbc.sql("""
				SELECT kind, subject_id, token_sealed, created_at FROM oncall_feeds
				WHERE kind = :kind AND subject_id = :subject""")
			.param("kind", kind)
			.param("subject", subject)
			.query((rs, n) -> new Feed(rs.getString("kind"), rs.getObject("subject_id", UUID.class),
					rs.getString("token_sealed"), rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	/** Replaces the subject's link, so the old one stops working at once. */
	void replace(String kind, UUID subject, String hash, String sealed, Instant now) {
		jdbc.sql("""
				INSERT INTO oncall_feeds (id, kind, subject_id, token_hash, token_sealed, created_at)
				VALUES (:id, :kind, :subject, :hash, :sealed, :now)
				ON CONFLICT (kind, subject_id) DO UPDATE SET token_hash = EXCLUDED.token_hash,
				  token_sealed = EXCLUDED.token_sealed, created_at = EXCLUDED.created_at, last_used_at = NULL""")
			.param("id", UUID.randomUUID())
			.param("kind", kind)
			.param("subject", subject)
			.param("hash", hash)
			.param("sealed", sealed)
			.param("now", Timestamp.from(now))
			.update();
	}

	void used(String hash, Instant now) {
		jdbc.sql("UPDATE oncall_feeds SET last_used_at = :now WHERE token_hash = :hash")
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.update();
	}

	void delete(String kind, UUID subject) {
		jdbc.sql("DELETE FROM oncall_feeds WHERE kind = :kind AND subject_id = :subject")
			.param("kind", kind)
			.param("subject", subject)
			.update();
	}

}
