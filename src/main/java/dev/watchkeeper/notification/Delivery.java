package dev.watchkeeper.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One notice to one channel, as the delivery log shows it.
 *
 * @param id the delivery's id
 * @param idempotencyKey the key it was enqueued with; sent as {@code webhook-id}
 * @param channelId the channel, unless it was deleted since
 * @param channelName the channel's name when enqueued
 * @param channelKind email, slack, teams, webhook or pagerduty
 * @param subject what the notice says in one line
 * @param status pending, succeeded or failed
 * @param test whether it was a test send
 * @param attemptCount attempts made so far
 * @param nextAttemptAt when a pending delivery is tried next
 * @param giveUpAt when a still-failing delivery is given up
 * @param lastError what the last failed attempt said
 * @param createdAt when enqueued
 * @param completedAt when it succeeded or finally failed
 * @param attempts each attempt, oldest first (only in the detail view)
 */
public record Delivery(UUID id, String idempotencyKey, UUID channelId, String channelName, String channelKind,
		String subject, String status, boolean test, int attemptCount, Instant nextAttemptAt, Instant giveUpAt,
		String lastError, Instant createdAt, Instant completedAt, List<Attempt> attempts) {

	/**
	 * One attempt to send.
	 *
	 * @param number 1 for the first
	 * @param startedAt when it started
	 * @param durationMs how long it took
	 * @param statusCode the peer's HTTP status, if it answered
	 * @param error what went wrong
	 * @param outcome succeeded, retry or failed
	 */
	public record Attempt(int number, Instant startedAt, long durationMs, Integer statusCode, String error,
			String outcome) {
	}

}
