package dev.watchkeeper.oncall;

import java.time.Duration;

/**
 * One planned contact of a user when paged: after {@code delay}, by this contact method.
 *
 * @param delay how long after the page starts
 * @param kind email, sms, voice, slack or webhook
 * @param address the address, number, Slack member id or URL from the user's profile
 */
public record PlannedContact(Duration delay, String kind, String address) {
}
