package dev.watchkeeper.identity;

import java.time.Instant;
import java.util.Map;

/**
 * Something security-relevant happened that an operator should hear about, e.g. more than
 * five failed logins for one account within fifteen minutes (handbook 003). The alerting
 * module turns these into alerts.
 *
 * @param kind a stable name such as {@code failed_logins} or {@code address_throttled}
 * @param subject the account or address concerned
 * @param detail one human sentence
 * @param labels extra labels for the alert (user, ip_address, …)
 * @param at when it happened
 */
public record SecuritySignal(String kind, String subject, String detail, Map<String, String> labels, Instant at) {
}
