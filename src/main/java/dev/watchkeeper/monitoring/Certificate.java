package dev.watchkeeper.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * One certificate of the chain a TLS check saw.
 *
 * @param checkId the check that saw it
 * @param position 0 for the server's own certificate, then up the chain
 * @param subject its subject's distinguished name
 * @param issuer its issuer's distinguished name
 * @param notAfter when it expires
 * @param seenAt when the check last saw it
 */
public record Certificate(UUID checkId, int position, String subject, String issuer, Instant notAfter, Instant seenAt) {
}
