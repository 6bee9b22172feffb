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
import java.util.Set;
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

		/** The merged alert as later requests of the same transaction see it. */
		static Stored of(Alert alert) {
			return new Stored(alert.startsAt(), alert.endsAt(), alert.receivedAt());
		}

	}

	/**
	 * Takes a transaction-scoped advisory lock per fingerprint, in ascending order. Every
	 * writer of {@code alerting_alerts} takes these locks first: two batches that share
	 * alerts then wait for each other in one order and cannot deadlock, also over alerts
	 * neither has stored yet (a row lock cannot cover a row that does not exist).
	 */
	void lockAll(Collection<String> fingerprints) {
		if (fingerprints.isEmpty()) {
			return;
		}
		long[] keys = fingerprints.stream().mapToLong(AlertStore::lockKey).sorted().distinct().toArray();
		jdbc.sql("""
				SELECT count(*) FROM (SELECT pg_advisory_xact_lock(k)
				  FROM unnest(CAST(:keys AS bigint[])) WITH ORDINALITY AS u(k, i) ORDER BY i) locked""")
			.param("keys", keys)
			.query(Long.class)
			.single();
	}

	/** The 64-bit hash a fingerprint is the hex form of, as an advisory lock key. */
	static long lockKey(String fingerprint) {
		return Long.parseUnsignedLong(fingerprint, 16);
	}

	/**
	 * One alert to write.
	 *
	 * @param alert the alert after the merge; for {@link #refresh}, its start is the
	 * posted one (or now) and its time of receipt is now, as if nothing were stored
	 * @param endsAtExplicit whether the sender gave its end
	 * @param annotationsHash the hash of the alert's annotations
	 */
	record Upsert(Alert alert, boolean endsAtExplicit, long annotationsHash) {
	}

	/**
	 * A stored alert after {@link #refresh}.
	 *
	 * @param startsAt when its occurrence started, after the merge
	 * @param receivedAt when its occurrence was first received, after the merge
	 * @param previousEndsAt when it ended or would have ended before this write
	 */
	record Refreshed(Instant startsAt, Instant receivedAt, Instant previousEndsAt) {

		boolean wasFiringAt(Instant now) {
			return previousEndsAt.isAfter(now);
		}

	}

	/**
	 * Merges these alerts (distinct fingerprints, under the locks of {@link #lockAll})
	 * into the stored ones in one statement, exactly as {@code AlertIntake} merges: the
	 * stored occurrence continues if it still fires at {@code now} or ended no earlier
	 * than the posted one starts, keeping its earlier start and its time of receipt; else
	 * the post starts a new occurrence. Labels are left alone (they are the
	 * fingerprint's), annotations too when their hash is unchanged.
	 * @return the alerts that were stored, by fingerprint; the others are new
	 */
	Map<String, Refreshed> refresh(Collection<Upsert> alerts, Instant now) {
		Map<String, Refreshed> refreshed = new HashMap<>();
		if (alerts.isEmpty()) {
			return refreshed;
		}
		Columns c = new Columns(List.copyOf(alerts), json, false);
		c.bind(jdbc
			.sql("""
					UPDATE alerting_alerts AS a
					   SET annotations = CASE WHEN a.annotations_hash = r.annotations_hash THEN a.annotations
					                          ELSE CAST(r.annotations AS jsonb) END,
					       annotations_hash = r.annotations_hash, severity = r.severity,
					       starts_at = CASE WHEN (a.ends_at > :now OR r.starts_at <= a.ends_at) AND a.starts_at < r.starts_at
					                        THEN a.starts_at ELSE r.starts_at END,
					       received_at = CASE WHEN a.ends_at > :now OR r.starts_at <= a.ends_at
					                          THEN a.received_at ELSE :now END,
					       previous_ends_at = a.ends_at,
					       ends_at = r.ends_at, ends_at_explicit = r.ends_at_explicit,
					       generator_url = r.generator_url, source = r.source, updated_at = :now
					  FROM unnest(CAST(:fingerprint AS text[]), CAST(:annotations AS text[]),
					              CAST(:annotationsHash AS bigint[]), CAST(:severity AS text[]),
					              CAST(:startsAt AS timestamptz[]), CAST(:endsAt AS timestamptz[]),
					              CAST(:endsAtExplicit AS boolean[]), CAST(:generatorUrl AS text[]), CAST(:source AS text[]))
					       AS r(fingerprint, annotations, annotations_hash, severity, starts_at, ends_at, ends_at_explicit,
					            generator_url, source)
					 WHERE a.fingerprint = r.fingerprint
					RETURNING a.fingerprint, a.starts_at, a.received_at, a.previous_ends_at"""))
			.param("now", Timestamp.from(now))
			.query(rs -> {
				refreshed.put(rs.getString(1), new Refreshed(rs.getTimestamp(2).toInstant(),
						rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()));
			});
		return refreshed;
	}

	/**
	 * Writes these merged alerts (distinct fingerprints) under the locks of
	 * {@link #lockAll}: those {@code stored} already are updated in one statement that
	 * leaves their labels alone, the others are inserted in one statement. The rows
	 * travel as one array per column, so the statement texts and their plans are the same
	 * for every batch size, and only new alerts' labels are turned into JSON.
	 * @param stored the fingerprints already stored
	 */
	void saveAll(Collection<Upsert> alerts, Set<String> stored, Instant now) {
		List<Upsert> updates = new ArrayList<>(alerts.size());
		List<Upsert> inserts = new ArrayList<>();
		for (Upsert upsert : alerts) {
			(stored.contains(upsert.alert().fingerprint()) ? updates : inserts).add(upsert);
		}
		update(updates, now);
		insert(inserts, now);
	}

	private void update(List<Upsert> alerts, Instant now) {
		if (alerts.isEmpty()) {
			return;
		}
		Columns c = new Columns(alerts, json, false);
		c.bind(jdbc
			.sql("""
					UPDATE alerting_alerts AS a SET annotations = CAST(r.annotations AS jsonb),
					       annotations_hash = r.annotations_hash, severity = r.severity,
					       starts_at = r.starts_at, previous_ends_at = a.ends_at, ends_at = r.ends_at,
					       ends_at_explicit = r.ends_at_explicit, generator_url = r.generator_url, source = r.source,
					       received_at = r.received_at, updated_at = :updatedAt
					  FROM unnest(CAST(:fingerprint AS text[]), CAST(:annotations AS text[]),
					              CAST(:annotationsHash AS bigint[]), CAST(:severity AS text[]),
					              CAST(:startsAt AS timestamptz[]), CAST(:endsAt AS timestamptz[]),
					              CAST(:endsAtExplicit AS boolean[]), CAST(:generatorUrl AS text[]), CAST(:source AS text[]),
					              CAST(:receivedAt AS timestamptz[]))
					       AS r(fingerprint, annotations, annotations_hash, severity, starts_at, ends_at, ends_at_explicit,
					            generator_url, source, received_at)
					 WHERE a.fingerprint = r.fingerprint"""))
			.param("receivedAt", c.receivedAt)
			.param("updatedAt", Timestamp.from(now))
			.update();
	}

	private void insert(List<Upsert> alerts, Instant now) {
		if (alerts.isEmpty()) {
			return;
		}
		Columns c = new Columns(alerts, json, true);
		c.bind(jdbc
			.sql("""
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
					 ORDER BY fingerprint"""))
			.param("alertname", c.alertname)
			.param("labels", c.labels)
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

		/** Binds the columns every statement above takes. */
		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			return statement.param("fingerprint", fingerprint)
				.param("annotations", annotations)
				.param("annotationsHash", annotationsHash)
				.param("severity", severity)
				.param("startsAt", startsAt)
				.param("endsAt", endsAt)
				.param("endsAtExplicit", endsAtExplicit)
				.param("generatorUrl", generatorUrl)
				.param("source", source);
		}

		Columns(List<Upsert> alerts, JsonMapper json, boolean withLabels) {
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
				annotations[i] = json.writeValueAsString(alert.annotations());
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
