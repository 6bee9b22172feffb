package dev.watchkeeper.incident.web;

import java.util.UUID;

import dev.watchkeeper.identity.Role;
import dev.watchkeeper.incident.ServiceIncidentSettings;
import dev.watchkeeper.incident.ServiceSettings;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Per-service incident settings: every signed-in role reads, managers change them. */
@RestController
@RequestMapping("/api/v1/incidents/settings/services/{serviceId}")
@Tag(name = "Incidents")
@PreAuthorize("hasRole('VIEWER')")
class ServiceSettingsController {

	private final ServiceIncidentSettings settings;

	ServiceSettingsController(ServiceIncidentSettings settings) {
		this.settings = settings;
	}

	@Schema(example = """
			{"autoResolve":true}""")
	record SettingsRequest(@Schema(
			description = "resolve an open incident of the service once every attached alert has resolved") Boolean autoResolve) {
	}

	@Schema(example = """
			{"serviceId":"5b0d2f4e-0c1a-4c5e-9a43-2f1b9a0c7d11","autoResolve":true,"updatedAt":"2026-11-25T09:00:00Z","updatedBy":"Ada Lovelace"}""")
	record SettingsView(UUID serviceId, boolean autoResolve, java.time.Instant updatedAt, String updatedBy) {

		static SettingsView of(ServiceSettings settings) {
			return new SettingsView(settings.serviceId(), settings.autoResolve(), settings.updatedAt(),
					settings.updatedBy());
		}

	}

	@GetMapping
	@Operation(summary = "A service's incident settings",
			description = "The defaults (autoResolve false, updatedAt null) until someone changes them; 404 when the "
					+ "catalog has no such service.")
	SettingsView get(@Parameter(description = "catalog service id") @PathVariable UUID serviceId) {
		return SettingsView.of(settings.get(serviceId));
	}

	@PutMapping
	@Operation(summary = "Change a service's incident settings",
			description = "Needs the manager role. autoResolve: an open incident of the service that alerts opened or "
					+ "fed resolves by itself once every attached alert has resolved. Audited.")
	SettingsView put(@Parameter(description = "catalog service id") @PathVariable UUID serviceId,
			@RequestBody SettingsRequest request) {
		Access.require(Role.MANAGER, "changing a service's incident settings");
		if (request.autoResolve() == null) {
			throw DomainException.invalid("autoResolve", "is required: true or false");
		}
		return SettingsView.of(settings.update(serviceId, request.autoResolve(), Actor.current()));
	}

}
