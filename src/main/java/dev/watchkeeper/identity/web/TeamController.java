package dev.watchkeeper.identity.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.identity.OrgRoles;
import dev.watchkeeper.identity.Team;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Teams and organisation roles over the API. */
@RestController
@Tag(name = "Teams")
class TeamController {

	private final Teams teams;

	private final Users users;

	private final OrgRoles orgRoles;

	TeamController(Teams teams, Users users, OrgRoles orgRoles) {
		this.teams = teams;
		this.users = users;
		this.orgRoles = orgRoles;
	}

	@Schema(example = """
			{"slug":"core-platform","name":"Core Platform","description":"Owns the API and database",
			 "leadId":"8a1e…","managerId":"3f2c…","memberIds":["8a1e…","5d4b…"]}""")
	record TeamRequest(String slug, String name, String description, UUID leadId, UUID managerId,
			List<UUID> memberIds) {

		Teams.TeamDraft draft() {
			return new Teams.TeamDraft(slug, name, description, leadId == null ? null : new UserId(leadId),
					managerId == null ? null : new UserId(managerId),
					memberIds == null ? List.of() : memberIds.stream().map(UserId::new).toList());
		}

	}

	/**
	 * A person as a team shows them.
	 *
	 * @param id user id
	 * @param name name
	 * @param email email
	 */
	record Person(String id, String name, String email) {

		static Person of(User user) {
			return new Person(user.id().toString(), user.name(), user.email());
		}

	}

	/**
	 * A team with its people.
	 *
	 * @param id id
	 * @param slug slug
	 * @param name name
	 * @param description description
	 * @param lead team lead
	 * @param manager engineering manager
	 * @param members members
	 */
	record TeamView(String id, String slug, String name, String description, Person lead, Person manager,
			List<Person> members) {
	}

	@Schema(example = """
			{"userId":"8a1e…","position":0}""")
	record OrgRoleRequest(UUID userId, Integer position) {
	}

	@GetMapping("/api/v1/teams")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "List teams")
	PageQuery.Page<TeamView> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		var result = teams.list(PageQuery.of(page, size));
		// one lookup for the members of every team on the page
		List<UserId> memberIds = result.items().stream().flatMap(t -> t.memberIds().stream()).distinct().toList();
		List<Person> everyone = users.findAll(memberIds).stream().map(Person::of).toList();
		return new PageQuery.Page<>(result.items().stream().map(team -> view(team, everyone)).toList(), result.page(),
				result.size(), result.total());
	}

	@PostMapping("/api/v1/teams")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Create a team", description = "The lead and manager become members too.")
	ResponseEntity<TeamView> create(@RequestBody TeamRequest request) {
		Team team = teams.create(request.draft());
		return ResponseEntity.created(URI.create("/api/v1/teams/" + team.slug())).body(view(team));
	}

	@GetMapping("/api/v1/teams/{slug}")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "One team")
	TeamView get(@PathVariable String slug) {
		return view(bySlug(slug));
	}

	@PutMapping("/api/v1/teams/{slug}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Replace a team")
	TeamView update(@PathVariable String slug, @RequestBody TeamRequest request) {
		return view(teams.update(bySlug(slug).id(), request.draft()));
	}

	@DeleteMapping("/api/v1/teams/{slug}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Delete a team")
	ResponseEntity<Void> delete(@PathVariable String slug) {
		teams.delete(bySlug(slug).id());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/org-roles")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Organisation roles (e.g. CTO) and who holds them")
	List<OrgRoles.OrgRole> orgRoles() {
		return orgRoles.list();
	}

	@PutMapping("/api/v1/org-roles/{name}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Create an organisation role or give it to a user")
	OrgRoles.OrgRole assign(@PathVariable String name, @RequestBody OrgRoleRequest request) {
		return orgRoles.assign(name, request.userId() == null ? null : new UserId(request.userId()),
				request.position());
	}

	@DeleteMapping("/api/v1/org-roles/{name}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Delete an organisation role")
	ResponseEntity<Void> deleteOrgRole(@PathVariable String name) {
		orgRoles.delete(name);
		return ResponseEntity.noContent().build();
	}

	private Team bySlug(String slug) {
		return teams.findBySlug(slug).orElseThrow(() -> DomainException.notFound("Team", slug));
	}

	private TeamView view(Team team) {
		return view(team, users.findAll(team.memberIds()).stream().map(Person::of).toList());
	}

	private static TeamView view(Team team, List<Person> known) {
		var people = team.memberIds()
			.stream()
			.map(id -> known.stream().filter(p -> p.id().equals(id.toString())).findFirst().orElse(null))
			.filter(java.util.Objects::nonNull)
			.toList();
		return new TeamView(team.id().toString(), team.slug(), team.name(), team.description(),
				person(team.leadId(), people), person(team.managerId(), people), people);
	}

	private static Person person(UserId id, List<Person> people) {
		return id == null ? null : people.stream().filter(p -> p.id().equals(id.toString())).findFirst().orElse(null);
	}

}
