package dev.watchkeeper.incident.web;

import java.util.List;
import java.util.UUID;

import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.incident.ServiceIncidentSettings;
import dev.watchkeeper.incident.ServiceSettings;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.DomainException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The incident settings page: per catalog service, whether its incidents auto-resolve.
 */
@Controller
class ServiceSettingsPages {

	private final ServiceIncidentSettings settings;

	private final IncidentViews views;

	ServiceSettingsPages(ServiceIncidentSettings settings, IncidentViews views) {
		this.settings = settings;
		this.views = views;
	}

	/** One row of the page. */
	record Row(Service service, ServiceSettings settings) {
	}

	@GetMapping("/incidents/settings")
	String page(Model model) {
		List<Row> rows = views.allServices()
			.stream()
			.map(service -> new Row(service, settings.get(service.id().value())))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("canManage", Access.allows(Role.MANAGER));
		return "incident/settings";
	}

	@PostMapping("/incidents/settings/services/{serviceId}")
	String update(@PathVariable UUID serviceId, @RequestParam(defaultValue = "false") boolean autoResolve,
			RedirectAttributes redirect) {
		try {
			Access.require(Role.MANAGER, "changing a service's incident settings");
			settings.update(serviceId, autoResolve, Actor.current());
			redirect.addFlashAttribute("flash", "Auto-resolve is " + (autoResolve ? "on" : "off") + ".");
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/incidents/settings";
	}

}
