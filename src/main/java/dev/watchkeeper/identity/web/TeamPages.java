package dev.watchkeeper.identity.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.identity.OrgRoles;
import dev.watchkeeper.identity.Team;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Teams and organisation roles in the UI. */
@Controller
class TeamPages {

	private final Teams teams;

	private final Users users;

	private final OrgRoles orgRoles;

	TeamPages(Teams teams, Users users, OrgRoles orgRoles) {
		this.teams = teams;
		this.users = users;
		this.orgRoles = orgRoles;
	}

	/**
	 * A team as pages show it.
	 *
	 * @param slug slug
	 * @param name name
	 * @param description description
	 * @param lead lead's name
	 * @param manager manager's name
	 * @param members members
	 */
	record TeamRow(String slug, String name, String description, String lead, String manager, List<User> members) {
	}

	/**
	 * An organisation role and its holder's name.
	 *
	 * @param name the role
	 * @param holder who holds it
	 * @param holderId the holder's id
	 */
	record OrgRoleRow(String name, String holder, String holderId) {
	}

	@GetMapping("/teams")
	@PreAuthorize("hasRole('VIEWER')")
	String list(Model model) {
		List<Team> all = teams.list(PageQuery.of(1, PageQuery.MAX_SIZE)).items();
		List<User> everyone = allUsers();
		Map<UserId, User> people = byId(everyone);
		model.addAttribute("teams", all.stream().map(team -> row(team, people)).toList());
		model.addAttribute("orgRoles",
				orgRoles.list()
					.stream()
					.map(r -> new OrgRoleRow(r.name(),
							r.userId() == null || people.get(r.userId()) == null ? "vacant"
									: people.get(r.userId()).name(),
							r.userId() == null ? "" : r.userId().toString()))
					.toList());
		model.addAttribute("users", everyone);
		return "identity/teams";
	}

	@GetMapping("/teams/new")
	@PreAuthorize("hasRole('MANAGER')")
	String createForm(Model model) {
		return form(model, null, new Teams.TeamDraft("", "", "", null, null, List.of()), Map.of());
	}

	@PostMapping("/teams")
	@PreAuthorize("hasRole('MANAGER')")
	String create(@RequestParam String slug, @RequestParam String name,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String leadId,
			@RequestParam(defaultValue = "") String managerId,
			@RequestParam(name = "memberIds", required = false) List<String> memberIds, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var draft = draft(slug, name, description, leadId, managerId, memberIds);
		try {
			Team team = teams.create(draft);
			redirect.addFlashAttribute("flash", "Created team " + team.name() + ".");
			return "redirect:/teams/" + team.slug();
		}
		catch (DomainException ex) {
			return rejected(ex, null, draft, model, response);
		}
	}

	@GetMapping("/teams/{slug}")
	@PreAuthorize("hasRole('VIEWER')")
	String detail(@PathVariable String slug, Model model) {
		Team team = bySlug(slug);
		model.addAttribute("team", row(team, byId(users.findAll(team.memberIds()))));
		return "identity/team";
	}

	@GetMapping("/teams/{slug}/edit")
	@PreAuthorize("hasRole('MANAGER')")
	String editForm(@PathVariable String slug, Model model) {
		Team team = bySlug(slug);
		return form(model, slug, new Teams.TeamDraft(team.slug(), team.name(), team.description(), team.leadId(),
				team.managerId(), team.memberIds()), Map.of());
	}

	@PostMapping("/teams/{slug}")
	@PreAuthorize("hasRole('MANAGER')")
	String update(@PathVariable String slug, @RequestParam("slug") String newSlug, @RequestParam String name,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String leadId,
			@RequestParam(defaultValue = "") String managerId,
			@RequestParam(name = "memberIds", required = false) List<String> memberIds, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var draft = draft(newSlug, name, description, leadId, managerId, memberIds);
		try {
			Team team = teams.update(bySlug(slug).id(), draft);
			redirect.addFlashAttribute("flash", "Saved team " + team.name() + ".");
			return "redirect:/teams/" + team.slug();
		}
		catch (DomainException ex) {
			return rejected(ex, slug, draft, model, response);
		}
	}

	@PostMapping("/teams/{slug}/delete")
	@PreAuthorize("hasRole('MANAGER')")
	String delete(@PathVariable String slug, RedirectAttributes redirect) {
		teams.delete(bySlug(slug).id());
		redirect.addFlashAttribute("flash", "Deleted team " + slug + ".");
		return "redirect:/teams";
	}

	@PostMapping("/org-roles")
	@PreAuthorize("hasRole('ADMIN')")
	String assignOrgRole(@RequestParam String name, @RequestParam(defaultValue = "") String userId,
			RedirectAttributes redirect) {
		try {
			orgRoles.assign(name.trim(), userId.isBlank() ? null : UserId.parse(userId), null);
			redirect.addFlashAttribute("flash", "Saved organisation role " + name.trim() + ".");
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/teams";
	}

	private String rejected(DomainException ex, String slug, Teams.TeamDraft draft, Model model,
			HttpServletResponse response) {
		if (ex.kind() == DomainException.Kind.NOT_FOUND) {
			throw ex;
		}
		response.setStatus(ex.kind() == DomainException.Kind.CONFLICT ? 409 : 422);
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		ex.fieldErrors().forEach(e -> errors.putIfAbsent(e.field().replaceAll("\\[\\d+]", ""), e.message()));
		if (errors.isEmpty()) {
			errors.put("slug", ex.getMessage());
		}
		return form(model, slug, draft, errors);
	}

	private String form(Model model, String slug, Teams.TeamDraft draft, Map<String, String> errors) {
		model.addAttribute("slug", slug);
		model.addAttribute("draft", draft);
		model.addAttribute("memberIds", draft.memberIds().stream().map(UserId::toString).toList());
		model.addAttribute("errors", errors);
		model.addAttribute("users", allUsers());
		return "identity/team-form";
	}

	private static Teams.TeamDraft draft(String slug, String name, String description, String leadId, String managerId,
			List<String> memberIds) {
		return new Teams.TeamDraft(slug.trim(), name, description, id(leadId), id(managerId),
				memberIds == null ? List.of() : memberIds.stream().map(TeamPages::id).filter(i -> i != null).toList());
	}

	private static UserId id(String value) {
		try {
			return value == null || value.isBlank() ? null : new UserId(UUID.fromString(value));
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid("memberIds", "choose people from the list");
		}
	}

	private Team bySlug(String slug) {
		return teams.findBySlug(slug).orElseThrow(() -> DomainException.notFound("Team", slug));
	}

	private static TeamRow row(Team team, Map<UserId, User> people) {
		List<User> members = team.memberIds().stream().map(people::get).filter(java.util.Objects::nonNull).toList();
		return new TeamRow(team.slug(), team.name(), team.description(), name(people, team.leadId()),
				name(people, team.managerId()), members);
	}

	private List<User> allUsers() {
		return users.list(PageQuery.of(1, PageQuery.MAX_SIZE)).items();
	}

	private static Map<UserId, User> byId(List<User> users) {
		Map<UserId, User> map = new java.util.HashMap<>();
		users.forEach(u -> map.put(u.id(), u));
		return map;
	}

	private static String name(Map<UserId, User> people, UserId id) {
		return id == null || people.get(id) == null ? "—" : people.get(id).name();
	}

}
