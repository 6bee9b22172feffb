package dev.watchkeeper.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * How the incidents of one catalog service behave.
 *
 * @param serviceId the catalog service
 * @param autoResolve whether an open incident of the service resolves by itself once
 * every alert attached to it has resolved
 * @param updatedAt when the settings last changed; null while the service has the
 * defaults
 * @param updatedBy who changed them last
 */
public record ServiceSettings(UUID serviceId, boolean autoResolve, Instant updatedAt, String updatedBy) {
}
