package dev.watchkeeper.incident;

import java.util.UUID;

/**
 * What someone declaring an incident says about it.
 *
 * @param title what is wrong, 1 to 200 characters
 * @param severity a level of the severity policy or one of its aliases (SEV-1, P0,
 * critical …)
 * @param serviceId the affected catalog service, if known
 * @param summary more detail, at most 10,000 characters
 */
public record IncidentDraft(String title, String severity, UUID serviceId, String summary) {
}
