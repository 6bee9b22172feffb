package dev.watchkeeper.catalog.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.catalog.Component;
import dev.watchkeeper.catalog.ComponentDraft;
import dev.watchkeeper.catalog.ComponentGroup;
import dev.watchkeeper.catalog.ComponentStatus;
import dev.watchkeeper.catalog.Components;
import dev.watchkeeper.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Status page components and component groups in the catalog API. */
@RestController
@Tag(name = "Status page components")
class ComponentController {

	private final Components components;

	ComponentController(Components components) {
		this.components = components;
	}

	@Schema(example = """
			{"name":"Checkout API","description":"Payments and orders","groupId":null,"service":"checkout",
			 "checkIds":["0f9c…"],"statusOverride":null,"position":1}""")
	record ComponentRequest(String name, String description, UUID groupId,
			@Schema(description = "service slug or id") String service, List<UUID> checkIds,
			@Schema(description = "operational, degraded_performance, partial_outage, major_outage, under_maintenance; "
					+ "blank for none") String statusOverride,
			Integer position) {

		ComponentDraft draft() {
			return new ComponentDraft(name, description, groupId, service, checkIds, statusOverride, position);
		}

	}

	@Schema(example = """
			{"id":"8e4a…","name":"Checkout API","description":"Payments and orders","groupId":"2b1d…",
			 "serviceId":"5b0d…","checkIds":["0f9c…"],"statusOverride":null,"position":1,
			 "createdAt":"2026-11-27T09:00:00Z","updatedAt":"2026-11-27T09:00:00Z"}""")
	record ComponentView(UUID id, String name, String description, UUID groupId, UUID serviceId, List<UUID> checkIds,
			String statusOverride, int position, Instant createdAt, Instant updatedAt) {

		static ComponentView of(Component c) {
			return new ComponentView(c.id(), c.name(), c.description(), c.groupId(), c.serviceId(), c.checkIds(),
					c.statusOverride() == null ? null : c.statusOverride().value(), c.position(), c.createdAt(),
					c.updatedAt());
		}

	}

	@Schema(example = """
			{"status":"partial_outage"}""")
	record OverrideRequest(
			@Schema(description = "a component status; null or blank clears the override") String status) {
	}

	@Schema(example = """
			{"name":"Payments","description":"Everything that takes money","position":1}""")
	record GroupRequest(String name, String description, Integer position) {
	}

	@GetMapping("/api/v1/components")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "List status page components", description = "By position, then name.")
	List<ComponentView> list() {
		return components.list().stream().map(ComponentView::of).toList();
	}

	@PostMapping("/api/v1/components")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Create a component", description = "Maps to one service and optionally to its checks.")
	ResponseEntity<ComponentView> create(@RequestBody ComponentRequest request) {
		Component component = components.create(request.draft());
		return ResponseEntity.created(URI.create("/api/v1/components/" + component.id()))
			.body(ComponentView.of(component));
	}

	@GetMapping("/api/v1/components/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "One component")
	ComponentView get(@PathVariable UUID id) {
		return ComponentView.of(components.get(id));
	}

	@PutMapping("/api/v1/components/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Replace a component")
	ComponentView update(@PathVariable UUID id, @RequestBody ComponentRequest request) {
		return ComponentView.of(components.update(id, request.draft()));
	}

	@PutMapping("/api/v1/components/{id}/override")
	@PreAuthorize("hasRole('RESPONDER')")
	@Operation(summary = "Set or clear a component's manual status",
			description = "The override wins over the status derived from checks, incidents and maintenance.")
	ComponentView override(@PathVariable UUID id, @RequestBody OverrideRequest request) {
		ComponentStatus status = null;
		if (request.status() != null && !request.status().isBlank()) {
			status = ComponentStatus.parse(request.status())
				.orElseThrow(() -> DomainException.invalid("status", "must be operational, degraded_performance, "
						+ "partial_outage, major_outage or under_maintenance"));
		}
		return ComponentView.of(components.override(id, status));
	}

	@DeleteMapping("/api/v1/components/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Delete a component")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		components.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/component-groups")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "List component groups")
	List<ComponentGroup> groups() {
		return components.groups();
	}

	@PostMapping("/api/v1/component-groups")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Create a component group")
	ResponseEntity<ComponentGroup> createGroup(@RequestBody GroupRequest request) {
		ComponentGroup group = components.createGroup(request.name(), request.description(), request.position());
		return ResponseEntity.created(URI.create("/api/v1/component-groups/" + group.id())).body(group);
	}

	@PutMapping("/api/v1/component-groups/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Replace a component group")
	ComponentGroup updateGroup(@PathVariable UUID id, @RequestBody GroupRequest request) {
		return components.updateGroup(id, request.name(), request.description(), request.position());
	}

	@DeleteMapping("/api/v1/component-groups/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Delete a component group", description = "Its components stay, without a group.")
	ResponseEntity<Void> deleteGroup(@PathVariable UUID id) {
		components.deleteGroup(id);
		return ResponseEntity.noContent().build();
	}

}
