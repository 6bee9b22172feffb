package dev.watchkeeper.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox, {@code notification_deliveries}: enqueueing. */
@Repository
class DeliveryStore {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	DeliveryStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Inserts a pending delivery due now; false when the idempotency key is taken. */
	boolean insert(UUID id, Channel channel, Notice notice, String idempotencyKey, boolean test, Instant now,
			Instant giveUpAt) {
		return jdbc
			.sql("""
					INSERT INTO notification_deliveries (id, idempotency_key, channel_id, channel_name, channel_kind, notice,
					  test, status, attempts, next_attempt_at, give_up_at, created_at, updated_at)
					VALUES (:id, :key, :channelId, :channelName, :kind, CAST(:notice AS jsonb), :test, 'pending', 0, :now,
					  :giveUpAt, :now, :now)
					ON CONFLICT (idempotency_key) DO NOTHING""")
			.param("id", id)
			.param("key", idempotencyKey)
			.param("channelId", channel.id())
			.param("channelName", channel.name())
			.param("kind", channel.kind())
			.param("notice", json.writeValueAsString(notice))
			.param("test", test)
			.param("now", Timestamp.from(now))
			.param("giveUpAt", Timestamp.from(giveUpAt))
			.update() > 0;
	}

}
