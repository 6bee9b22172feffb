package dev.watchkeeper.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.notification.Deliveries;
import dev.watchkeeper.notification.Delivery;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What an incident is about and whom it reached: the alerts attached to it and the pages
 * sent for it, each with its delivery's state in the notification outbox.
 */
@Service
public class PagesAndAlerts {

	private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Users users;

	private final Deliveries deliveries;

	PagesAndAlerts(JdbcClient jdbc, JsonMapper json, Users users, Deliveries deliveries) {
		this.jdbc = jdbc;
		this.json = json;
		this.users = users;
		this.deliveries = deliveries;
	}

	/** The incident's alerts: firing first, then by when they started. */
	public List<IncidentAlert> alerts(UUID incidentId) {
		return jdbc.sql("""
				SELECT fingerprint, alertname, labels::text AS labels_text, summary, runbook_url, status, starts_at,
				       ends_at, updated_at
				  FROM incident_alerts WHERE incident_id = :id
				 ORDER BY status = 'resolved', starts_at, alertname, fingerprint""")
			.param("id", incidentId)
			.query((rs, n) -> {
				String runbook = rs.getString("runbook_url");
				boolean hasRunbook = runbook != null && !runbook.isBlank();
				return new IncidentAlert(rs.getString("fingerprint"), rs.getString("alertname"),
						json.readValue(rs.getString("labels_text"), LABELS), rs.getString("summary"),
						hasRunbook ? runbook : null, hasRunbook, rs.getString("status"), Sql.instant(rs, "starts_at"),
						Sql.instant(rs, "ends_at"), Sql.instant(rs, "updated_at"));
			})
			.list();
	}

	private record Row(String key, java.time.Instant pagedAt, UUID userId, String kind, String address, int round,
			int step, String reason) {
	}

	/**
	 * The incident's pages, oldest first, with their deliveries (one outbox query for
	 * all).
	 */
	public List<SentPage> pages(UUID incidentId) {
		List<Row> rows = jdbc.sql("""
				SELECT delivery_key, paged_at, user_id, kind, address, round, step, reason
				  FROM incident_pages WHERE incident_id = :id ORDER BY paged_at, delivery_key""")
			.param("id", incidentId)
			.query((rs, n) -> new Row(rs.getString("delivery_key"), Sql.instant(rs, "paged_at"),
					Sql.uuid(rs, "user_id"), rs.getString("kind"), rs.getString("address"), rs.getInt("round"),
					rs.getInt("step"), rs.getString("reason")))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<String, Delivery> sent = deliveries.byIdempotencyKeys(rows.stream().map(Row::key).toList());
		Map<UUID, String> names = users.findAll(rows.stream().map(r -> new UserId(r.userId())).distinct().toList())
			.stream()
			.collect(Collectors.toMap(u -> u.id().value(), User::name, (a, b) -> a, LinkedHashMap::new));
		return rows.stream().map(row -> {
			Optional<Delivery> delivery = Optional.ofNullable(sent.get(row.key()));
			return new SentPage(row.key(), row.pagedAt(), row.userId(),
					names.getOrDefault(row.userId(), row.userId().toString()), row.kind(), row.address(),
					row.round() < 0 ? null : row.round() + 1, row.step() < 0 ? null : row.step() + 1, row.reason(),
					delivery.map(Delivery::id).orElse(null), delivery.map(Delivery::status).orElse("not_queued"),
					delivery.map(Delivery::attemptCount).orElse(0), delivery.map(Delivery::lastError).orElse(null),
					delivery.map(Delivery::completedAt).orElse(null));
		}).toList();
	}

}
