package dev.watchkeeper.oncall;

import java.time.Instant;

/**
 * Something about a schedule's shifts worth a look; allowed, but shown.
 *
 * @param kind {@code gap} (nobody on call), {@code double_booked} (one person on two
 * layers at once) or {@code override_overlap} (two overrides of one layer overlap; the
 * later wins)
 * @param start where it starts
 * @param end where it ends
 * @param message one sentence for people
 */
public record CalendarWarning(String kind, Instant start, Instant end, String message) {
}
