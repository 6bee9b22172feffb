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
 * Integration keys in {@code identity_integration_keys}; only SHA-256 hashes are stored.
 */
@Repository
class IntegrationKeyStore {

	private static final String SELECT = """
			SELECT k.id, k.name, k.prefix, k.service_id, k.service_slug, k.team_id, t.slug AS team_slug, k.created_by,
			       k.created_at, k.last_used_at, k.revoked_at
			  FROM identity_integration_keys k LEFT JOIN identity_teams t ON t.id = k.team_id""";

	private final JdbcClient jdbc;

	IntegrationKeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(IntegrationKey key, String hash) {
		jdbc.sql("""
				INSERT INTO identity_integration_keys (id, name, key_hash, prefix, service_id, service_slug, team_id,
				  created_by, created_at)
				VALUES (:id, :name, :hash, :prefix, :serviceId, :serviceSlug, :teamId, :createdBy, :createdAt)""")
			.param("id", key.id())
			.param("name", key.name())
			.param("hash", hash)
			.param("prefix", key.prefix())
			.param("serviceId", key.serviceId())
			.param("serviceSlug", key.serviceSlug())
			.param("teamId", key.teamId() == null ? null : key.teamId().value())
			.param("createdBy", key.createdBy() == null ? null : key.createdBy().value())
			.param("createdAt", Timestamp.from(key.createdAt()))
			.update();
	}

	/** The key with this hash, active or not. */
	Optional<IntegrationKey> findByHash(String hash) {
		return jdbc.sql(SELECT + " WHERE k.key_hash = :hash").param("hash", hash).query(this::row).optional();
	}

	Optional<IntegrationKey> find(UUID id) {
		return jdbc.sql(SELECT + " WHERE k.id = :id").param("id", id).query(this::row).optional();
	}

	/** Active keys first, newest first. */
	List<IntegrationKey> list() {
		return jdbc.sql(SELECT + " ORDER BY (k.revoked_at IS NULL) DESC, k.created_at DESC").query(this::row).list();
	}

	/**
	 * Records use at minute resolution, so busy senders do not write on every request.
	 */
	void touch(UUID id, Instant now) {
		jdbc.sql(
				"""
						UPDATE identity_integration_keys SET last_used_at = :now
						WHERE id = :id AND (last_used_at IS NULL OR last_used_at < CAST(:now AS timestamptz) - interval '1 minute')""")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update();
	}

	boolean revoke(UUID id, Instant now) {
		return jdbc.sql("UPDATE identity_integration_keys SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update() > 0;
	}

	private IntegrationKey row(ResultSet rs, int n) throws SQLException {
		UUID team = rs.getObject("team_id", UUID.class);
		UUID creator = rs.getObject("created_by", UUID.class);
		return new IntegrationKey(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
				rs.getObject("service_id", UUID.class), rs.getString("service_slug"),
				team == null ? null : new TeamId(team), rs.getString("team_slug"),
				creator == null ? null : new UserId(creator), instant(rs, "created_at"), instant(rs, "last_used_at"),
				instant(rs, "revoked_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
