package dev.watchkeeper.notification;

import java.util.UUID;

/**
 * Published (Modulith event, after commit) when a delivery finally fails after all
 * retries.
 *
 * @param deliveryId the failed delivery
 * @param channelName the channel it was for
 * @param channelKind email, slack, teams, webhook or pagerduty
 * @param idempotencyKey the key it was enqueued with
 * @param attempts how many attempts were made
 * @param lastError what the last attempt said
 */
public record DeliveryFailed(UUID deliveryId, String channelName, String channelKind, String idempotencyKey,
		int attempts, String lastError) {
}
