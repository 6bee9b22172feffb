package dev.watchkeeper.catalog.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceFilter;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.Team;
import dev.watchkeeper.identity.TeamId;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The service catalog in the UI: list, detail, create, edit, delete. */
@Controller
class ServicePages {

	private final Services services;

	private final Teams teams;

	ServicePages(Services services, Teams teams) {
		this.services = services;
		this.teams = teams;
	}

	@GetMapping("/services")
	@PreAuthorize("hasRole('VIEWER')")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String team,
			@RequestParam(required = false) String tag, @RequestParam(required = false) Integer tier,
			@RequestParam(defaultValue = "1") int page, Model model) {
		UUID teamId = parse(team);
		var filter = new ServiceFilter(blank(q) ? null : q.trim(), teamId, blank(tag) ? null : tag.trim(), tier);
		var result = services.list(filter, PageQuery.of(Math.max(1, page), 50));
		var refs = teams.refs(result.items()
			.stream()
			.filter(s -> s.ownerTeamId() != null)
			.map(s -> new TeamId(s.ownerTeamId()))
			.toList());
		model.addAttribute("services", result.items().stream().map(s -> ServiceView.of(s, refs)).toList());
		model.addAttribute("page", result);
		model.addAttribute("teams", allTeams());
		model.addAttribute("q", q);
		model.addAttribute("team", team);
		model.addAttribute("tag", tag);
		model.addAttribute("tier", tier);
		return "catalog/list";
	}

	@GetMapping("/services/new")
	@PreAuthorize("hasRole('MANAGER')")
	String createForm(Model model) {
		return form(model, ServiceForm.empty(), null, Map.of());
	}

	@PostMapping("/services")
	@PreAuthorize("hasRole('MANAGER')")
	String create(@ModelAttribute ServiceForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			Service service = services.create(form.draft());
			redirect.addFlashAttribute("flash", "Created service " + service.name() + ".");
			return "redirect:/services/" + service.slug();
		}
		catch (DomainException ex) {
			return rejected(ex, form, null, model, response);
		}
	}

	@GetMapping("/services/{slug}")
	@PreAuthorize("hasRole('VIEWER')")
	String detail(@PathVariable String slug, Model model) {
		Service service = services.get(slug);
		model.addAttribute("service", view(service));
		return "catalog/detail";
	}

	@GetMapping("/services/{slug}/edit")
	@PreAuthorize("hasRole('MANAGER')")
	String editForm(@PathVariable String slug, Model model) {
		return form(model, ServiceForm.of(services.get(slug)), slug, Map.of());
	}

	@PostMapping("/services/{slug}")
	@PreAuthorize("hasRole('MANAGER')")
	String update(@PathVariable String slug, @ModelAttribute ServiceForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Service service = services.update(slug, form.draft());
			redirect.addFlashAttribute("flash", "Saved service " + service.name() + ".");
			return "redirect:/services/" + service.slug();
		}
		catch (DomainException ex) {
			return rejected(ex, form, slug, model, response);
		}
	}

	@GetMapping("/services/{slug}/delete")
	@PreAuthorize("hasRole('MANAGER')")
	String confirmDelete(@PathVariable String slug, Model model) {
		model.addAttribute("service", view(services.get(slug)));
		return "catalog/delete";
	}

	@PostMapping("/services/{slug}/delete")
	@PreAuthorize("hasRole('MANAGER')")
	String delete(@PathVariable String slug, RedirectAttributes redirect, Model model, HttpServletResponse response) {
		try {
			services.delete(slug);
		}
		catch (DomainException ex) {
			if (ex.kind() != DomainException.Kind.CONFLICT) {
				throw ex;
			}
			response.setStatus(409);
			model.addAttribute("service", view(services.get(slug)));
			model.addAttribute("error", ex.getMessage());
			return "catalog/delete";
		}
		redirect.addFlashAttribute("flash", "Deleted service " + slug + ".");
		return "redirect:/services";
	}

	private String rejected(DomainException ex, ServiceForm form, String slug, Model model,
			HttpServletResponse response) {
		if (ex.kind() == DomainException.Kind.NOT_FOUND) {
			throw ex;
		}
		response.setStatus(ex.kind() == DomainException.Kind.CONFLICT ? 409 : 422);
		Map<String, String> errors = ex.fieldErrors().isEmpty() ? Map.of("slug", ex.getMessage())
				: form.formErrors(ex.fieldErrors());
		return form(model, form, slug, errors);
	}

	private String form(Model model, ServiceForm form, String slug, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("slug", slug);
		model.addAttribute("errors", errors);
		model.addAttribute("teams", allTeams());
		return "catalog/form";
	}

	private ServiceView view(Service service) {
		return ServiceView.of(service,
				service.ownerTeamId() == null ? Map.of() : teams.refs(List.of(new TeamId(service.ownerTeamId()))));
	}

	private List<Team> allTeams() {
		return teams.list(PageQuery.of(1, PageQuery.MAX_SIZE)).items();
	}

	private static UUID parse(String team) {
		try {
			return blank(team) ? null : UUID.fromString(team);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
