package dev.watchkeeper.alerting;

import java.time.Instant;

/**
 * One line of an alert's history.
 *
 * @param at when
 * @param kind fired, resolved, silenced, inhibited, notified, …
 * @param detail what happened, in words
 */
public record AlertEvent(Instant at, String kind, String detail) {
}
