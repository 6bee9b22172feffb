package dev.watchkeeper.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.platform.PageQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Teams and memberships in {@code identity_teams} and {@code identity_team_members}. */
@Repository
class TeamStore {

	private static final String COLUMNS = "id, slug, name, description, lead_id, manager_id, created_at";

	private final JdbcClient jdbc;

	TeamStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Team team, Instant now) {
		jdbc.sql("""
				INSERT INTO identity_teams (id, slug, name, description, lead_id, manager_id, created_at, updated_at)
				VALUES (:id, :slug, :name, :description, :lead, :manager, :now, :now)""")
			.param("id", team.id().value())
			.param("slug", team.slug())
			.param("name", team.name())
			.param("description", team.description())
			.param("lead", team.leadId() == null ? null : team.leadId().value())
			.param("manager", team.managerId() == null ? null : team.managerId().value())
			.param("now", Timestamp.from(now))
			.update();
		replaceMembers(team.id(), team.memberIds());
	}

	void update(Team team, Instant now) {
		jdbc.sql("""
				UPDATE identity_teams SET slug = :slug, name = :name, description = :description, lead_id = :lead,
				  manager_id = :manager, updated_at = :now WHERE id = :id""")
			.param("id", team.id().value())
			.param("slug", team.slug())
			.param("name", team.name())
			.param("description", team.description())
			.param("lead", team.leadId() == null ? null : team.leadId().value())
			.param("manager", team.managerId() == null ? null : team.managerId().value())
			.param("now", Timestamp.from(now))
			.update();
		replaceMembers(team.id(), team.memberIds());
	}

	boolean delete(TeamId id) {
		return jdbc.sql("DELETE FROM identity_teams WHERE id = :id").param("id", id.value()).update() > 0;
	}

	private void replaceMembers(TeamId id, List<UserId> members) {
		jdbc.sql("DELETE FROM identity_team_members WHERE team_id = :id").param("id", id.value()).update();
		for (UserId member : members) {
			jdbc.sql(
					"INSERT INTO identity_team_members (team_id, user_id) VALUES (:team, :user) ON CONFLICT DO NOTHING")
				.param("team", id.value())
				.param("user", member.value())
				.update();
		}
	}

	Optional<Team> find(TeamId id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM identity_teams WHERE id = :id")
			.param("id", id.value())
			.query(this::row)
			.optional()
			.map(team -> withMembers(List.of(team)).get(0));
	}

	Optional<Team> findBySlug(String slug) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM identity_teams WHERE slug = :slug")
			.param("slug", slug)
			.query(this::row)
			.optional()
			.map(team -> withMembers(List.of(team)).get(0));
	}

	List<Team> list(PageQuery page) {
		return withMembers(jdbc
			.sql("SELECT " + COLUMNS + " FROM identity_teams ORDER BY lower(name), id LIMIT :limit OFFSET :offset")
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::row)
			.list());
	}

	Map<TeamId, TeamRef> refs(java.util.Collection<TeamId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<TeamId, TeamRef> refs = new HashMap<>();
		jdbc.sql("SELECT id, slug, name FROM identity_teams WHERE id IN (:ids)")
			.param("ids", ids.stream().map(TeamId::value).distinct().toList())
			.query((rs, n) -> {
				var id = new TeamId(rs.getObject("id", UUID.class));
				return refs.put(id, new TeamRef(id, rs.getString("slug"), rs.getString("name")));
			})
			.list();
		return refs;
	}

	long count() {
		return jdbc.sql("SELECT count(*) FROM identity_teams").query(Long.class).single();
	}

	List<Team> ofMember(UserId user) {
		return withMembers(jdbc.sql("""
				SELECT t.id, t.slug, t.name, t.description, t.lead_id, t.manager_id, t.created_at
				FROM identity_teams t JOIN identity_team_members m ON m.team_id = t.id
				WHERE m.user_id = :user ORDER BY lower(t.name)""").param("user", user.value()).query(this::row).list());
	}

	private List<Team> withMembers(List<Team> teams) {
		if (teams.isEmpty()) {
			return teams;
		}
		Map<UUID, List<UserId>> members = new HashMap<>();
		jdbc.sql("""
				SELECT m.team_id, m.user_id FROM identity_team_members m JOIN identity_users u ON u.id = m.user_id
				WHERE m.team_id IN (:ids) ORDER BY lower(u.name)""")
			.param("ids", teams.stream().map(t -> t.id().value()).toList())
			.query((rs, n) -> members.computeIfAbsent(rs.getObject("team_id", UUID.class), k -> new ArrayList<>())
				.add(new UserId(rs.getObject("user_id", UUID.class))))
			.list();
		return teams.stream()
			.map(t -> new Team(t.id(), t.slug(), t.name(), t.description(), t.leadId(), t.managerId(),
					List.copyOf(members.getOrDefault(t.id().value(), List.of())), t.createdAt()))
			.toList();
	}

	private Team row(ResultSet rs, int n) throws SQLException {
		UUID lead = rs.getObject("lead_id", UUID.class);
		UUID manager = rs.getObject("manager_id", UUID.class);
		return new Team(new TeamId(rs.getObject("id", UUID.class)), rs.getString("slug"), rs.getString("name"),
				rs.getString("description"), lead == null ? null : new UserId(lead),
				manager == null ? null : new UserId(manager), List.of(), rs.getTimestamp("created_at").toInstant());
	}

}
