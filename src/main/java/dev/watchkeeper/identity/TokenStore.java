package dev.watchkeeper.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * API and session tokens in {@code identity_api_tokens}; only SHA-256 hashes are stored.
 */
@Repository
class TokenStore {

	private static final String COLUMNS = """
			id, user_id, name, prefix, role, created_at, expires_at, last_used_at, revoked_at""";

	private final JdbcClient jdbc;

	TokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ApiToken token, String kind, String hash) {
		jdbc.sql(
				"""
						INSERT INTO identity_api_tokens (id, user_id, name, kind, token_hash, prefix, role, created_at, expires_at)
						VALUES (:id, :user, :name, :kind, :hash, :prefix, :role, :created, :expires)""")
			.param("id", token.id())
			.param("user", token.userId().value())
			.param("name", token.name())
			.param("kind", kind)
			.param("hash", hash)
			.param("prefix", token.prefix())
			.param("role", token.role().value())
			.param("created", Timestamp.from(token.createdAt()))
			.param("expires", token.expiresAt() == null ? null : Timestamp.from(token.expiresAt()))
			.update();
	}

	/**
	 * An unrevoked token with this hash and its owner, in one statement: all that
	 * authenticating a request needs, without a transaction.
	 */
	Optional<Bearer> findBearer(String hash) {
		return jdbc.sql("""
				SELECT t.id, t.name, t.kind, t.role, t.expires_at, t.last_used_at,
				  u.id AS user_id, u.email, u.name AS user_name, u.role AS user_role, u.disabled
				FROM identity_api_tokens t JOIN identity_users u ON u.id = t.user_id
				WHERE t.token_hash = :hash AND t.revoked_at IS NULL""")
			.param("hash", hash)
			.query((rs, n) -> new Bearer(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("kind"),
					Role.parse(rs.getString("role")).orElseThrow(), instant(rs, "expires_at"),
					instant(rs, "last_used_at"), new UserId(rs.getObject("user_id", UUID.class)), rs.getString("email"),
					rs.getString("user_name"), Role.parse(rs.getString("user_role")).orElseThrow(),
					rs.getBoolean("disabled")))
			.optional();
	}

	/** A token as {@link #findBearer} reads it, with its owner. */
	record Bearer(UUID tokenId, String tokenName, String kind, Role tokenRole, Instant expiresAt, Instant lastUsedAt,
			UserId userId, String email, String userName, Role userRole, boolean disabled) {

		boolean activeAt(Instant now) {
			return !disabled && (expiresAt == null || expiresAt.isAfter(now));
		}

		/** Whether {@link TokenStore#touch} would record this use. */
		boolean touchDueAt(Instant now) {
			return lastUsedAt == null || lastUsedAt.isBefore(now.minusSeconds(60));
		}

		/** This token as {@link TokenStore#touch} at {@code now} leaves it. */
		Bearer usedAt(Instant now) {
			return new Bearer(tokenId, tokenName, kind, tokenRole, expiresAt, now, userId, email, userName, userRole,
					disabled);
		}

	}

	Optional<ApiToken> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM identity_api_tokens WHERE id = :id AND kind = 'api'")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	List<ApiToken> listApi(UserId owner) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM identity_api_tokens WHERE kind = 'api' AND (:owner::uuid IS NULL OR user_id = :owner::uuid)
				ORDER BY created_at DESC""")
			.param("owner", owner == null ? null : owner.value())
			.query(this::row)
			.list();
	}

	/** Records use at minute resolution, so busy tokens do not write on every request. */
	void touch(UUID id, Instant now) {
		jdbc.sql(
				"""
						UPDATE identity_api_tokens SET last_used_at = :now
						WHERE id = :id AND (last_used_at IS NULL OR last_used_at < CAST(:now AS timestamptz) - interval '1 minute')""")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update();
	}

	boolean revoke(UUID id, Instant now) {
		return jdbc.sql("UPDATE identity_api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update() > 0;
	}

	void revokeAllOf(UserId user, Instant now) {
		jdbc.sql("UPDATE identity_api_tokens SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
			.param("user", user.value())
			.param("now", Timestamp.from(now))
			.update();
	}

	private ApiToken row(ResultSet rs, int n) throws SQLException {
		return new ApiToken(rs.getObject("id", UUID.class), new UserId(rs.getObject("user_id", UUID.class)),
				rs.getString("name"), rs.getString("prefix"), Role.parse(rs.getString("role")).orElseThrow(),
				instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "last_used_at"),
				instant(rs, "revoked_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
