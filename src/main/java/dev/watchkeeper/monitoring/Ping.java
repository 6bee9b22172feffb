package dev.watchkeeper.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * A heartbeat ping as received.
 *
 * @param id its sequence number
 * @param checkId the check pinged
 * @param at when it arrived
 * @param kind start, success, fail or log
 * @param exitStatus the exit status the job reported, if any
 * @param rid the run id pairing a start with its finish, if given
 * @param durationMs start to finish, on a finishing ping paired with its start
 * @param body what the job sent (cut off at the configured limit)
 * @param truncated whether the body was cut off
 * @param method the HTTP method
 * @param address where it came from
 */
public record Ping(long id, UUID checkId, Instant at, String kind, Integer exitStatus, UUID rid, Long durationMs,
		String body, boolean truncated, String method, String address) {
}
