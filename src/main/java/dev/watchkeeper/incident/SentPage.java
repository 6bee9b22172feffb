package dev.watchkeeper.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * One page of an incident: one person, by one contact method, and how its delivery went.
 *
 * @param deliveryKey the outbox idempotency key of the page
 * @param pagedAt when it was handed to the outbox
 * @param userId the person paged
 * @param userName their name (their id once deleted)
 * @param kind the contact method: email, slack, webhook, sms or voice
 * @param address where it went
 * @param round 1 for the first pass through the policy, 2 for its first repeat …; null
 * for a page outside the steps (a missed target)
 * @param step the policy step, from 1; null for a page outside the steps
 * @param reason why: the step and its targets, or a missed target
 * @param deliveryId the outbox delivery, null when none was enqueued
 * @param deliveryStatus pending, succeeded or failed; {@code not_queued} without a
 * delivery
 * @param attempts attempts to send so far
 * @param lastError what the last failed attempt said
 * @param completedAt when the delivery succeeded or finally failed
 */
public record SentPage(String deliveryKey, Instant pagedAt, UUID userId, String userName, String kind, String address,
		Integer round, Integer step, String reason, UUID deliveryId, String deliveryStatus, int attempts,
		String lastError, Instant completedAt) {
}
