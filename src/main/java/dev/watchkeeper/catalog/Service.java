package dev.watchkeeper.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A service of the catalog: what alerts, incidents, checks and deployments are about.
 *
 * @param id the service's id
 * @param slug url-safe unique name, e.g. {@code checkout}
 * @param name display name
 * @param description what it does
 * @param ownerTeamId the owning team, if set
 * @param tier 1 (most critical) to 4
 * @param runbookUrl where responders start
 * @param tags free labels, e.g. {@code payments}
 * @param environments where it runs, with URLs
 * @param createdAt when created
 * @param updatedAt when last changed
 */
public record Service(ServiceId id, String slug, String name, String description, UUID ownerTeamId, int tier,
		String runbookUrl, List<String> tags, List<Environment> environments, Instant createdAt, Instant updatedAt) {

	/** The environments of handbook 004 §1.1, in promotion order. */
	public static final List<String> ENVIRONMENTS = List.of("development", "staging", "production");

	/** Environments are kept in promotion order. */
	public Service {
		environments = environments.stream()
			.sorted(java.util.Comparator.comparingInt(e -> ENVIRONMENTS.indexOf(e.name())))
			.toList();
		tags = List.copyOf(tags);
	}

	public Optional<Environment> environment(String name) {
		return environments.stream().filter(e -> e.name().equals(name)).findFirst();
	}

	/**
	 * One environment the service runs in.
	 *
	 * @param name development, staging or production
	 * @param url where it is reached
	 */
	public record Environment(String name, String url) {
	}

}
