package dev.watchkeeper.incident.web;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.catalog.Components;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.incident.Incident;
import dev.watchkeeper.incident.IncidentDraft;
import dev.watchkeeper.incident.IncidentPublications;
import dev.watchkeeper.incident.IncidentRole;
import dev.watchkeeper.incident.IncidentStatus;
import dev.watchkeeper.incident.Incidents;
import dev.watchkeeper.incident.PagesAndAlerts;
import dev.watchkeeper.incident.Publication;
import dev.watchkeeper.platform.Actor;
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

/**
 * Incidents in the UI: the list with filters, declaring, and the incident page with its
 * actions.
 */
@Controller
@PreAuthorize("hasRole('VIEWER')")
class IncidentPages {

	private final Incidents incidents;

	private final IncidentViews views;

	private final Periods periods;

	private final PagesAndAlerts pagesAndAlerts;

	private final Clock clock;

	private final IncidentPublications publications;

	private final Components components;

	IncidentPages(Incidents incidents, IncidentViews views, Periods periods, PagesAndAlerts pagesAndAlerts, Clock clock,
			IncidentPublications publications, Components components) {
		this.publications = publications;
		this.components = components;
		this.incidents = incidents;
		this.views = views;
		this.periods = periods;
		this.pagesAndAlerts = pagesAndAlerts;
		this.clock = clock;
	}

