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

	/**
	 * Locks the stored alerts of a batch in fingerprint order (so concurrent batches do
	 * not deadlock) and returns them by fingerprint.
	 */
	Map<String, Alert> lockAll(List<String> sortedFingerprints) {
		Map<String, Alert> found = new java.util.HashMap<>();
		jdbc.sql("SELECT " + COLUMNS + """
				 FROM alerting_alerts WHERE fingerprint = ANY(CAST(:fingerprints AS text[]))
				ORDER BY fingerprint FOR UPDATE""")
			.param("fingerprints", sortedFingerprints.toArray(String[]::new))
			.query(this::row)
			.list()
			.forEach(alert -> found.put(alert.fingerprint(), alert));
		return found;
	}

	/** An alert to store and whether its sender gave {@code endsAt}. */
	record Row(Alert alert, boolean endsAtExplicit) {
	}

	/** Stores a batch in one statement. */
	void saveAll(List<Row> rows) {
		if (rows.isEmpty()) {
			return;
		}
		jdbc.sql(
				"""
						INSERT INTO alerting_alerts (fingerprint, alertname, labels, annotations, severity, starts_at, ends_at,
						  ends_at_explicit, generator_url, source, received_at, updated_at)
						SELECT f, n, CAST(l AS jsonb), CAST(a AS jsonb), s, CAST(st AS timestamptz), CAST(e AS timestamptz),
						       CAST(x AS boolean), g, src, CAST(r AS timestamptz), CAST(u AS timestamptz)
						  FROM unnest(CAST(:fingerprints AS text[]), CAST(:names AS text[]), CAST(:labels AS text[]),
						              CAST(:annotations AS text[]), CAST(:severities AS text[]), CAST(:starts AS text[]),
						              CAST(:ends AS text[]), CAST(:explicit AS text[]), CAST(:generators AS text[]),
						              CAST(:sources AS text[]), CAST(:received AS text[]), CAST(:updated AS text[]))
						       AS t(f, n, l, a, s, st, e, x, g, src, r, u)
						ON CONFLICT (fingerprint) DO UPDATE SET annotations = EXCLUDED.annotations, severity = EXCLUDED.severity,
						  starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, ends_at_explicit = EXCLUDED.ends_at_explicit,
						  generator_url = EXCLUDED.generator_url, source = EXCLUDED.source, received_at = EXCLUDED.received_at,
						  updated_at = EXCLUDED.updated_at""")
			.param("fingerprints", rows.stream().map(r -> r.alert().fingerprint()).toArray(String[]::new))
			.param("names", rows.stream().map(r -> r.alert().name()).toArray(String[]::new))
			.param("labels",
					rows.stream()
						.map(r -> json.writeValueAsString(new TreeMap<>(r.alert().labels())))
						.toArray(String[]::new))
			.param("annotations",
					rows.stream()
						.map(r -> json.writeValueAsString(new TreeMap<>(r.alert().annotations())))
						.toArray(String[]::new))
			.param("severities", rows.stream().map(r -> r.alert().severity()).toArray(String[]::new))
			.param("starts", rows.stream().map(r -> r.alert().startsAt().toString()).toArray(String[]::new))
			.param("ends", rows.stream().map(r -> r.alert().endsAt().toString()).toArray(String[]::new))
			.param("explicit", rows.stream().map(r -> Boolean.toString(r.endsAtExplicit())).toArray(String[]::new))
			.param("generators", rows.stream().map(r -> r.alert().generatorUrl()).toArray(String[]::new))
			.param("sources", rows.stream().map(r -> r.alert().source()).toArray(String[]::new))
			.param("received", rows.stream().map(r -> r.alert().receivedAt().toString()).toArray(String[]::new))
			.param("updated", rows.stream().map(r -> r.alert().updatedAt().toString()).toArray(String[]::new))
			.update();
	}

	Optional<Alert> find(String fingerprint) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM alerting_alerts WHERE fingerprint = :fingerprint")
			.param("fingerprint", fingerprint)
			.query(this::row)
			.optional();
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
