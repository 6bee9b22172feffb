package dev.watchkeeper.catalog.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceDraft;
import dev.watchkeeper.catalog.ServiceFilter;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.TeamId;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.platform.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The service catalog API. */
@RestController
@RequestMapping("/api/v1/services")
@Tag(name = "Service catalog")
class ServiceController {

	private final Services services;

	private final Teams teams;

	ServiceController(Services services, Teams teams) {
		this.services = services;
		this.teams = teams;
	}

	@Schema(example = """
			{"slug":"checkout","name":"Checkout","description":"Takes payments","ownerTeamId":"a1c2…","tier":1,
			 "runbookUrl":"https://runbooks.example.com/checkout","tags":["payments"],
			 "environments":[{"name":"production","url":"https://api.example.com/checkout"}]}""")
	record ServiceRequest(String slug, String name, String description, UUID ownerTeamId,
			@Schema(description = "1 (most critical) to 4; default 3") Integer tier, String runbookUrl,
			List<String> tags, List<Service.Environment> environments) {

		ServiceDraft draft() {
			return new ServiceDraft(slug, name, description, ownerTeamId, tier, runbookUrl, tags, environments);
		}

	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "List services",
			description = "Filters: q (name or slug contains), team (id or slug), tag, tier.")
	PageQuery.Page<ServiceView> list(@RequestParam(required = false) String q,
			@Parameter(description = "team id or slug") @RequestParam(required = false) String team,
			@RequestParam(required = false) String tag, @RequestParam(required = false) Integer tier,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		var filter = new ServiceFilter(blank(q) ? null : q.trim(), teamId(team), blank(tag) ? null : tag, tier);
		return views(services.list(filter, PageQuery.of(page, size)));
	}

	@PostMapping
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Create a service")
	ResponseEntity<ServiceView> create(@RequestBody ServiceRequest request) {
		Service service = services.create(request.draft());
		return ResponseEntity.created(URI.create("/api/v1/services/" + service.slug())).body(view(service));
	}

	@GetMapping("/{slug}")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "One service")
	ServiceView get(@PathVariable String slug) {
		return view(services.get(slug));
	}

	@PutMapping("/{slug}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Replace a service", description = "All fields; the slug may change.")
	ServiceView update(@PathVariable String slug, @RequestBody ServiceRequest request) {
		return view(services.update(slug, request.draft()));
	}

	@DeleteMapping("/{slug}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Delete a service",
			description = "409 service-in-use while anything belongs to it (checks), naming what.")
	ResponseEntity<Void> delete(@PathVariable String slug) {
		services.delete(slug);
		return ResponseEntity.noContent().build();
	}

	private UUID teamId(String team) {
		if (blank(team)) {
			return null;
		}
		try {
			return UUID.fromString(team);
		}
		catch (IllegalArgumentException ex) {
			// a slug; an unknown team matches no service
			return teams.findBySlug(team).map(t -> t.id().value()).orElse(new UUID(0, 0));
		}
	}

	private ServiceView view(Service service) {
		return ServiceView.of(service, service.ownerTeamId() == null ? java.util.Map.of()
				: teams.refs(List.of(new TeamId(service.ownerTeamId()))));
	}

	private PageQuery.Page<ServiceView> views(PageQuery.Page<Service> page) {
		var refs = teams.refs(page.items()
			.stream()
			.filter(s -> s.ownerTeamId() != null)
			.map(s -> new TeamId(s.ownerTeamId()))
			.distinct()
			.toList());
		return new PageQuery.Page<>(page.items().stream().map(s -> ServiceView.of(s, refs)).toList(), page.page(),
				page.size(), page.total());
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
