package dev.watchkeeper.monitoring.web;

import java.time.Instant;
import java.util.UUID;

import dev.watchkeeper.monitoring.Check;
import dev.watchkeeper.monitoring.CheckSettings;
import dev.watchkeeper.monitoring.CheckState;

/**
 * A check as the API shows it: its definition, state, and for heartbeats the ping URL
 * path.
 */
record CheckView(UUID id, String name, String kind, String service, String environment, Integer intervalSeconds,
		int timeoutMs, int failureThreshold, int successThreshold, String severity, String runbookUrl, boolean enabled,
		CheckSettings.Http http, CheckSettings.Tcp tcp, CheckSettings.Tls tls, CheckSettings.Heartbeat heartbeat,
		String pingUrl, CheckState state, Instant createdAt, Instant updatedAt) {

	static CheckView of(Check check, String serviceSlug) {
		boolean heartbeat = check.pingKey() != null;
		return new CheckView(check.id(), check.name(), check.kind().value(), serviceSlug, check.environment(),
				heartbeat ? null : check.intervalSeconds(), check.timeoutMs(), check.failureThreshold(),
				check.successThreshold(), check.severity(), check.runbookUrl(), check.enabled(), check.http(),
				check.tcp(), check.tls(), check.heartbeat(), heartbeat ? "/ping/" + check.pingKey() : null,
				check.state(), check.createdAt(), check.updatedAt());
	}

}
