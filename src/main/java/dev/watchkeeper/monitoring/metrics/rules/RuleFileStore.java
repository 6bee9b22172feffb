package dev.watchkeeper.monitoring.metrics.rules;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored rule file in {@code monitoring_rule_files}. */
@Repository
class RuleFileStore {

	/** The rule file as stored. */
	record Stored(String content, Instant updatedAt) {
	}

	private final JdbcClient jdbc;

	RuleFileStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Stored> find() {
		return jdbc.sql("SELECT content, updated_at FROM monitoring_rule_files WHERE id = 1")
			.query((rs, n) -> new Stored(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.optional();
	}

	void save(String content, Instant at) {
		jdbc.sql("""
				INSERT INTO monitoring_rule_files (id, content, updated_at) VALUES (1, :content, :at)
				ON CONFLICT (id) DO UPDATE SET content = EXCLUDED.content, updated_at = EXCLUDED.updated_at""")
			.param("content", content)
			.param("at", Timestamp.from(at))
			.update();
	}

	void delete() {
		jdbc.sql("DELETE FROM monitoring_rule_files WHERE id = 1").update();
	}

}
