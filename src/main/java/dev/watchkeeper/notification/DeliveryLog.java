package dev.watchkeeper.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.platform.PageQuery;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reading the outbox and its attempts for the delivery log. */
@Repository
class DeliveryLog {

	private static final String FILTER = """
			WHERE (CAST(:status AS text) IS NULL OR status = :status)
			  AND (CAST(:channel AS text) IS NULL OR lower(channel_name) = lower(:channel))""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	DeliveryLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	PageQuery.Page<Delivery> list(String status, String channel, PageQuery page) {
		long[] total = { 0 };
		List<Delivery> items = jdbc
			.sql("SELECT *, count(*) OVER () AS total FROM notification_deliveries " + FILTER
					+ " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
			.param("status", status)
			.param("channel", channel)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return row(rs, List.of());
			})
			.list();
		if (items.isEmpty() && page.page() > 1) {
			total[0] = jdbc.sql("SELECT count(*) FROM notification_deliveries " + FILTER)
				.param("status", status)
				.param("channel", channel)
				.query(Long.class)
				.single();
		}
		return PageQuery.Page.of(items, page, total[0]);
	}

	Optional<Delivery> find(UUID id) {
		List<Delivery.Attempt> attempts = jdbc
			.sql("SELECT * FROM notification_delivery_attempts WHERE delivery_id = :id ORDER BY number")
			.param("id", id)
			.query((rs, n) -> new Delivery.Attempt(rs.getInt("number"), rs.getTimestamp("started_at").toInstant(),
					rs.getLong("duration_ms"), (Integer) rs.getObject("status_code"), rs.getString("error"),
					rs.getString("outcome")))
			.list();
		return jdbc.sql("SELECT * FROM notification_deliveries WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> row(rs, attempts))
			.optional();
	}

	/**
	 * The deliveries enqueued with these keys, without their attempts: one query per
	 * 5,000 keys, so within the driver's parameter limit.
	 */
	List<Delivery> findByKeys(Collection<String> keys) {
		List<String> all = List.copyOf(new java.util.LinkedHashSet<>(keys));
		List<Delivery> found = new java.util.ArrayList<>();
		for (int start = 0; start < all.size(); start += 5_000) {
			found.addAll(jdbc.sql("SELECT * FROM notification_deliveries WHERE idempotency_key IN (:keys)")
				.param("keys", all.subList(start, Math.min(all.size(), start + 5_000)))
				.query((rs, n) -> row(rs, List.of()))
				.list());
		}
		return found;
	}

	private Delivery row(ResultSet rs, List<Delivery.Attempt> attempts) throws SQLException {
		String subject = (rs.getBoolean("test") ? "[TEST] " : "") + (rs.getString("message") != null
				? json.readValue(rs.getString("message"), PersonalMessage.class).subject()
				: Messages.subject(json.readValue(rs.getString("notice"), Notice.class)));
		return new Delivery(rs.getObject("id", UUID.class), rs.getString("idempotency_key"),
				rs.getObject("channel_id", UUID.class), rs.getString("channel_name"), rs.getString("channel_kind"),
				subject, rs.getString("status"), rs.getBoolean("test"), rs.getInt("attempts"),
				instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("give_up_at")),
				rs.getString("last_error"), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("completed_at")), attempts);
	}

	private static java.time.Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
