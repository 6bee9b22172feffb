package dev.watchkeeper.incident.web;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.watchkeeper.identity.Role;
import dev.watchkeeper.incident.Incident;
import dev.watchkeeper.incident.IncidentPublications;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.DomainException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The status page section of the incident page: publish, and post public updates. */
@Controller
@PreAuthorize("hasRole('RESPONDER')")
class PublicationPages {

	private final IncidentPublications publications;

	private final IncidentViews views;

	PublicationPages(IncidentPublications publications, IncidentViews views) {
		this.publications = publications;
		this.views = views;
	}

	@PostMapping("/incidents/{ref}/publication")
	String publish(@PathVariable String ref, @RequestParam(defaultValue = "false") boolean visible,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String impact,
			@RequestParam(name = "componentIds", required = false) List<UUID> componentIds,
			RedirectAttributes redirect) {
		Incident incident = views.incident(ref);
		try {
			Access.require(Role.RESPONDER, "publishing incidents");
			publications.publish(incident.id(), visible, title, impact, componentIds, Actor.current());
			redirect.addFlashAttribute("flash", visible ? "Shown on the status page." : "Taken off the status page.");
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", message(ex));
		}
		return "redirect:/incidents/" + incident.number() + "#status-page";
	}

	@PostMapping("/incidents/{ref}/public-updates")
	String update(@PathVariable String ref, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String template,
			RedirectAttributes redirect) {
		Incident incident = views.incident(ref);
		try {
			Access.require(Role.RESPONDER, "posting public updates");
			publications.postUpdate(incident.id(), status, body, template, Actor.current());
			redirect.addFlashAttribute("flash", "Public update posted.");
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", message(ex));
		}
		return "redirect:/incidents/" + incident.number() + "#status-page";
	}

	private static String message(DomainException ex) {
		if (ex.kind() == DomainException.Kind.NOT_FOUND) {
			throw ex;
		}
		return ex.fieldErrors().isEmpty() ? ex.getMessage()
				: ex.fieldErrors().stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
	}

}
