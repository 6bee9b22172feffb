package dev.watchkeeper.incident;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.catalog.Components;
import dev.watchkeeper.incident.IncidentEvents.IncidentPublicationChanged;
import dev.watchkeeper.incident.IncidentEvents.PublicUpdatePosted;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.DomainException;

import org.springframework.transaction.annotation.Transactional;

/**
 * The public side of incidents for the status page: make an incident public with its
 * impact and affected components, and post public updates (investigating, identified,
 * monitoring, resolved) with ready-made texts. Public updates are apart from the internal
 * timeline, which only notes that one was posted.
 */
@org.springframework.stereotype.Service
public class IncidentPublications {

	static final int MAX_TITLE = 200;

	static final int MAX_BODY = 5_000;

	/** Ready-made messages for common public updates. */
	public static final List<Publication.Template> TEMPLATES = List.of(new Publication.Template("Investigating",
			"investigating",
			"We are investigating reports of problems with this service. We will post an update as soon as we know more."),
			new Publication.Template("Cause identified", "identified",
					"We have identified the cause and are working on a fix."),
			new Publication.Template("Fix deployed", "monitoring",
					"A fix has been deployed and we are monitoring the results."),
			new Publication.Template("Degraded performance", "investigating",
					"Some requests are slower than usual. We are looking into it."),
			new Publication.Template("Resolved", "resolved",
					"This incident has been resolved. Thank you for your patience."));

	private final IncidentLedger ledger;

	private final PublicationStore store;

	private final Components components;

	IncidentPublications(IncidentLedger ledger, PublicationStore store, Components components) {
		this.ledger = ledger;
		this.store = store;
		this.components = components;
	}

	/**
	 * Makes an incident public (or hides it again) with its public title, impact and
	 * affected components. A first publication starts as investigating.
	 */
	@Transactional
	public Publication publish(UUID incidentId, boolean visible, String title, String impact, List<UUID> componentIds,
			Actor actor) {
		Incident incident = ledger.lock(incidentId);
		Map<String, String> errors = new LinkedHashMap<>();
		String publicTitle = title == null || title.isBlank() ? incident.title() : title.trim();
		if (publicTitle.length() > MAX_TITLE) {
			errors.put("title", "must be at most " + MAX_TITLE + " characters");
		}
		if (impact == null || !Publication.IMPACTS.contains(impact)) {
			errors.put("impact", "must be none, minor, major or critical");
		}
		List<UUID> ids = componentIds == null ? List.of() : componentIds.stream().distinct().toList();
		for (int i = 0; i < ids.size(); i++) {
			if (ids.get(i) == null || components.find(ids.get(i)).isEmpty()) {
				errors.put("componentIds[" + i + "]", "no component " + ids.get(i));
			}
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		Instant now = ledger.now();
		Optional<Publication> before = store.find(incidentId);
		String status = before.map(Publication::status).orElse("investigating");
		store.upsert(incidentId, visible, publicTitle, impact, ids, status, now,
				before.map(Publication::resolvedAt).orElse(null));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("public", visible);
		data.put("impact", impact);
		data.put("components", ids.stream().map(UUID::toString).toList());
		ledger.record(incidentId, now, "published",
				(visible ? "Shown on the status page as \"" + publicTitle + "\" (impact " + impact + ")"
						: "Taken off the status page"),
				actor, data);
		ledger.publish(new IncidentPublicationChanged(incidentId, visible, now));
		ledger.publish(IncidentAudit.of("incident.published", incident,
				(visible ? "Published " : "Unpublished ") + incident.reference() + " on the status page", Map.of(),
				data, actor));
		return store.find(incidentId).orElseThrow();
	}

	/**
	 * Posts a public update. With a blank body the named template's text is used. The
	 * incident must have been published first.
	 */
	@Transactional
	public Publication postUpdate(UUID incidentId, String status, String body, String template, Actor actor) {
		ledger.lock(incidentId);
		Publication publication = store.find(incidentId)
			.orElseThrow(() -> DomainException.conflict("incident-not-published",
					"Publish the incident on the status page before posting public updates"));
		Map<String, String> errors = new LinkedHashMap<>();
		if (status == null || !Publication.STATUSES.contains(status)) {
			errors.put("status", "must be investigating, identified, monitoring or resolved");
		}
		String text = body == null ? "" : body.strip();
		if (text.isEmpty() && template != null && !template.isBlank()) {
			text = TEMPLATES.stream()
				.filter(t -> t.name().equals(template.strip()))
				.map(Publication.Template::text)
				.findFirst()
				.orElse("");
			if (text.isEmpty()) {
				errors.put("template", "no template " + template);
			}
		}
		if (text.isEmpty() && !errors.containsKey("template")) {
			errors.put("body", "is required (or choose a template)");
		}
		if (text.length() > MAX_BODY) {
			errors.put("body", "must be at most " + MAX_BODY + " characters");
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		Instant now = ledger.now();
		var update = new Publication.PublicUpdate(UUID.randomUUID(), status, text, ledger.name(actor), now);
		store.insertUpdate(incidentId, update);
		store.upsert(incidentId, publication.visible(), publication.title(), publication.impact(),
				publication.componentIds(), status, now, "resolved".equals(status) ? now : null);
		ledger.record(incidentId, now, "public_update", "Posted a public update (" + status + ")", actor,
				Map.of("status", status, "updateId", update.id().toString()));
		ledger.publish(new PublicUpdatePosted(incidentId, update.id(), status, publication.visible(), now));
		return store.find(incidentId).orElseThrow();
	}

	/** The public side of an incident, if it was ever published. */
	public Optional<Publication> find(UUID incidentId) {
		return store.find(incidentId);
	}

	/**
	 * Public incidents that are unresolved or changed at or after {@code since}, newest
	 * first, with their updates.
	 */
	public List<Publication> visible(Instant since, int limit) {
		return store.visible(since, Math.max(1, Math.min(limit, 1000)));
	}

}
