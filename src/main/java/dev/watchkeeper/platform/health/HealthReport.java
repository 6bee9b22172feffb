package dev.watchkeeper.platform.health;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The handbook 004 §3.7 health document.
 *
 * @param status healthy or unhealthy
 * @param version the running Watchkeeper version
 * @param timestamp when the checks ran
 * @param checks each dependency's state
 */
@Schema(example = """
		{"status":"healthy","version":"0.1.0","timestamp":"2026-01-15T10:30:00Z","checks":{"database":"healthy"}}""")
public record HealthReport(String status, String version, Instant timestamp, Map<String, String> checks) {

	public boolean healthy() {
		return HealthStatus.HEALTHY.equals(status);
	}

}
