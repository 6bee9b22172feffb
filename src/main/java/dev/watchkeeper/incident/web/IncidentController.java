package dev.watchkeeper.incident.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.incident.Incident;
import dev.watchkeeper.incident.IncidentAlert;
import dev.watchkeeper.incident.IncidentDraft;
import dev.watchkeeper.incident.IncidentFilter;
import dev.watchkeeper.incident.IncidentRole;
import dev.watchkeeper.incident.IncidentStatus;
import dev.watchkeeper.incident.Incidents;
import dev.watchkeeper.incident.PagesAndAlerts;
import dev.watchkeeper.incident.SentPage;
import dev.watchkeeper.incident.SeverityPolicy;
import dev.watchkeeper.incident.TimelineEntry;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The incident API. Every signed-in role reads; the role each change needs is checked
 * first, and a refusal names it.
 */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents")
@PreAuthorize("hasRole('VIEWER')")
class IncidentController {

	private static final String ID = "incident id, number (42) or reference (INC-42)";

	private final Incidents incidents;

	private final IncidentViews views;

	private final PagesAndAlerts pagesAndAlerts;

	IncidentController(Incidents incidents, IncidentViews views, PagesAndAlerts pagesAndAlerts) {
		this.incidents = incidents;
		this.views = views;
		this.pagesAndAlerts = pagesAndAlerts;
	}

	@Schema(example = """
			{"title":"Checkout payments fail","severity":"SEV-1","serviceId":"5b0d…","summary":"Card payments time out since 09:00"}""")
	record DeclareRequest(@Schema(description = "1 to 200 characters") String title,
			@Schema(description = "SEV-1 … SEV-4 or an alias: P0 … P3, critical, high, medium, low") String severity,
			@Schema(description = "a catalog service id; optional") UUID serviceId, String summary) {
	}

	@Schema(example = """
			{"status":"identified"}""")
	record StatusRequest(
			@Schema(description = "acknowledged, investigating, identified, monitoring or resolved") String status) {
	}

	@Schema(example = """
			{"note":"Rolled back release 1.4.2; error rate back to 0.1 %"}""")
	record ResolveRequest(@Schema(description = "optional, on the timeline") String note) {
	}

	@Schema(example = """
			{"severity":"SEV-1"}""")
	record SeverityRequest(String severity) {
	}

	@Schema(example = """
			{"userId":"a1c2…"}""")
	record RoleRequest(@Schema(description = "the user to give the role; null clears it") UUID userId) {
	}

	@Schema(example = """
			{"text":"Payments provider confirms an outage on their side","statusUpdate":true}""")
	record NoteRequest(String text, @Schema(
			description = "a status update for stakeholders; resets the update reminder") Boolean statusUpdate) {
	}

