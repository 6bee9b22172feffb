package dev.watchkeeper.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one run of a check (or one heartbeat event) found.
 *
 * @param checkId the check
 * @param at when the run started (or the ping arrived)
 * @param ok whether it succeeded
 * @param latencyMs how long it took, if it got an answer
 * @param message what failed, or a short summary
 * @param alertSeverity the alert's severity if it is not the check's (certificate expiry)
 * @param certificates the chain a TLS check saw, empty otherwise
 * @param downNow go down at once, whatever the failure threshold (a late heartbeat)
 */
record Outcome(UUID checkId, Instant at, boolean ok, Double latencyMs, String message, String alertSeverity,
		List<Certificate> certificates, boolean downNow) {

	static Outcome success(UUID checkId, Instant at, Double latencyMs, String message) {
		return new Outcome(checkId, at, true, latencyMs, message, null, List.of(), false);
	}

	static Outcome failure(UUID checkId, Instant at, Double latencyMs, String message) {
		return new Outcome(checkId, at, false, latencyMs, message, null, List.of(), false);
	}

}
