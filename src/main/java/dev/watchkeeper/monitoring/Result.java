package dev.watchkeeper.monitoring;

import java.time.Instant;

/**
 * One run of a check.
 *
 * @param at when it started
 * @param ok whether it succeeded
 * @param latencyMs how long it took, if it got an answer
 * @param message what failed, or a summary
 */
public record Result(Instant at, boolean ok, Double latencyMs, String message) {
}
