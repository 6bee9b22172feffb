package dev.watchkeeper.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * A check of a catalog service in one environment, with its current state.
 *
 * @param id the check's id
 * @param name unique per service and environment
 * @param kind what it does
 * @param serviceId the catalog service
 * @param environment where the checked endpoint runs
 * @param intervalSeconds start-to-start time between runs
 * @param timeoutMs limit of one run
 * @param failureThreshold consecutive failures before down
 * @param successThreshold consecutive successes before up
 * @param severity of its alert
 * @param runbookUrl its own runbook, if set
 * @param enabled whether it runs
 * @param pingKey a heartbeat's secret ping key ({@code /ping/<key>})
 * @param http http settings
 * @param tcp tcp settings
 * @param tls tls settings
 * @param heartbeat heartbeat settings
 * @param state what it last saw
 * @param createdAt when created
 * @param updatedAt when last changed
 */
public record Check(UUID id, String name, CheckKind kind, UUID serviceId, String environment, int intervalSeconds,
		int timeoutMs, int failureThreshold, int successThreshold, String severity, String runbookUrl, boolean enabled,
		UUID pingKey, CheckSettings.Http http, CheckSettings.Tcp tcp, CheckSettings.Tls tls,
		CheckSettings.Heartbeat heartbeat, CheckState state, Instant createdAt, Instant updatedAt) {
}