	@GetMapping
	@Operation(summary = "List incidents, newest first",
			description = "Filters: status (a status, or open for every status before resolved), severity, service "
					+ "(id).")
	PageQuery.Page<IncidentView> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) String severity,
			@Parameter(description = "service id") @RequestParam(required = false) UUID service,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		var filter = Filters.incidents(status, severity, service, incidents.severityPolicy());
		var result = incidents.list(filter, PageQuery.of(page, size));
		return new PageQuery.Page<>(views.views(result.items()), result.page(), result.size(), result.total());
	}

	@PostMapping
	@Operation(summary = "Declare an incident",
			description = "Needs the responder role. Starts the acknowledgement, resolution and update timers of "
					+ "its severity and names its channel #incident-YYYY-MM-DD-<slug>.")
	ResponseEntity<IncidentView> declare(@RequestBody DeclareRequest request) {
		Access.require(Role.RESPONDER, "declaring incidents");
		Incident incident = incidents.declare(
				new IncidentDraft(request.title(), request.severity(), request.serviceId(), request.summary()),
				Actor.current());
		return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident.id())).body(views.view(incident));
	}

	@GetMapping("/severities")
	@Operation(summary = "The severity policy in force",
			description = "Levels with their aliases, targets, stakeholder notice, update cadence and post-mortem rule.")
	SeverityPolicy severities() {
		return incidents.severityPolicy();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One incident")
	IncidentView get(@Parameter(description = ID) @PathVariable String id) {
		return views.view(views.incident(id));
	}

	@GetMapping("/{id}/timeline")
	@Operation(summary = "The incident's timeline, oldest first")
	List<TimelineEntry> timeline(@Parameter(description = ID) @PathVariable String id) {
		return incidents.timeline(views.incident(id).id());
	}

	@GetMapping("/{id}/alerts")
	@Operation(summary = "The alerts attached to the incident, firing first",
			description = "Each alert with its labels, summary, runbook link (hasRunbook false when the alert names "
					+ "none), status (firing or resolved) and since when. Empty for an incident declared by hand.",
			responses = @ApiResponse(responseCode = "200", content = @Content(
					examples = @ExampleObject("""
							[{"fingerprint":"3f1c9a0b7d2e4c11","alertname":"HighErrorRate",
							  "labels":{"alertname":"HighErrorRate","service":"checkout","severity":"high","instance":"web-1"},
							  "summary":"5xx above 5 % for 5 minutes","runbookUrl":"https://runbooks.example.com/checkout-errors",
							  "hasRunbook":true,"status":"firing","startsAt":"2026-11-25T09:00:00Z",
							  "updatedAt":"2026-11-25T09:00:30Z"},
							 {"fingerprint":"8a27e1f04b9c3d55","alertname":"SlowCheckout","labels":{"alertname":"SlowCheckout"},
							  "hasRunbook":false,"status":"resolved",
							  "startsAt":"2026-11-25T08:55:00Z","endsAt":"2026-11-25T09:20:00Z","updatedAt":"2026-11-25T09:20:30Z"}]"""))))
	List<IncidentAlert> alerts(@Parameter(description = ID) @PathVariable String id) {
		return pagesAndAlerts.alerts(views.incident(id).id());
	}

	@GetMapping("/{id}/pages")
	@Operation(summary = "The pages sent for the incident, oldest first",
			description = "One entry per person and contact method: when, who, how (kind and address), the policy "
					+ "step and round or the reason, and the delivery's current state in the notification outbox "
					+ "(pending, succeeded, failed with its last error; not_queued when nothing was enqueued).",
			responses = @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject("""
					[{"deliveryKey":"incident/6f1e…/r0s0/a1c2…/0","pagedAt":"2026-11-25T09:00:01Z","userId":"a1c2…",
					  "userName":"Ada Lovelace","kind":"email","address":"ada@example.com","round":1,"step":1,
					  "reason":"Step 1 of 4: team on call","deliveryId":"0d4e…","deliveryStatus":"succeeded",
					  "attempts":1,"completedAt":"2026-11-25T09:00:02Z"},
					 {"deliveryKey":"incident/6f1e…/breach-acknowledge/b7d9…/0","pagedAt":"2026-11-25T10:00:00Z",
					  "userId":"b7d9…","userName":"Grace Hopper","kind":"sms","address":"+15551234567",
					  "reason":"engineering manager: the acknowledgement target passed","deliveryId":"9c1a…",
					  "deliveryStatus":"pending","attempts":2,"lastError":"HTTP 503 from the gateway"}]"""))))
	List<SentPage> pages(@Parameter(description = ID) @PathVariable String id) {
		return pagesAndAlerts.pages(views.incident(id).id());
	}

	@PostMapping("/{id}/acknowledge")
	@Operation(summary = "Acknowledge", description = "Needs the responder role. Stops the acknowledgement timer; "
			+ "409 when already acknowledged, resolved or closed.")
	IncidentView acknowledge(@Parameter(description = ID) @PathVariable String id) {
		Access.require(Role.RESPONDER, "acknowledging incidents");
		return views.view(incidents.acknowledge(views.incident(id).id(), Actor.current()));
	}

	@PostMapping("/{id}/status")
	@Operation(summary = "Change the status",
			description = "Needs the responder role. Moving past triggered also acknowledges; resolved resolves.")
	IncidentView status(@Parameter(description = ID) @PathVariable String id, @RequestBody StatusRequest request) {
		Access.require(Role.RESPONDER, "changing an incident's status");
		UUID incident = views.incident(id).id();
		IncidentStatus status = IncidentStatus.parse(request.status())
			.orElseThrow(() -> DomainException.invalid("status",
					"one of acknowledged, investigating, identified, monitoring, resolved"));
		return views.view(incidents.changeStatus(incident, status, Actor.current()));
	}

	@PostMapping("/{id}/resolve")
	@Operation(summary = "Resolve", description = "Needs the responder role. Creates the post-mortem when the "
			+ "severity requires one, else closes the incident.")
	IncidentView resolve(@Parameter(description = ID) @PathVariable String id,
			@RequestBody(required = false) ResolveRequest request) {
		Access.require(Role.RESPONDER, "resolving incidents");
		return views
			.view(incidents.resolve(views.incident(id).id(), request == null ? null : request.note(), Actor.current()));
	}

	@PostMapping("/{id}/severity")
	@Operation(summary = "Change the severity",
			description = "Needs the manager role. The targets follow the new level, counted from declaration.")
	IncidentView severity(@Parameter(description = ID) @PathVariable String id, @RequestBody SeverityRequest request) {
		Access.require(Role.MANAGER, "changing an incident's severity");
		return views.view(incidents.changeSeverity(views.incident(id).id(), request.severity(), Actor.current()));
	}

	@PutMapping("/{id}/roles/{role}")
	@Operation(summary = "Give a role to someone, or clear it",
			description = "Needs the responder role. Roles: commander, communications_lead, scribe.")
	IncidentView role(@Parameter(description = ID) @PathVariable String id,
			@Parameter(description = "commander, communications_lead or scribe") @PathVariable String role,
			@RequestBody RoleRequest request) {
		Access.require(Role.RESPONDER, "assigning incident roles");
		IncidentRole parsed = IncidentRole.parse(role)
			.orElseThrow(() -> DomainException.invalid("role", "one of commander, communications_lead, scribe"));
		UUID incident = views.incident(id).id();
		return views.view(incidents.assignRole(incident, parsed,
				request.userId() == null ? null : new UserId(request.userId()), Actor.current()));
	}

	@PostMapping("/{id}/notes")
	@Operation(summary = "Write a note on the timeline", description = "Needs the responder role.")
	ResponseEntity<TimelineEntry> note(@Parameter(description = ID) @PathVariable String id,
			@RequestBody NoteRequest request) {
		Access.require(Role.RESPONDER, "writing incident notes");
		UUID incident = views.incident(id).id();
		TimelineEntry entry = incidents.addNote(incident, request.text(), Boolean.TRUE.equals(request.statusUpdate()),
				Actor.current());
		return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident + "/timeline")).body(entry);
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "Close a resolved incident",
			description = "Needs the manager role. Refused while a required post-mortem is unpublished; closing "
					+ "otherwise happens by itself when the post-mortem is published.")
	IncidentView close(@Parameter(description = ID) @PathVariable String id) {
		Access.require(Role.MANAGER, "closing incidents");
		return views.view(incidents.close(views.incident(id).id(), Actor.current()));
	}

}
