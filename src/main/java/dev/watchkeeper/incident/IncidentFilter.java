package dev.watchkeeper.incident;

import java.util.UUID;

/**
 * Which incidents to list; null fields do not filter.
 *
 * @param status a status, or {@code open} for every status before resolved
 * @param severity a severity level's name
 * @param serviceId the affected service
 */
public record IncidentFilter(String status, String severity, UUID serviceId) {

	public static final IncidentFilter ALL = new IncidentFilter(null, null, null);

}
