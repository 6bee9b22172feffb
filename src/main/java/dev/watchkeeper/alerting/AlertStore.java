package dev.watchkeeper.alerting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Alerts in {@code alerting_alerts}, one row per fingerprint. */
@Repository
class AlertStore {

	private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			fingerprint, labels::text AS labels, annotations::text AS annotations, severity, starts_at, ends_at,
			generator_url, source, received_at, updated_at""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AlertStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Alert> lockByFingerprint(String fingerprint) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM alerting_alerts WHERE fingerprint = :fingerprint FOR UPDATE")
			.param("fingerprint", fingerprint)
			.query(this::row)
			.optional();
	}

	Optional<Alert> find(String fingerprint) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM alerting_alerts WHERE fingerprint = :fingerprint")
			.param("fingerprint", fingerprint)
			.query(this::row)
			.optional();
	}

	void save(Alert alert, boolean endsAtExplicit) {
		jdbc.sql(
				"""
						INSERT INTO alerting_alerts (fingerprint, alertname, labels, annotations, severity, starts_at, ends_at,
						  ends_at_explicit, generator_url, source, received_at, updated_at)
						VALUES (:fingerprint, :alertname, CAST(:labels AS jsonb), CAST(:annotations AS jsonb), :severity,
						  :startsAt, :endsAt, :explicit, :generatorUrl, :source, :receivedAt, :updatedAt)
						ON CONFLICT (fingerprint) DO UPDATE SET annotations = EXCLUDED.annotations, severity = EXCLUDED.severity,
						  starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, ends_at_explicit = EXCLUDED.ends_at_explicit,
						  generator_url = EXCLUDED.generator_url, source = EXCLUDED.source, received_at = EXCLUDED.received_at,
						  updated_at = EXCLUDED.updated_at""")
			.param("fingerprint", alert.fingerprint())
			.param("alertname", alert.name())
			.param("labels", json.writeValueAsString(new TreeMap<>(alert.labels())))
			.param("annotations", json.writeValueAsString(new TreeMap<>(alert.annotations())))
			.param("severity", alert.severity())
			.param("startsAt", Timestamp.from(alert.startsAt()))
			.param("endsAt", Timestamp.from(alert.endsAt()))
			.param("explicit", endsAtExplicit)
			.param("generatorUrl", alert.generatorUrl())
			.param("source", alert.source())
			.param("receivedAt", Timestamp.from(alert.receivedAt()))
			.param("updatedAt", Timestamp.from(alert.updatedAt()))
			.update();
	}

	/**
	 * Alerts matching every label equality, firing or resolved at {@code now}, newest
	 * first.
	 */
	List<Alert> list(Map<String, String> labels, Boolean firing, Instant now, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM alerting_alerts
				WHERE labels @> CAST(:labels AS jsonb)
				  AND (CAST(:firing AS boolean) IS NULL OR (ends_at > :now) = CAST(:firing AS boolean))
				ORDER BY (ends_at > :now) DESC, starts_at DESC LIMIT :limit""")
			.param("labels", json.writeValueAsString(labels))
			.param("firing", firing)
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(this::row)
			.list();
	}

	/** Every alert firing at {@code now}. */
	List<Alert> firing(Instant now) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM alerting_alerts WHERE ends_at > :now")
			.param("now", Timestamp.from(now))
			.query(this::row)
			.list();
	}

	/** Firing alerts carrying all these labels (to find inhibiting alerts). */
	List<Alert> firingWith(Map<String, String> labels, Instant now) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM alerting_alerts WHERE ends_at > :now AND labels @> CAST(:labels AS jsonb)")
			.param("labels", json.writeValueAsString(labels))
			.param("now", Timestamp.from(now))
			.query(this::row)
			.list();
	}

	/**
	 * A group's candidates: alerts with its labels that fire now, or that the receiver
	 * was told about (they may have resolved, or timed out, since).
	 */
	List<Alert> groupCandidates(Map<String, String> groupLabels, java.util.Collection<String> notified, Instant now) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM alerting_alerts
				WHERE labels @> CAST(:labels AS jsonb)
				  AND (ends_at > :now OR fingerprint = ANY(CAST(:notified AS text[])))""")
			.param("labels", json.writeValueAsString(groupLabels))
			.param("notified", notified.toArray(String[]::new))
			.param("now", Timestamp.from(now))
			.query(this::row)
			.list();
	}

	private Alert row(ResultSet rs, int n) throws SQLException {
		return new Alert(rs.getString("fingerprint"), json.readValue(rs.getString("labels"), MAP),
				json.readValue(rs.getString("annotations"), MAP), rs.getString("severity"),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				rs.getString("generator_url"), rs.getString("source"), rs.getTimestamp("received_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
