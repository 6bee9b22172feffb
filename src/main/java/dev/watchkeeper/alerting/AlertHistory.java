package dev.watchkeeper.alerting;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An alert's history in {@code alerting_alert_events}, written at state transitions and
 * notices, many rows per statement so intake stays fast.
 */
@Repository
class AlertHistory {

	private final JdbcClient jdbc;

	AlertHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One line of an alert's history. */
	record Entry(String fingerprint, Instant at, String kind, String detail) {
	}

	void record(List<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO alerting_alert_events (fingerprint, at, kind, detail)
				SELECT f, CAST(a AS timestamptz), k, d
				  FROM unnest(CAST(:fingerprints AS text[]), CAST(:ats AS text[]), CAST(:kinds AS text[]),
				              CAST(:details AS text[])) AS t(f, a, k, d)""")
			.param("fingerprints", entries.stream().map(Entry::fingerprint).toArray(String[]::new))
			.param("ats", entries.stream().map(e -> e.at().toString()).toArray(String[]::new))
			.param("kinds", entries.stream().map(Entry::kind).toArray(String[]::new))
			.param("details", entries.stream().map(Entry::detail).toArray(String[]::new))
			.update();
	}

	List<AlertEvent> list(String fingerprint, int limit) {
		return jdbc.sql("""
				SELECT at, kind, detail FROM alerting_alert_events WHERE fingerprint = :fingerprint
				 ORDER BY id DESC LIMIT :limit""")
			.param("fingerprint", fingerprint)
			.param("limit", limit)
			.query((rs, n) -> new AlertEvent(rs.getTimestamp("at").toInstant(), rs.getString("kind"),
					rs.getString("detail")))
			.list();
	}

}
