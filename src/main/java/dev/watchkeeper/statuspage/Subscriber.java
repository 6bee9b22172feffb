package dev.watchkeeper.statuspage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscriber of the status page.
 *
 * @param id the subscriber's id
 * @param kind email or webhook
 * @param email where notices (email) or confirmation and failure notes (webhook) go
 * @param endpoint the webhook's URL, null for email
 * @param componentIds the components chosen; empty for all
 * @param confirmedAt when the address was confirmed; null while pending
 * @param createdAt when the request came
 */
public record Subscriber(UUID id, String kind, String email, String endpoint, List<UUID> componentIds,
		Instant confirmedAt, Instant createdAt) {

	public Subscriber {
		componentIds = List.copyOf(componentIds);
	}

	/**
	 * Whether notices about these components reach this subscriber (no components: about
	 * everything).
	 */
	public boolean follows(List<UUID> components) {
		return componentIds.isEmpty() || components.isEmpty() || components.stream().anyMatch(componentIds::contains);
	}

}
