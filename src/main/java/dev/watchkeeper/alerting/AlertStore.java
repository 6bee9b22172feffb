package dev.watchkeeper.alerting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
	 * What a merge needs of a stored alert.
	 *
	 * @param startsAt when its occurrence started
	 * @param endsAt when it ends or ended
	 * @param receivedAt when its occurrence was first received
	 */
	record Stored(Instant startsAt, Instant endsAt, Instant receivedAt) {

		boolean firingAt(Instant now) {
			return endsAt.isAfter(now);
		}

		static Stored of(Alert alert) {
			return new Stored(alert.startsAt(), alert.endsAt(), alert.receivedAt());
		}

	}

	/**
	 * Takes a transaction-scoped advisory lock per fingerprint, in ascending order, then
	 * reads the stored alerts with these fingerprints. Every writer of
	 * {@code alerting_alerts} takes these locks first: two batches that share alerts then
	 * wait for each other in one order and cannot deadlock, also over alerts neither has
	 * stored yet (a row lock cannot cover a row that does not exist).
	 * @return the stored alerts by fingerprint; fingerprints not stored yet are absent
	 */
	Map<String, Stored> lockAll(Collection<String> fingerprints) {
		Map<String, Stored> stored = new HashMap<>();
		if (fingerprints.isEmpty()) {
			return stored;
		}
		long[] keys = fingerprints.stream().mapToLong(AlertStore::lockKey).sorted().distinct().toArray();
		jdbc.sql("""
				SELECT count(*) FROM (SELECT pg_advisory_xact_lock(CAST(k AS bigint))
				  FROM jsonb_array_elements_text(CAST(:keys AS jsonb)) WITH ORDINALITY AS u(k, i) ORDER BY i) locked""")
			.param("keys", json.writeValueAsString(keys))
			.query(Long.class)
			.single();
		jdbc.sql("""
				SELECT fingerprint, starts_at, ends_at, received_at FROM alerting_alerts
				 WHERE fingerprint = ANY (ARRAY(SELECT jsonb_array_elements_text(CAST(:fingerprints AS jsonb))))""")
			.param("fingerprints", json.writeValueAsString(fingerprints))
			.query(rs -> {
				stored.put(rs.getString("fingerprint"), new Stored(rs.getTimestamp("starts_at").toInstant(),
						rs.getTimestamp("ends_at").toInstant(), rs.getTimestamp("received_at").toInstant()));
			});
		return stored;
	}

	/** The 64-bit hash a fingerprint is the hex form of, as an advisory lock key. */
	static long lockKey(String fingerprint) {
		return Long.parseUnsignedLong(fingerprint, 16);
	}

	/**
	 * One alert to write.
	 *
	 * @param alert the alert after the merge
	 * @param endsAtExplicit whether the sender gave its end
	 */
	record Upsert(Alert alert, boolean endsAtExplicit) {
	}

	/**
	 * Inserts or updates these alerts (distinct fingerprints) in one statement. The rows
	 * travel as one JSON array, so the statement text and its plan are the same for every
	 * batch size.
	 */
	void saveAll(Collection<Upsert> alerts, Instant now) {
		if (alerts.isEmpty()) {
			return;
		}
		List<Map<String, Object>> rows = new ArrayList<>(alerts.size());
		for (Upsert upsert : alerts) {
			Alert alert = upsert.alert();
			Map<String, Object> row = new HashMap<>();
			row.put("fingerprint", alert.fingerprint());
			row.put("alertname", alert.name());
			row.put("labels", alert.labels());
			row.put("annotations", alert.annotations());
			row.put("severity", alert.severity());
			row.put("starts_at", alert.startsAt().toString());
			row.put("ends_at", alert.endsAt().toString());
			row.put("ends_at_explicit", upsert.endsAtExplicit());
			row.put("generator_url", alert.generatorUrl());
			row.put("source", alert.source());
			row.put("received_at", alert.receivedAt().toString());
			rows.add(row);
		}
		jdbc.sql(
				"""
						INSERT INTO alerting_alerts (fingerprint, alertname, labels, annotations, severity, starts_at, ends_at,
						  ends_at_explicit, generator_url, source, received_at, updated_at)
						SELECT fingerprint, alertname, labels, annotations, severity, starts_at, ends_at, ends_at_explicit,
						       generator_url, source, received_at, :updatedAt
						  FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(fingerprint text, alertname text, labels jsonb,
						       annotations jsonb, severity text, starts_at timestamptz, ends_at timestamptz,
						       ends_at_explicit boolean, generator_url text, source text, received_at timestamptz)
						 ORDER BY fingerprint
						ON CONFLICT (fingerprint) DO UPDATE SET annotations = EXCLUDED.annotations, severity = EXCLUDED.severity,
						  starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, ends_at_explicit = EXCLUDED.ends_at_explicit,
						  generator_url = EXCLUDED.generator_url, source = EXCLUDED.source, received_at = EXCLUDED.received_at,
						  updated_at = EXCLUDED.updated_at""")
			.param("rows", json.writeValueAsString(rows))
			.param("updatedAt", Timestamp.from(now))
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
