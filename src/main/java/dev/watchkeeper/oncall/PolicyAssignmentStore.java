package dev.watchkeeper.oncall;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which policy a team uses, and services that use another than their team's:
 * {@code oncall_team_policies} and {@code oncall_service_policies}.
 */
@Repository
class PolicyAssignmentStore {

	/**
	 * One assignment.
	 *
	 * @param kind team or service
	 * @param subjectId the team's or service's id
	 * @param policyId the policy
	 */
	record Assignment(String kind, UUID subjectId, UUID policyId) {
	}

	private final JdbcClient jdbc;

	PolicyAssignmentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UUID> ofTeam(UUID team) {
		return jdbc.sql("SELECT policy_id FROM oncall_team_policies WHERE team_id = :id")
			.param("id", team)
			.query(UUID.class)
			.optional();
	}

	Optional<UUID> ofService(UUID service) {
		return jdbc.sql("SELECT policy_id FROM oncall_service_policies WHERE service_id = :id")
			.param("id", service)
			.query(UUID.class)
			.optional();
	}

	void assign(String kind, UUID subject, UUID policy, Instant now) {
		jdbc.sql("INSERT INTO " + table(kind) + " (" + column(kind) + ", policy_id, updated_at) VALUES (:s, :p, :now) "
				+ "ON CONFLICT (" + column(kind) + ") DO UPDATE SET policy_id = EXCLUDED.policy_id, "
				+ "updated_at = EXCLUDED.updated_at")
			.param("s", subject)
			.param("p", policy)
			.param("now", Timestamp.from(now))
			.update();
	}

	boolean clear(String kind, UUID subject) {
		return jdbc.sql("DELETE FROM " + table(kind) + " WHERE " + column(kind) + " = :s")
			.param("s", subject)
			.update() > 0;
	}

	List<Assignment> all() {
		return jdbc.sql("""
				SELECT 'team' AS kind, team_id AS subject, policy_id FROM oncall_team_policies
				UNION ALL SELECT 'service', service_id, policy_id FROM oncall_service_policies
				ORDER BY kind, subject""")
			.query((rs, n) -> new Assignment(rs.getString("kind"), rs.getObject("subject", UUID.class),
					rs.getObject("policy_id", UUID.class)))
			.list();
	}

	List<Assignment> ofPolicy(UUID policy) {
		return all().stream().filter(a -> a.policyId().equals(policy)).toList();
	}

	private static String table(String kind) {
		return "team".equals(kind) ? "oncall_team_policies" : "oncall_service_policies";
	}

	private static String column(String kind) {
		return "team".equals(kind) ? "team_id" : "service_id";
	}

}
