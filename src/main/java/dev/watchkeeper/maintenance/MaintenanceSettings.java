package dev.watchkeeper.maintenance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Maintenance settings, bound from {@code watchkeeper.maintenance.*}. The policy itself
 * (maximum duration, notice, reminder, follow-up, default window) is data, changed
 * through the API or UI.
 *
 * @param serviceLabel the alert label that names a service by its catalog slug; alerts
 * whose label names an affected service are suppressed during a window
 * @param refreshEvery how long a node reuses its in-memory list of windows before reading
 * it again (a change on this node refreshes it at once; changes on other nodes show
 * within this)
 */
@ConfigurationProperties("watchkeeper.maintenance")
public record MaintenanceSettings(@DefaultValue("service") String serviceLabel,
		@DefaultValue("5s") Duration refreshEvery) {
}
