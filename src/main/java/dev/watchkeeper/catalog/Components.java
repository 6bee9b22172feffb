package dev.watchkeeper.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.platform.AuditableEvent;
import dev.watchkeeper.platform.DomainException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Status page components and their groups: create, change, override, delete and list.
 * Every change publishes a {@link ComponentChanged}.
 */
@org.springframework.stereotype.Service
public class Components {

	static final int MAX_CHECKS = 20;

	private final ComponentStore store;

	private final Services services;

	private final ObjectProvider<CheckReferences> checks;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Components(ComponentStore store, Services services, ObjectProvider<CheckReferences> checks,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.services = services;
		this.checks = checks;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Component create(ComponentDraft draft) {
		Instant now = now();
		return save(null, draft, UUID.randomUUID(), now, now);
	}

	@Transactional
	public Component update(UUID id, ComponentDraft draft) {
		Component before = get(id);
		return save(before, draft, id, before.createdAt(), now());
	}

	/** Sets the manual status ({@code null} clears it, so checks decide again). */
	@Transactional
	public Component override(UUID id, ComponentStatus status) {
		Component before = get(id);
		Component after = new Component(id, before.name(), before.description(), before.groupId(), before.serviceId(),
				before.checkIds(), status, before.position(), before.createdAt(), now());
		store.upsert(after);
		events.publishEvent(new ComponentChanged("component.overridden", before, after));
		return after;
	}

	@Transactional
	public void delete(UUID id) {
		Component before = get(id);
		store.delete(id);
		events.publishEvent(new ComponentChanged("component.deleted", before, null));
	}

	public Component get(UUID id) {
		return find(id).orElseThrow(() -> DomainException.notFound("Component", id));
	}

	public Optional<Component> find(UUID id) {
		return id == null ? Optional.empty() : store.find(id);
	}

	/**
	 * The checks a component of this service can map to, id to name; empty when checks
	 * are unknown.
	 */
	public Map<UUID, String> checksOf(UUID serviceId) {
		CheckReferences references = checks.getIfAvailable();
		return references == null || serviceId == null ? Map.of() : references.checksOf(serviceId);
	}

	/** Every component, by position then name. */
	public List<Component> list() {
		return store.all();
	}

	@Transactional
	public ComponentGroup createGroup(String name, String description, Integer position) {
		Instant now = now();
		return saveGroup(null, UUID.randomUUID(), name, description, position, now, now);
	}

	@Transactional
	public ComponentGroup updateGroup(UUID id, String name, String description, Integer position) {
		ComponentGroup before = group(id);
		return saveGroup(before, id, name, description, position, before.createdAt(), now());
	}

	/** Deletes a group; its components stay, without a group. */
	@Transactional
	public void deleteGroup(UUID id) {
		ComponentGroup before = group(id);
		store.deleteGroup(id);
		events.publishEvent(new ComponentChanged("component_group.deleted", before.name(),
				Map.of("name", before.name()), Map.of()));
	}

	public ComponentGroup group(UUID id) {
		return store.findGroup(id).orElseThrow(() -> DomainException.notFound("Component group", id));
	}

	/** Every group, by position then name. */
	public List<ComponentGroup> groups() {
		return store.groups();
	}

	private Component save(Component before, ComponentDraft draft, UUID id, Instant created, Instant updated) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = draft.name() == null ? "" : draft.name().trim();
		if (name.isEmpty() || name.length() > 100) {
			errors.put("name", "must be 1 to 100 characters");
		}
		String description = blankToNull(draft.description());
		if (description != null && description.length() > 500) {
			errors.put("description", "must be at most 500 characters");
		}
		if (draft.groupId() != null && store.findGroup(draft.groupId()).isEmpty()) {
			errors.put("groupId", "no component group " + draft.groupId());
		}
		Service service = draft.service() == null || draft.service().isBlank() ? null
				: resolve(draft.service().trim()).orElse(null);
		if (service == null) {
			errors.put("service", draft.service() == null || draft.service().isBlank() ? "is required"
					: "no service " + draft.service());
		}
		List<UUID> checkIds = draft.checkIds() == null ? List.of() : draft.checkIds().stream().distinct().toList();
		if (checkIds.size() > MAX_CHECKS) {
			errors.put("checkIds", "must be at most " + MAX_CHECKS);
		}
		CheckReferences references = checks.getIfAvailable();
		for (int i = 0; i < checkIds.size() && references != null && service != null; i++) {
			Optional<UUID> of = checkIds.get(i) == null ? Optional.empty() : references.serviceOf(checkIds.get(i));
			if (of.isEmpty()) {
				errors.put("checkIds[" + i + "]", "no check " + checkIds.get(i));
			}
			else if (!of.get().equals(service.id().value())) {
				errors.put("checkIds[" + i + "]", "watches another service than " + service.slug());
			}
		}
		ComponentStatus override = null;
		if (draft.statusOverride() != null && !draft.statusOverride().isBlank()) {
			override = ComponentStatus.parse(draft.statusOverride()).orElse(null);
			if (override == null) {
				errors.put("statusOverride", "must be operational, degraded_performance, partial_outage, "
						+ "major_outage or under_maintenance");
			}
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		Component component = new Component(id, name, description, draft.groupId(), service.id().value(), checkIds,
				override, draft.position() == null ? 0 : draft.position(), created, updated);
		try {
			store.upsert(component);
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("component-name-taken", "A component named " + name + " already exists");
		}
		events.publishEvent(
				new ComponentChanged(before == null ? "component.created" : "component.updated", before, component));
		return component;
	}

	private ComponentGroup saveGroup(ComponentGroup before, UUID id, String name, String description, Integer position,
			Instant created, Instant updated) {
		Map<String, String> errors = new LinkedHashMap<>();
		String trimmed = name == null ? "" : name.trim();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			errors.put("name", "must be 1 to 100 characters");
		}
		if (description != null && description.length() > 500) {
			errors.put("description", "must be at most 500 characters");
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		ComponentGroup group = new ComponentGroup(id, trimmed, blankToNull(description),
				position == null ? 0 : position, created, updated);
		try {
			store.upsertGroup(group);
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("component-group-name-taken",
					"A component group named " + trimmed + " already exists");
		}
		events.publishEvent(new ComponentChanged(before == null ? "component_group.created" : "component_group.updated",
				trimmed, before == null ? Map.of() : Map.of("name", before.name()), Map.of("name", trimmed)));
		return group;
	}

	private Optional<Service> resolve(String service) {
		try {
			return services.find(new ServiceId(UUID.fromString(service)));
		}
		catch (IllegalArgumentException ex) {
			return services.findBySlug(service);
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	/**
	 * A component or group was created, changed, overridden or deleted.
	 *
	 * @param action e.g. component.created, component.overridden, component_group.deleted
	 * @param target the component's or group's name
	 * @param before relevant fields before
	 * @param after relevant fields after
	 */
	public record ComponentChanged(String action, String target, Map<String, Object> before,
			Map<String, Object> after) implements AuditableEvent {

		ComponentChanged(String action, Component previous, Component component) {
			this(action, (component != null ? component : previous).name(), fields(previous), fields(component));
		}

		public String targetType() {
			return action.startsWith("component_group") ? "component_group" : "component";
		}

		public String targetId() {
			return target;
		}

		public String summary() {
			String verb = switch (action.substring(action.indexOf('.') + 1)) {
				case "created" -> "Created";
				case "deleted" -> "Deleted";
				case "overridden" -> "Set the status of";
				default -> "Updated";
			};
			return verb + (targetType().equals("component") ? " component " : " component group ") + target;
		}

		private static Map<String, Object> fields(Component component) {
			if (component == null) {
				return Map.of();
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("name", component.name());
			fields.put("service_id", component.serviceId().toString());
			fields.put("check_ids", component.checkIds().stream().map(UUID::toString).toList());
			fields.put("group_id", component.groupId() == null ? "" : component.groupId().toString());
			fields.put("status_override", component.statusOverride() == null ? "" : component.statusOverride().value());
			return fields;
		}

	}

}
