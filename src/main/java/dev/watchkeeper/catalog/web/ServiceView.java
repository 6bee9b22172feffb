package dev.watchkeeper.catalog.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.identity.TeamId;
import dev.watchkeeper.identity.TeamRef;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A service as the API shows it.
 *
 * @param id the id
 * @param slug url-safe unique name
 * @param name display name
 * @param description what it does
 * @param ownerTeam the owning team, if any
 * @param tier 1 (most critical) to 4
 * @param runbookUrl where responders start
 * @param tags labels
 * @param environments where it runs
 * @param createdAt when created
 * @param updatedAt when last changed
 */
@Schema(example = """
		{"id":"5b0d…","slug":"checkout","name":"Checkout","description":"Takes payments","ownerTeam":{"id":"a1c2…","slug":"payments","name":"Payments"},
		 "tier":1,"runbookUrl":"https://runbooks.example.com/checkout","tags":["payments","customer-facing"],
		 "environments":[{"name":"staging","url":"https://staging.example.com/checkout"},{"name":"production","url":"https://api.example.com/checkout"}],
		 "createdAt":"2026-11-22T09:00:00Z","updatedAt":"2026-11-22T09:00:00Z"}""")
record ServiceView(String id, String slug, String name, String description, OwnerTeam ownerTeam, int tier,
		String runbookUrl, List<String> tags, List<Service.Environment> environments, Instant createdAt,
		Instant updatedAt) {

	/**
	 * The owning team.
	 *
	 * @param id the team's id
	 * @param slug its slug
	 * @param name its name
	 */
	record OwnerTeam(String id, String slug, String name) {
	}

	static ServiceView of(Service service, Map<TeamId, TeamRef> teams) {
		OwnerTeam owner = null;
		if (service.ownerTeamId() != null) {
			TeamRef ref = teams.get(new TeamId(service.ownerTeamId()));
			owner = ref == null ? new OwnerTeam(service.ownerTeamId().toString(), null, null)
					: new OwnerTeam(ref.id().toString(), ref.slug(), ref.name());
		}
		return new ServiceView(service.id().toString(), service.slug(), service.name(), service.description(), owner,
				service.tier(), service.runbookUrl(), service.tags(), service.environments(), service.createdAt(),
				service.updatedAt());
	}

}
