package dev.watchkeeper.monitoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Check settings, bound from {@code watchkeeper.monitoring.*} (defaults and comments in
 * application.yaml, table in docs/monitoring.md).
 *
 * @param schedulerEnabled whether this node runs probes
 * @param maxConcurrency probes running at once on this node
 * @param pollInterval how often the node claims due checks
 * @param claimAhead how far ahead of their time checks are claimed, so they start on time
 * @param claimBatch the most checks claimed in one statement
 * @param writeInterval how often results are written, in batches
 * @param bodyLimit the most bytes of a response body read; a larger body fails the check
 * @param connectTimeout the longest TCP connect of an HTTP probe
 * @param minInterval the shortest interval a check may have
 * @param alertRefresh how often a down check re-posts its firing alert
 * @param rawRetention how long every run's result is kept
 * @param rollupRetention how long per-minute, per-hour and per-day roll-ups are kept
 * @param pingBodyLimit the most bytes of a ping body kept; the rest is cut off
 * @param tlsWarnDays default days before expiry a certificate warns
 * @param tlsCriticalDays default days before expiry a certificate is critical
 * @param userAgent the User-Agent of HTTP probes
 */
@ConfigurationProperties("watchkeeper.monitoring")
public record MonitoringSettings(@DefaultValue("true") boolean schedulerEnabled,
		@DefaultValue("500") int maxConcurrency, @DefaultValue("250ms") Duration pollInterval,
		@DefaultValue("1s") Duration claimAhead, @DefaultValue("1000") int claimBatch,
		@DefaultValue("500ms") Duration writeInterval, @DefaultValue("1MB") DataSize bodyLimit,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration minInterval,
		@DefaultValue("1m") Duration alertRefresh, @DefaultValue("14d") Duration rawRetention,
		@DefaultValue("400d") Duration rollupRetention, @DefaultValue("100KB") DataSize pingBodyLimit,
		@DefaultValue("30") int tlsWarnDays, @DefaultValue("7") int tlsCriticalDays,
		@DefaultValue("Watchkeeper") String userAgent) {

	public MonitoringSettings {
		if (maxConcurrency < 1) {
			throw new IllegalArgumentException("watchkeeper.monitoring.max-concurrency must be at least 1");
		}
		if (rawRetention.compareTo(Duration.ofDays(2)) < 0) {
			throw new IllegalArgumentException(
					"watchkeeper.monitoring.raw-retention must be at least 2d: day roll-ups are computed from it");
		}
	}

}
