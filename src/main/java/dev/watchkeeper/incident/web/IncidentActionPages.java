package dev.watchkeeper.incident.web;

import java.util.Locale;
import java.util.UUID;

import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.incident.Incident;
import dev.watchkeeper.incident.Incidents;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.SignedLinks;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The pages behind the links in a page ("Acknowledge", "Resolve"): opening the link only
 * shows what it would do and asks for confirmation; the action happens on POST, so a mail
 * scanner or chat preview that follows the link changes nothing. The signed token names
 * the incident, the action and the person paged, and expires; no sign-in is needed.
 */
@Controller
class IncidentActionPages {

	private final SignedLinks links;

	private final Incidents incidents;

	private final Users users;

	IncidentActionPages(SignedLinks links, Incidents incidents, Users users) {
		this.links = links;
		this.incidents = incidents;
		this.users = users;
	}

	/** What a valid link names. */
	private record Act(SignedLinks.Link link, Incident incident, User person, String action) {
	}

	@GetMapping("/incidents/act/{token}")
	String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
		Act act;
		try {
			act = read(token);
		}
		catch (DomainException ex) {
			return refused(ex, model, response);
		}
		model.addAttribute("token", token);
		model.addAttribute("incident", act.incident());
		model.addAttribute("person", act.person().name());
		model.addAttribute("expiresAt", act.link().expiresAt());
		model.addAttribute("actionLabel", label(act.action()));
		String stale = stale(act);
		if (stale != null) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("heading", "Nothing to " + act.action() + " on " + act.incident().reference());
			model.addAttribute("message", stale);
			model.addAttribute("problem", true);
			model.addAttribute("canAct", false);
			return "incident/act";
		}
		model.addAttribute("heading", label(act.action()) + " " + act.incident().reference() + "?");
		model.addAttribute("message", "Confirm to " + act.action() + " this incident as " + act.person().name() + ".");
		model.addAttribute("canAct", true);
		return "incident/act";
	}

	@PostMapping("/incidents/act/{token}")
	String act(@PathVariable String token, Model model, HttpServletResponse response) {
		Act act;
		try {
			act = read(token);
		}
		catch (DomainException ex) {
			return refused(ex, model, response);
		}
		Actor actor = new Actor(Actor.Kind.USER, act.person().id().value().toString(), act.person().email(),
				act.person().id().value().toString());
		Incident after;
		try {
			after = "resolve".equals(act.action())
					? incidents.resolve(act.incident().id(), "Resolved from the link in a page", actor)
					: incidents.acknowledge(act.incident().id(), actor);
		}
		catch (DomainException ex) {
			model.addAttribute("incident", incidents.find(act.incident().id()).orElse(act.incident()));
			return refused(ex, model, response);
		}
		model.addAttribute("incident", after);
		model.addAttribute("heading",
				("resolve".equals(act.action()) ? "Resolved " : "Acknowledged ") + after.reference());
		model.addAttribute("message",
				"resolve".equals(act.action()) ? "Resolved as " + act.person().name() + ". Escalation has stopped."
						: "Acknowledged as " + act.person().name() + ". Escalation has stopped; you own it now.");
		model.addAttribute("canAct", false);
		return "incident/act";
	}

	private Act read(String token) {
		SignedLinks.Link link = links.verify(token, Incidents.ACTION_LINK_PURPOSE);
		String action = link.claim("action");
		if (!"acknowledge".equals(action) && !"resolve".equals(action)) {
			throw new DomainException(DomainException.Kind.FORBIDDEN, "link-invalid", "This link names no action");
		}
		UUID incidentId = UUID.fromString(link.claim("incident"));
		Incident incident = incidents.find(incidentId)
			.orElseThrow(() -> DomainException.notFound("Incident", incidentId));
		User person = users.find(new UserId(UUID.fromString(link.claim("user"))))
			.filter(user -> !user.disabled())
			.orElseThrow(() -> new DomainException(DomainException.Kind.FORBIDDEN, "link-invalid",
					"The person this link was sent to can no longer act"));
		return new Act(link, incident, person, action);
	}

	/** Why the action cannot happen any more, or null. */
	private static String stale(Act act) {
		Incident incident = act.incident();
		if (!incident.status().open()) {
			return incident.reference() + " is " + incident.status().name().toLowerCase(Locale.ROOT)
					+ (incident.resolvedAt() != null ? " since " + incident.resolvedAt() : "")
					+ ": there is nothing to " + act.action() + ".";
		}
		if ("acknowledge".equals(act.action()) && incident.acknowledgedAt() != null) {
			return incident.reference() + " was acknowledged by " + incident.acknowledgedBy() + " at "
					+ incident.acknowledgedAt() + ".";
		}
		return null;
	}

	private static String refused(DomainException ex, Model model, HttpServletResponse response) {
		response.setStatus(switch (ex.kind()) {
			case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
			case CONFLICT -> HttpServletResponse.SC_CONFLICT;
			case INVALID -> 422;
			default -> HttpServletResponse.SC_FORBIDDEN;
		});
		model.addAttribute("heading", "This link cannot act");
		model.addAttribute("message", ex.getMessage());
		model.addAttribute("problem", true);
		model.addAttribute("canAct", false);
		return "incident/act";
	}

	private static String label(String action) {
		return action.substring(0, 1).toUpperCase(Locale.ROOT) + action.substring(1);
	}

}
