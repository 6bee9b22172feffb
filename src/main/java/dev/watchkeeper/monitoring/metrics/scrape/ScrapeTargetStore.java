package dev.watchkeeper.monitoring.metrics.scrape;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Scrape targets and their leases in {@code monitoring_scrape_targets}. */
@Repository
class ScrapeTargetStore {

	private static final TypeReference<TreeMap<String, String>> LABELS = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			id, url, job, service, environment, interval_ms, timeout_ms, labels::text AS labels, enabled,
			created_at, updated_at""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ScrapeTargetStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	List<ScrapeTarget> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_scrape_targets ORDER BY job, url")
			.query(this::row)
			.list();
	}

	Optional<ScrapeTarget> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_scrape_targets WHERE id = :id")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	boolean exists(String url, String job, UUID except) {
		return jdbc.sql("""
				SELECT count(*) FROM monitoring_scrape_targets
				WHERE url = :url AND job = :job AND (CAST(:except AS uuid) IS NULL OR id <> CAST(:except AS uuid))""")
			.param("url", url)
			.param("job", job)
			.param("except", except)
			.query(Long.class)
			.single() > 0;
	}

	void insert(ScrapeTarget t) {
		jdbc.sql("""
				INSERT INTO monitoring_scrape_targets (id, url, job, service, environment, interval_ms, timeout_ms,
				  labels, enabled, created_at, updated_at)
				VALUES (:id, :url, :job, :service, :environment, :interval, :timeout, CAST(:labels AS jsonb), :enabled,
				  :created, :updated)""").params(params(t)).update();
	}

	void update(ScrapeTarget t) {
		jdbc.sql("""
				UPDATE monitoring_scrape_targets SET url = :url, job = :job, service = :service,
				  environment = :environment, interval_ms = :interval, timeout_ms = :timeout,
				  labels = CAST(:labels AS jsonb), enabled = :enabled, updated_at = :updated
				WHERE id = :id""").params(params(t)).update();
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM monitoring_scrape_targets WHERE id = :id").param("id", id).update() > 0;
	}

	/**
	 * Takes or renews the lease of a target for a node: succeeds when the node holds it
	 * already or nobody holds an unexpired one.
	 */
	boolean lease(UUID id, String node, Instant now, Instant until) {
		return jdbc.sql("""
				UPDATE monitoring_scrape_targets SET lease_node = :node, lease_until = :until
				WHERE id = :id AND (lease_node = :node OR lease_until IS NULL OR lease_until < :now)""")
			.param("id", id)
			.param("node", node)
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(until))
			.update() > 0;
	}

	/** Gives up the leases of a node, so that another node takes its targets at once. */
	void releaseAll(String node) {
		jdbc.sql("UPDATE monitoring_scrape_targets SET lease_node = NULL, lease_until = NULL WHERE lease_node = :node")
			.param("node", node)
			.update();
	}

	private Map<String, Object> params(ScrapeTarget t) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("id", t.id());
		p.put("url", t.url());
		p.put("job", t.job());
		p.put("service", t.service());
		p.put("environment", t.environment());
		p.put("interval", t.interval().toMillis());
		p.put("timeout", t.timeout().toMillis());
		p.put("labels", json.writeValueAsString(new TreeMap<>(t.labels())));
		p.put("enabled", t.enabled());
		p.put("created", Timestamp.from(t.createdAt()));
		p.put("updated", Timestamp.from(t.updatedAt()));
		return p;
	}

	private ScrapeTarget row(ResultSet rs, int n) throws SQLException {
		return new ScrapeTarget(rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("job"),
				rs.getString("service"), rs.getString("environment"), Duration.ofMillis(rs.getLong("interval_ms")),
				Duration.ofMillis(rs.getLong("timeout_ms")), Map.copyOf(json.readValue(rs.getString("labels"), LABELS)),
				rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
