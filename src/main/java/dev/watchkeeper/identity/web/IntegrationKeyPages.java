package dev.watchkeeper.identity.web;

import java.util.List;
import java.util.UUID;

import dev.watchkeeper.identity.IntegrationKeys;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.SignedIn;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.identity.Team;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Integration keys in the UI: everyone sees them; managers create and revoke. */
@Controller
@PreAuthorize("hasRole('VIEWER')")
class IntegrationKeyPages {

	private final IntegrationKeys keys;

	private final Teams teams;

	IntegrationKeyPages(IntegrationKeys keys, Teams teams) {
		this.keys = keys;
		this.teams = teams;
	}

	@GetMapping("/integration-keys")
	String list(@AuthenticationPrincipal SignedIn me, Model model) {
		return page(me, model);
	}

	@PostMapping("/integration-keys")
	@PreAuthorize("hasRole('MANAGER')")
	String create(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String service, @RequestParam(defaultValue = "") String team, Model model,
			HttpServletResponse response) {
		try {
			var created = keys.create(me, name, service, team);
			model.addAttribute("created", created);
			model.addAttribute("flash", "Created integration key " + created.key().name() + ".");
		}
		catch (DomainException ex) {
			response.setStatus(422);
			model.addAttribute("error", ex.fieldErrors().isEmpty() ? ex.getMessage()
					: String.join("; ", ex.fieldErrors().stream().map(e -> e.field() + ": " + e.message()).toList()));
			model.addAttribute("name", name);
			model.addAttribute("service", service);
			model.addAttribute("team", team);
		}
		return page(me, model);
	}

	@PostMapping("/integration-keys/{id}/revoke")
	@PreAuthorize("hasRole('MANAGER')")
	String revoke(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, RedirectAttributes redirect) {
		keys.revoke(me, id);
		redirect.addFlashAttribute("flash", "Revoked the integration key. Senders using it are refused from now on.");
		return "redirect:/integration-keys";
	}

	private String page(SignedIn me, Model model) {
		model.addAttribute("keys", keys.list());
		model.addAttribute("canManage", me.effectiveRole().atLeast(Role.MANAGER));
		List<String> teamSlugs = teams.list(PageQuery.of(1, PageQuery.MAX_SIZE))
			.items()
			.stream()
			.map(Team::slug)
			.toList();
		model.addAttribute("teams", teamSlugs);
		return "identity/integration-keys";
	}

}
