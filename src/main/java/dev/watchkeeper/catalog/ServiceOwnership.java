package dev.watchkeeper.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.identity.TeamId;
import dev.watchkeeper.identity.TeamReferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a team that owns services from being deleted: the services would be left with an
 * owner nobody can see, and alerts routed by owner would go nowhere.
 */
@Component
class ServiceOwnership implements TeamReferences {

	private static final int NAMED = 5;

	private final JdbcClient jdbc;

	ServiceOwnership(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> blockingDeletionOf(TeamId team) {
		UUID id = team.value();
		List<String> slugs = jdbc.sql("SELECT slug FROM catalog_services WHERE owner_team_id = :team ORDER BY slug")
			.param("team", id)
			.query(String.class)
			.list();
		if (slugs.isEmpty()) {
			return Optional.empty();
		}
		String named = String.join(", ", slugs.subList(0, Math.min(NAMED, slugs.size())))
				+ (slugs.size() > NAMED ? ", …" : "");
		return Optional.of("owns " + slugs.size() + (slugs.size() == 1 ? " service" : " services") + " (" + named
				+ "); give them another owner first");
	}

}
