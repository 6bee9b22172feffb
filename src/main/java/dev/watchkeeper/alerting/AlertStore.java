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
import java.util.function.Predicate;

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
	 * @param annotationsHash the hash of its stored annotations; null if not recorded
	 */
	record Stored(Instant startsAt, Instant endsAt, Instant receivedAt, Long annotationsHash) {

		boolean firingAt(Instant now) {
			return endsAt.isAfter(now);
		}

		/** The merged alert as later requests of the same transaction see it. */
		static Stored of(Alert alert) {
			return new Stored(alert.startsAt(), alert.endsAt(), alert.receivedAt(), null);
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
				SELECT count(*) FROM (SELECT pg_advisory_xact_lock(k)
				  FROM unnest(CAST(:keys AS bigint[])) WITH ORDINALITY AS u(k, i) ORDER BY i) locked""")
			.param("keys", keys)
			.query(Long.class)
			.single();
		jdbc.sql("""
				SELECT fingerprint, starts_at, ends_at, received_at, annotations_hash FROM alerting_alerts
				 WHERE fingerprint = ANY (CAST(:fingerprints AS text[]))""")
			.param("fingerprints", fingerprints.toArray(String[]::new))
			.query(rs -> {
				stored.put(rs.getString("fingerprint"),
						new Stored(rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
								rs.getTimestamp("received_at").toInstant(),
								rs.getObject("annotations_hash", Long.class)));
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
	 * @param annotationsHash the hash of the alert's annotations
	 */
	record Upsert(Alert alert, boolean endsAtExplicit, long annotationsHash) {
	}

	/**
	 * Writes these alerts (distinct fingerprints) under the locks of {@link #lockAll}:
	 * those {@code stored} already are updated in one statement that leaves their labels
	 * alone (a refresh changes only times and annotations) and their annotations too when
	 * their hash is unchanged, the others are inserted in one statement. The rows travel
	 * as one array per column, so the statement texts and their plans are the same for
	 * every batch size, and only new alerts' labels are turned into JSON.
	 * @param stored the fingerprints {@link #lockAll} found
	 */
	void saveAll(Collection<Upsert> alerts, Map<String, Stored> stored, Instant now) {
		List<Upsert> updates = new ArrayList<>(alerts.size());
		List<Upsert> inserts = new ArrayList<>();
		for (Upsert upsert : alerts) {
			(stored.containsKey(upsert.alert().fingerprint()) ? updates : inserts).add(upsert);
		}
		update(updates, stored, now);
		insert(inserts, now);
	}

	private void update(List<Upsert> alerts, Map<String, Stored> stored, Instant now) {
		if (alerts.isEmpty()) {
			return;
		}
		Columns c = new Columns(alerts, json, false, upsert -> {
			Long before = stored.get(upsert.alert().fingerprint()).annotationsHash();
			return before == null || before != upsert.annotationsHash();
		});
		jdbc.sql(
				"""
						UPDATE alerting_alerts AS a SET annotations = COALESCE(CAST(r.annotations AS jsonb), a.annotations),
						       annotations_hash = r.annotations_hash, severity = r.severity,
						       starts_at = r.starts_at, ends_at = r.ends_at, ends_at_explicit = r.ends_at_explicit,
						       generator_url = r.generator_url, source = r.source, received_at = r.received_at,
						       updated_at = :updatedAt
						  FROM unnest(CAST(:fingerprint AS text[]), CAST(:annotations AS text[]),
						              CAST(:annotationsHash AS bigint[]), CAST(:severity AS text[]),
						              CAST(:startsAt AS timestamptz[]), CAST(:endsAt AS timestamptz[]),
						              CAST(:endsAtExplicit AS boolean[]), CAST(:generatorUrl AS text[]), CAST(:source AS text[]),
						              CAST(:receivedAt AS timestamptz[]))
						       AS r(fingerprint, annotations, annotations_hash, severity, starts_at, ends_at, ends_at_explicit,
						            generator_url, source, received_at)
						 WHERE a.fingerprint = r.fingerprint""")
			.param("fingerprint", c.fingerprint)
			.param("annotations", c.annotations)
			.param("annotationsHash", c.annotationsHash)
			.param("severity", c.severity)
			.param("startsAt", c.startsAt)
			.param("endsAt", c.endsAt)
			.param("endsAtExplicit", c.endsAtExplicit)
			.param("generatorUrl", c.generatorUrl)
			.param("source", c.source)
			.param("receivedAt", c.receivedAt)
			.param("updatedAt", Timestamp.from(now))
			.update();
	}

	private void insert(List<Upsert> alerts, Instant now) {
		if (alerts.isEmpty()) {
			return;
		}
		Columns c = new Columns(alerts, json, true, upsert -> true);
		jdbc.sql(
				"""
						INSERT INTO alerting_alerts (fingerprint, alertname, labels, annotations, annotations_hash, severity,
						  starts_at, ends_at, ends_at_explicit, generator_url, source, received_at, updated_at)
						SELECT fingerprint, alertname, CAST(labels AS jsonb), CAST(annotations AS jsonb), annotations_hash,
						       severity, starts_at, ends_at, ends_at_explicit, generator_url, source, received_at, :updatedAt
						  FROM unnest(CAST(:fingerprint AS text[]), CAST(:alertname AS text[]), CAST(:labels AS text[]),
						              CAST(:annotations AS text[]), CAST(:annotationsHash AS bigint[]), CAST(:severity AS text[]),
						              CAST(:startsAt AS timestamptz[]), CAST(:endsAt AS timestamptz[]),
						              CAST(:endsAtExplicit AS boolean[]), CAST(:generatorUrl AS text[]), CAST(:source AS text[]),
						              CAST(:receivedAt AS timestamptz[]))
						       AS r(fingerprint, alertname, labels, annotations, annotations_hash, severity, starts_at, ends_at,
						            ends_at_explicit, generator_url, source, received_at)
						 ORDER BY fingerprint""")
			.param("fingerprint", c.fingerprint)
			.param("alertname", c.alertname)
			.param("labels", c.labels)
			.param("annotations", c.annotations)
			.param("annotationsHash", c.annotationsHash)
			.param("severity", c.severity)
			.param("startsAt", c.startsAt)
			.param("endsAt", c.endsAt)
			.param("endsAtExplicit", c.endsAtExplicit)
			.param("generatorUrl", c.generatorUrl)
			.param("source", c.source)
			.param("receivedAt", c.receivedAt)
			.param("updatedAt", Timestamp.from(now))
			.update();
	}

	/** Alerts as one array per column, as the statements above bind them. */
	private static final class Columns {

		final String[] fingerprint;

		final String[] alertname;

		final String[] labels;

		final String[] annotations;

		final String[] annotationsHash;

		final String[] severity;

		final String[] startsAt;

		final String[] endsAt;

		final String[] endsAtExplicit;

		final String[] generatorUrl;

		final String[] source;

		final String[] receivedAt;

		/**
		 * @param writeAnnotations whether an alert's annotations are written; null in
		 * {@link #annotations} keeps the stored ones
		 */
		Columns(List<Upsert> alerts, JsonMapper json, boolean withLabels, Predicate<Upsert> writeAnnotations) {
			int n = alerts.size();
			fingerprint = new String[n];
			alertname = new String[n];
			labels = withLabels ? new String[n] : null;
			annotations = new String[n];
			annotationsHash = new String[n];
			severity = new String[n];
			startsAt = new String[n];
			endsAt = new String[n];
			endsAtExplicit = new String[n];
			generatorUrl = new String[n];
			source = new String[n];
			receivedAt = new String[n];
			for (int i = 0; i < n; i++) {
				Alert alert = alerts.get(i).alert();
				fingerprint[i] = alert.fingerprint();
				alertname[i] = alert.name();
				if (withLabels) {
					labels[i] = json.writeValueAsString(alert.labels());
				}
				if (writeAnnotations.test(alerts.get(i))) {
					annotations[i] = json.writeValueAsString(alert.annotations());
				}
				annotationsHash[i] = Long.toString(alerts.get(i).annotationsHash());
				severity[i] = alert.severity();
				startsAt[i] = alert.startsAt().toString();
				endsAt[i] = alert.endsAt().toString();
				endsAtExplicit[i] = Boolean.toString(alerts.get(i).endsAtExplicit());
				generatorUrl[i] = alert.generatorUrl();
				source[i] = alert.source();
				receivedAt[i] = alert.receivedAt().toString();
			}
		}

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
				  AND (ends_at > :now OR fingerprint IN (SELECT unnest(CAST(:notified AS text[]))))""")
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