	@GetMapping("/incidents")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String severity,
			@RequestParam(required = false) String service, @RequestParam(defaultValue = "1") int page, Model model,
			HttpServletResponse response) {
		UUID serviceId = parse(service);
		model.addAttribute("status", status);
		model.addAttribute("severity", severity);
		model.addAttribute("service", service);
		model.addAttribute("severities", incidents.severityPolicy().names());
		model.addAttribute("services", views.allServices());
		model.addAttribute("canDeclare", Access.allows(Role.RESPONDER));
		try {
			var filter = Filters.incidents(status, severity, serviceId, incidents.severityPolicy());
			var result = incidents.list(filter, PageQuery.of(Math.max(1, page), 50));
			model.addAttribute("incidents",
					views.views(result.items())
						.stream()
						.map(i -> new Row(i, IncidentPage.time(i.declaredAt(), periods.zone())))
						.toList());
			model.addAttribute("page", result);
		}
		catch (DomainException ex) {
			response.setStatus(422);
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("incidents", java.util.List.of());
			model.addAttribute("page", PageQuery.Page.of(java.util.List.of(), PageQuery.of(1, 50), 0));
		}
		return "incident/list";
	}

	@GetMapping("/incidents/new")
	String declareForm(Model model) {
		Access.require(Role.RESPONDER, "declaring incidents");
		return form(model, new IncidentForm("", "SEV-3", "", ""), Map.of());
	}

	@PostMapping("/incidents")
	String declare(IncidentForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Access.require(Role.RESPONDER, "declaring incidents");
		try {
			Incident incident = incidents.declare(
					new IncidentDraft(form.title(), form.severity(), form.serviceId(), form.summary()),
					Actor.current());
			redirect.addFlashAttribute("flash",
					"Declared " + incident.reference() + ". Channel: " + incident.channel());
			return "redirect:/incidents/" + incident.number();
		}
		catch (DomainException ex) {
			response.setStatus(ex.kind() == DomainException.Kind.INVALID ? 422 : 409);
			Map<String, String> errors = new java.util.LinkedHashMap<>();
			ex.fieldErrors().forEach(error -> errors.put(error.field(), error.message()));
			if (errors.isEmpty()) {
				errors.put("title", ex.getMessage());
			}
			return form(model, form, errors);
		}
	}

	@GetMapping("/incidents/{ref}")
	String detail(@PathVariable String ref, Model model) {
		Incident incident = views.incident(ref);
		IncidentView view = views.view(incident);
		model.addAttribute("page",
				IncidentPage.of(view, incident, incidents.timeline(incident.id()), clock.instant(), periods.zone()));
		model.addAttribute("i", view);
		model.addAttribute("alerts",
				pagesAndAlerts.alerts(incident.id())
					.stream()
					.map(a -> IncidentPage.AlertLine.of(a, periods.zone()))
					.toList());
		model.addAttribute("pages",
				pagesAndAlerts.pages(incident.id())
					.stream()
					.map(p -> IncidentPage.PageLine.of(p, periods.zone()))
					.toList());
		model.addAttribute("users", views.allUsers());
		model.addAttribute("severities", SeverityOption.all(incidents.severityPolicy()));
		model.addAttribute("roles", IncidentRole.values());
		model.addAttribute("canRespond", Access.allows(Role.RESPONDER));
		model.addAttribute("canManage", Access.allows(Role.MANAGER));
		model.addAttribute("publication", publications.find(incident.id()).orElse(null));
		model.addAttribute("components", components.list());
		model.addAttribute("impacts", Publication.IMPACTS);
		model.addAttribute("publicStatuses", Publication.STATUSES);
		model.addAttribute("templates", IncidentPublications.TEMPLATES);
		return "incident/detail";
	}

	@PostMapping("/incidents/{ref}/acknowledge")
	String acknowledge(@PathVariable String ref, RedirectAttributes redirect) {
		return act(ref, redirect, "Acknowledged.", id -> {
			Access.require(Role.RESPONDER, "acknowledging incidents");
			incidents.acknowledge(id, Actor.current());
		});
	}

	@PostMapping("/incidents/{ref}/status")
	String status(@PathVariable String ref, @RequestParam(defaultValue = "") String status,
			RedirectAttributes redirect) {
		return act(ref, redirect, "Status changed to " + status + ".", id -> {
			Access.require(Role.RESPONDER, "changing an incident's status");
			incidents.changeStatus(id, IncidentStatus.parse(status)
				.orElseThrow(() -> DomainException.invalid("status", "choose a status")), Actor.current());
		});
	}

	@PostMapping("/incidents/{ref}/resolve")
	String resolve(@PathVariable String ref, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		return act(ref, redirect, "Resolved.", id -> {
			Access.require(Role.RESPONDER, "resolving incidents");
			incidents.resolve(id, note.isBlank() ? null : note, Actor.current());
		});
	}

	@PostMapping("/incidents/{ref}/severity")
	String severity(@PathVariable String ref, @RequestParam(defaultValue = "") String severity,
			RedirectAttributes redirect) {
		return act(ref, redirect, "Severity changed to " + severity + ".", id -> {
			Access.require(Role.MANAGER, "changing an incident's severity");
			incidents.changeSeverity(id, severity, Actor.current());
		});
	}

	@PostMapping("/incidents/{ref}/roles")
	String role(@PathVariable String ref, @RequestParam(defaultValue = "") String role,
			@RequestParam(defaultValue = "") String userId, RedirectAttributes redirect) {
		return act(ref, redirect, "Role updated.", id -> {
			Access.require(Role.RESPONDER, "assigning incident roles");
			IncidentRole parsed = IncidentRole.parse(role)
				.orElseThrow(() -> DomainException.invalid("role", "choose a role"));
			UUID user = parse(userId);
			if (!userId.isBlank() && user == null) {
				throw DomainException.invalid("userId", "choose a person from the list");
			}
			incidents.assignRole(id, parsed, user == null ? null : new UserId(user), Actor.current());
		});
	}

	@PostMapping("/incidents/{ref}/notes")
	String note(@PathVariable String ref, @RequestParam(defaultValue = "") String text,
			@RequestParam(defaultValue = "false") boolean statusUpdate, RedirectAttributes redirect) {
		return act(ref, redirect, statusUpdate ? "Status update posted." : "Note added.", id -> {
			Access.require(Role.RESPONDER, "writing incident notes");
			incidents.addNote(id, text, statusUpdate, Actor.current());
		});
	}

	@PostMapping("/incidents/{ref}/close")
	String close(@PathVariable String ref, RedirectAttributes redirect) {
		return act(ref, redirect, "Closed.", id -> {
			Access.require(Role.MANAGER, "closing incidents");
			incidents.close(id, Actor.current());
		});
	}

	private interface Action {

		void run(UUID incidentId);

	}

	/** Runs the action and returns to the incident with what happened or why not. */
	private String act(String ref, RedirectAttributes redirect, String done, Action action) {
		Incident incident = views.incident(ref);
		try {
			action.run(incident.id());
			redirect.addFlashAttribute("flash", done);
		}
		catch (DomainException ex) {
			if (ex.kind() == DomainException.Kind.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/incidents/" + incident.number();
	}

	private String form(Model model, IncidentForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("severities", SeverityOption.all(incidents.severityPolicy()));
		model.addAttribute("services", views.allServices());
		return "incident/new";
	}

	private static UUID parse(String value) {
		try {
			return value == null || value.isBlank() ? null : UUID.fromString(value.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * A line of the incident list.
	 *
	 * @param incident the incident
	 * @param declared when it was declared, in the incident time zone
	 */
	record Row(IncidentView incident, String declared) {
	}

	/**
	 * A severity level as a choice.
	 *
	 * @param name the level
	 * @param label the level with its aliases and description
	 * @param targets its targets in words
	 */
	record SeverityOption(String name, String label, String targets) {

		static java.util.List<SeverityOption> all(dev.watchkeeper.incident.SeverityPolicy policy) {
			return policy.levels()
				.stream()
				.map(l -> new SeverityOption(l.name(),
						l.name() + (l.aliases().isEmpty() ? "" : " (" + String.join(", ", l.aliases()) + ")")
								+ (l.description().isBlank() ? "" : ": " + l.description()),
						l.name() + ": acknowledge within "
								+ dev.watchkeeper.incident.Durations.human(l.acknowledgeWithin()) + ", resolve within "
								+ dev.watchkeeper.incident.Durations.human(l.resolveWithin())))
				.toList();
		}

	}

	/**
	 * The declare form.
	 *
	 * @param title title
	 * @param severity severity name
	 * @param service service id or empty
	 * @param summary summary
	 */
	record IncidentForm(String title, String severity, String service, String summary) {

		UUID serviceId() {
			UUID id = parse(service);
			if (service != null && !service.isBlank() && id == null) {
				throw DomainException.invalid("serviceId", "choose a service from the list");
			}
			return id;
		}

	}

}
