package dev.watchkeeper.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox, {@code notification_deliveries}: enqueueing, claiming due deliveries under
 * a lease, and recording what each attempt came to.
 */
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

	/**
	 * Inserts a pending message to a person, due now; false when the idempotency key is
	 * taken. The log shows the address where a channel delivery shows the channel.
	 */
	boolean insertPersonal(UUID id, String kind, String address, PersonalMessage message, String idempotencyKey,
			Instant now, Instant giveUpAt) {
		return jdbc
			.sql("""
					INSERT INTO notification_deliveries (id, idempotency_key, channel_name, channel_kind, recipient, message,
					  status, attempts, next_attempt_at, give_up_at, created_at, updated_at)
					VALUES (:id, :key, :address, :kind, :address, CAST(:message AS jsonb), 'pending', 0, :now, :giveUpAt,
					  :now, :now)
					ON CONFLICT (idempotency_key) DO NOTHING""")
			.param("id", id)
			.param("key", idempotencyKey)
			.param("address", address)
			.param("kind", kind)
			.param("message", json.writeValueAsString(message))
			.param("now", Timestamp.from(now))
			.param("giveUpAt", Timestamp.from(giveUpAt))
			.update() > 0;
	}

	/**
	 * Inserts a pending free-form message to a channel, due now; false when the
	 * idempotency key is taken.
	 */
	boolean insertChannelMessage(UUID id, Channel channel, PersonalMessage message, String idempotencyKey, Instant now,
			Instant giveUpAt) {
		return jdbc
			.sql("""
					INSERT INTO notification_deliveries (id, idempotency_key, channel_id, channel_name, channel_kind, message,
					  to_channel, status, attempts, next_attempt_at, give_up_at, created_at, updated_at)
					VALUES (:id, :key, :channelId, :channelName, :kind, CAST(:message AS jsonb), TRUE, 'pending', 0, :now,
					  :giveUpAt, :now, :now)
					ON CONFLICT (idempotency_key) DO NOTHING""")
			.param("id", id)
			.param("key", idempotencyKey)
			.param("channelId", channel.id())
			.param("channelName", channel.name())
			.param("kind", channel.kind())
			.param("message", json.writeValueAsString(message))
			.param("now", Timestamp.from(now))
			.param("giveUpAt", Timestamp.from(giveUpAt))
			.update() > 0;
	}

	/**
	 * A delivery a worker holds the lease of: a notice to a channel, a message to the
	 * person at {@code recipient} (then {@code channelKind} is the contact method's
	 * kind), or a message to a channel ({@code toChannel}).
	 */
	record Claimed(UUID id, String idempotencyKey, UUID channelId, String channelName, String channelKind,
			Notice notice, String recipient, PersonalMessage message, boolean toChannel, boolean test, int attempts,
			Instant giveUpAt) {

		/** A message to one person through a contact method. */
		boolean toPerson() {
			return message != null && !toChannel;
		}

	}

	/**
	 * Leases up to {@code limit} due deliveries to {@code owner}. SKIP LOCKED lets
	 * several nodes claim at once without waiting on or taking each other's rows.
	 */
	List<Claimed> claim(String owner, Instant now, Instant leaseUntil, int limit) {
		return jdbc.sql("""
				UPDATE notification_deliveries SET lease_owner = :owner, lease_until = :leaseUntil
				WHERE id IN (SELECT id FROM notification_deliveries
				             WHERE status = 'pending' AND next_attempt_at <= :now
				               AND (lease_until IS NULL OR lease_until <= :now)
				             ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
				RETURNING id, idempotency_key, channel_id, channel_name, channel_kind, notice, recipient, message,
				  to_channel, test, attempts, give_up_at""")
			.param("owner", owner)
			.param("now", Timestamp.from(now))
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.param("limit", limit)
			.query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("idempotency_key"),
					rs.getObject("channel_id", UUID.class), rs.getString("channel_name"), rs.getString("channel_kind"),
					rs.getString("notice") == null ? null : json.readValue(rs.getString("notice"), Notice.class),
					rs.getString("recipient"),
					rs.getString("message") == null ? null
							: json.readValue(rs.getString("message"), PersonalMessage.class),
					rs.getBoolean("to_channel"), rs.getBoolean("test"), rs.getInt("attempts"),
					rs.getTimestamp("give_up_at").toInstant()))
			.list();
	}

	/**
	 * Records the end of an attempt if {@code owner} still holds the lease; false when it
	 * ran out and the delivery may be another worker's now. {@code nextAttemptAt} matters
	 * only for a delivery that stays pending.
	 */
	boolean finish(UUID id, String owner, String status, Instant nextAttemptAt, String error, Instant now) {
		boolean pending = "pending".equals(status);
		return jdbc.sql("""
				UPDATE notification_deliveries SET status = :status, attempts = attempts + 1,
				  next_attempt_at = :next, last_error = :error, lease_owner = NULL, lease_until = NULL,
				  updated_at = :now, completed_at = :completed
				WHERE id = :id AND lease_owner = :owner AND status = 'pending'""")
			.param("id", id)
			.param("owner", owner)
			.param("status", status)
			.param("next", Timestamp.from(pending ? nextAttemptAt : now))
			.param("error", error)
			.param("now", Timestamp.from(now))
			.param("completed", pending ? null : Timestamp.from(now), java.sql.Types.TIMESTAMP)
			.update() > 0;
	}

	void recordAttempt(UUID id, int number, Instant startedAt, long durationMs, SendResult result) {
		jdbc.sql("""
				INSERT INTO notification_delivery_attempts (delivery_id, number, started_at, duration_ms, status_code,
				  error, outcome)
				VALUES (:id, :number, :startedAt, :duration, :statusCode, :error, :outcome)""")
			.param("id", id)
			.param("number", number)
			.param("startedAt", Timestamp.from(startedAt))
			.param("duration", durationMs)
			.param("statusCode", result.statusCode())
			.param("error", result.error())
			.param("outcome", switch (result.outcome()) {
				case SUCCEEDED -> "succeeded";
				case RETRY -> "retry";
				case FAILED -> "failed";
			})
			.update();
	}

	/** Makes a failed delivery due again now, with a fresh retry period. */
	boolean requeue(UUID id, Instant now, Instant giveUpAt) {
		return jdbc.sql("""
				UPDATE notification_deliveries SET status = 'pending', next_attempt_at = :now, give_up_at = :giveUpAt,
				  completed_at = NULL, updated_at = :now
				WHERE id = :id AND status = 'failed'""")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.param("giveUpAt", Timestamp.from(giveUpAt))
			.update() > 0;
	}

	long countPending() {
		return jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE status = 'pending'")
			.query(Long.class)
			.single();
	}

}
