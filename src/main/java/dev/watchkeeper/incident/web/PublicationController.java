package dev.watchkeeper.incident.web;

import java.util.List;
import java.util.UUID;

import dev.watchkeeper.incident.Incident;
import dev.watchkeeper.incident.IncidentPublications;
import dev.watchkeeper.incident.Publication;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The public side of an incident in the API: publication and public updates. */
@RestController
@Tag(name = "Incidents")
class PublicationController {

	private final IncidentPublications publications;

	private final IncidentViews views;

	PublicationController(IncidentPublications publications, IncidentViews views) {
		this.publications = publications;
		this.views = views;
	}

	@Schema(example = """
			{"visible":true,"title":"Card payments fail","impact":"major","componentIds":["8e4a…"]}""")
	record PublicationRequest(Boolean visible, @Schema(description = "defaults to the incident's title") String title,
			@Schema(description = "none, minor, major or critical") String impact, List<UUID> componentIds) {
	}

	@Schema(example = """
			{"status":"identified","body":"A faulty deploy; we are rolling it back."}""")
	record UpdateRequest(@Schema(description = "investigating, identified, monitoring or resolved") String status,
			@Schema(description = "plain text; blank to use the template") String body,
			@Schema(description = "name of a template, e.g. Fix deployed") String template) {
	}

	@GetMapping("/api/v1/incidents/{id}/publication")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "The public side of an incident",
			description = "Whether it is on the status page, impact, components and public updates (newest first).")
	Publication get(@PathVariable("id") String ref) {
		Incident incident = views.incident(ref);
		return publications.find(incident.id())
			.orElseThrow(() -> DomainException.notFound("Publication of incident", ref));
	}

	@PutMapping("/api/v1/incidents/{id}/publication")
	@PreAuthorize("hasRole('RESPONDER')")
	@Operation(summary = "Publish an incident on the status page, change or hide it")
	Publication publish(@PathVariable("id") String ref, @RequestBody PublicationRequest request) {
		Incident incident = views.incident(ref);
		return publications.publish(incident.id(), request.visible() == null || request.visible(), request.title(),
				request.impact(), request.componentIds(), Actor.current());
	}

	@PostMapping("/api/v1/incidents/{id}/public-updates")
	@PreAuthorize("hasRole('RESPONDER')")
	@Operation(summary = "Post a public update", description = "Subscribers are notified when the incident is public.")
	Publication update(@PathVariable("id") String ref, @RequestBody UpdateRequest request) {
		Incident incident = views.incident(ref);
		return publications.postUpdate(incident.id(), request.status(), request.body(), request.template(),
				Actor.current());
	}

	@GetMapping("/api/v1/incidents/public-update-templates")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Ready-made texts for public updates")
	List<Publication.Template> templates() {
		return IncidentPublications.TEMPLATES;
	}

}
