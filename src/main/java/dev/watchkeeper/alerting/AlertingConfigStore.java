package dev.watchkeeper.alerting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Saved versions of the routing configuration in {@code alerting_config_versions}. */
@Repository
class AlertingConfigStore {

	static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AlertingConfigStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A saved version; {@code document} is the configuration as written. */
	record Version(int version, Map<String, Object> document, String source, String createdBy, Instant createdAt) {
	}

	int latestVersion() {
		return jdbc.sql("SELECT coalesce(max(version), 0) FROM alerting_config_versions").query(Integer.class).single();
	}

	Optional<Version> find(int version) {
		return jdbc.sql("""
				SELECT version, document::text AS document, source, created_by, created_at
				  FROM alerting_config_versions WHERE version = :version""")
			.param("version", version)
			.query(this::row)
			.optional();
	}

	/** Newest first, without documents. */
	List<Version> list(int limit) {
		return jdbc.sql("""
				SELECT version, '{}' AS document, '' AS source, created_by, created_at
				  FROM alerting_config_versions ORDER BY version DESC LIMIT :limit""")
			.param("limit", limit)
			.query(this::row)
			.list();
	}

	/**
	 * Appends a version; a table lock makes concurrent saves take turns so versions stay
	 * dense.
	 */
	Version append(Map<String, Object> document, String source, String createdBy, Instant at) {
		jdbc.sql("LOCK TABLE alerting_config_versions IN EXCLUSIVE MODE").update();
		int version = latestVersion() + 1;
		jdbc.sql("""
				INSERT INTO alerting_config_versions (version, document, source, created_by, created_at)
				VALUES (:version, CAST(:document AS json), :source, :createdBy, :at)""")
			.param("version", version)
			.param("document", json.writeValueAsString(document))
			.param("source", source)
			.param("createdBy", createdBy)
			.param("at", Timestamp.from(at))
			.update();
		return new Version(version, document, source, createdBy, at);
	}

	private Version row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Version(rs.getInt("version"), json.readValue(rs.getString("document"), DOCUMENT),
				rs.getString("source"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
	}

}
