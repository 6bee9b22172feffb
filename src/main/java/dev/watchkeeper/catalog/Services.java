package dev.watchkeeper.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.watchkeeper.identity.TeamId;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.platform.AuditableEvent;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;

/** The service catalog: create, change, find and list services. */
@org.springframework.stereotype.Service
public class Services {

	private final ServiceStore store;

	private final Teams teams;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final List<ServiceReferences> references;

	Services(ServiceStore store, Teams teams, ApplicationEventPublisher events, Clock clock,
			List<ServiceReferences> references) {
		this.references = List.copyOf(references);
		this.store = store;
		this.teams = teams;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Service create(ServiceDraft draft) {
		validate(draft);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		var service = build(ServiceId.random(), draft, now, now);
		try {
			store.insert(service);
		}
		catch (DuplicateKeyException ex) {
			throw slugTaken(draft.slug());
		}
		events.publishEvent(new ServiceChanged("service.created", null, service));
		return service;
	}

	@Transactional
	public Service update(String slug, ServiceDraft draft) {
		var before = get(slug);
		validate(draft);
		var service = build(before.id(), draft, before.createdAt(), clock.instant().truncatedTo(ChronoUnit.MICROS));
		try {
			store.update(service);
		}
		catch (DuplicateKeyException ex) {
			throw slugTaken(draft.slug());
		}
		events.publishEvent(new ServiceChanged("service.updated", before, service));
		return service;
	}

	@Transactional
	public void delete(String slug) {
		var before = get(slug);
		for (ServiceReferences reference : references) {
			reference.blockingDeletionOf(before.id()).ifPresent(reason -> {
				throw DomainException.conflict("service-in-use", "Service " + before.slug() + " " + reason);
			});
		}
		store.delete(before.id());
		events.publishEvent(new ServiceChanged("service.deleted", before, null));
	}

	public Service get(String slug) {
		return findBySlug(slug).orElseThrow(() -> DomainException.notFound("Service", slug));
	}

	public Optional<Service> findBySlug(String slug) {
		return store.findBySlug(slug);
	}

	public Optional<Service> find(ServiceId id) {
		return store.find(id);
	}

	public PageQuery.Page<Service> list(ServiceFilter filter, PageQuery page) {
		return store.list(filter, page);
	}

	private void validate(ServiceDraft draft) {
		Map<String, String> errors = ServiceRules.check(draft);
		if (draft.ownerTeamId() != null && teams.find(new TeamId(draft.ownerTeamId())).isEmpty()) {
			errors.put("ownerTeamId", "no team " + draft.ownerTeamId());
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
	}

	private static Service build(ServiceId id, ServiceDraft draft, Instant created, Instant updated) {
		List<Service.Environment> environments = draft.environments() == null ? List.of()
				: draft.environments()
					.stream()
					.map(e -> new Service.Environment(e.name(), blankToNull(e.url())))
					.toList();
		return new Service(id, draft.slug(), draft.name().trim(), blankToNull(draft.description()), draft.ownerTeamId(),
				draft.tier() == null ? 3 : draft.tier(), blankToNull(draft.runbookUrl()),
				draft.tags() == null ? List.of() : List.copyOf(draft.tags()), environments, created, updated);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static DomainException slugTaken(String slug) {
		return DomainException.conflict("slug-taken", "A service with slug " + slug + " already exists");
	}

	/** A service was created, changed or deleted. */
	public record ServiceChanged(String action, Service previous, Service service) implements AuditableEvent {

		public String targetType() {
			return "service";
		}

		public String targetId() {
			return (service != null ? service : previous).slug();
		}

		public String summary() {
			String slug = targetId();
			return switch (action) {
				case "service.created" -> "Created service " + slug;
				case "service.deleted" -> "Deleted service " + slug;
				default -> "Updated service " + slug;
			};
		}

		public Map<String, Object> before() {
			return fields(previous);
		}

		public Map<String, Object> after() {
			return fields(service);
		}

		private static Map<String, Object> fields(Service service) {
			if (service == null) {
				return Map.of();
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("slug", service.slug());
			fields.put("name", service.name());
			fields.put("owner_team", service.ownerTeamId() == null ? "" : service.ownerTeamId().toString());
			fields.put("tier", service.tier());
			fields.put("runbook_url", service.runbookUrl() == null ? "" : service.runbookUrl());
			fields.put("tags", service.tags());
			fields.put("environments", service.environments().stream().map(e -> e.name() + "=" + e.url()).toList());
			return fields;
		}

	}

}
