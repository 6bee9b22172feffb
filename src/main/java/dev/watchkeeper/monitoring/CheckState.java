package dev.watchkeeper.monitoring;

import java.time.Instant;

/**
 * What a check last saw.
 *
 * @param status pending (never ran), up or down
 * @param consecutiveFailures failures in a row
 * @param consecutiveSuccesses successes in a row
 * @param statusChangedAt when the status last changed
 * @param lastRunAt when it last ran (or a heartbeat last reported)
 * @param lastOk whether that run succeeded
 * @param lastLatencyMs how long that run took
 * @param lastMessage what failed, or a summary of success
 * @param nextRunAt when a probe runs next
 * @param lastPingAt when a heartbeat was last pinged
 * @param lastStartAt when a heartbeat's run last started
 * @param lastDurationMs how long the heartbeat's last run took, start to finish
 */
public record CheckState(String status, int consecutiveFailures, int consecutiveSuccesses, Instant statusChangedAt,
		Instant lastRunAt, Boolean lastOk, Double lastLatencyMs, String lastMessage, Instant nextRunAt,
		Instant lastPingAt, Instant lastStartAt, Long lastDurationMs) {
}
