package dev.watchkeeper.maintenance.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.maintenance.FollowUp;
import dev.watchkeeper.maintenance.Maintenance;
import dev.watchkeeper.maintenance.MaintenancePolicy;
import dev.watchkeeper.maintenance.MaintenanceWindow;
import dev.watchkeeper.maintenance.MaintenanceWindows;
import dev.watchkeeper.maintenance.WindowDraft;
import dev.watchkeeper.platform.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

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

/** Maintenance windows, their policy and the follow-ups of emergency work. */
@RestController
@RequestMapping("/api/v1/maintenance")
@Tag(name = "Maintenance")
class MaintenanceController {

	private final MaintenanceWindows windows;

	private final Clock clock;

	MaintenanceController(MaintenanceWindows windows, Clock clock) {
		this.windows = windows;
		this.clock = clock;
	}

	@Schema(description = "One-off: startsAt and endsAt. Recurring: timeIntervals (Alertmanager's syntax), or rrule "
			+ "with rruleStart, timeZone and duration; optionally from and until.",
			example = """
					{"title":"PostgreSQL 18 upgrade","description":"Checkout is read-only while the primary is replaced.",
					 "rollbackPlan":"Promote the old primary (kept for 24 h) and point PgBouncer back at it.",
					 "services":["checkout"],"startsAt":"2026-12-06T02:00:00Z","endsAt":"2026-12-06T04:00:00Z"}""")
	record WindowRequest(String title, String description, String rollbackPlan,
			@Schema(description = "affected services by slug or id", example = "[\"checkout\"]") List<String> services,
			Instant startsAt, Instant endsAt,
			@Schema(example = "[{\"weekdays\":[\"sunday\"],\"days_of_month\":[\"1:7\"],"
					+ "\"times\":[{\"start_time\":\"03:00\",\"end_time\":\"05:00\"}],\"location\":\"Europe/Berlin\"}]") List<Map<String, Object>> timeIntervals,
			@Schema(example = "FREQ=MONTHLY;BYDAY=1SU") String rrule,
			@Schema(example = "2026-12-06T02:00:00") LocalDateTime rruleStart,
			@Schema(example = "Europe/Berlin") String timeZone, @Schema(example = "PT4H") Duration duration,
			Instant from, Instant until, Boolean emergency,
			@Schema(example = "The certificate expires in six hours") String emergencyReason) {

		WindowDraft draft() {
			return new WindowDraft(title, description, rollbackPlan, services, startsAt, endsAt, timeIntervals, rrule,
					rruleStart, timeZone, duration, from, until, Boolean.TRUE.equals(emergency), emergencyReason);
		}

	}

	@Schema(example = "{\"note\":\"Approved: the certificate cannot wait; CHG-2211\"}")
	record DecisionRequest(String note) {
	}

	/**
	 * A window with where it stands.
	 *
	 * @param window the window
	 * @param state awaiting approval, rejected, cancelled, in progress, scheduled or
	 * completed
	 * @param next the occurrence in progress, else the next one; null when none is left
	 * @param followUp the follow-up of emergency work, once approved
	 */
	record WindowView(MaintenanceWindow window, String state, Maintenance.MaintenanceOccurrence next,
			FollowUp followUp) {
	}

	@GetMapping("/windows")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Maintenance windows, newest first",
			description = "state: all (default), open (neither cancelled nor rejected), pending (emergency work "
					+ "awaiting approval) or cancelled; service: slug or id.")
	PageQuery.Page<WindowView> list(@Parameter(example = "open") @RequestParam(required = false) String state,
			@Parameter(example = "checkout") @RequestParam(required = false) String service,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		var result = windows.list(state, service, PageQuery.of(page, size));
		return new PageQuery.Page<>(result.items().stream().map(this::view).toList(), result.page(), result.size(),
				result.total());
	}

	@PostMapping("/windows")
	@PreAuthorize("hasRole('RESPONDER')")
	@Operation(summary = "Schedule maintenance, or request emergency maintenance",
			description = "Checked against the policy: at most the maximum duration (4 h), at least the notice "
					+ "(48 h) for scheduled work, a rollback plan, known services. Emergency work (emergency: true, "
					+ "with emergencyReason) may start at once but does nothing until a manager or admin approves it. "
					+ "A refusal is a 422 problem naming each field with the reason.")
	ResponseEntity<WindowView> create(@RequestBody WindowRequest request) {
		var window = windows.create(request.draft());
		return ResponseEntity.created(URI.create("/api/v1/maintenance/windows/" + window.id())).body(view(window));
	}

	@PostMapping("/windows/import")
	@PreAuthorize("hasRole('RESPONDER')")
	@Operation(summary = "Import windows from an iCalendar file",
			description = "The body is an iCalendar file (text/calendar). Each VEVENT becomes a window: SUMMARY the "
					+ "title, DESCRIPTION the description, DTSTART (with TZID) and DTEND or DURATION the times, RRULE "
					+ "makes it recurring. Every window gets the services and rollback plan given as parameters and is "
					+ "checked like one created alone; all or none are saved.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/calendar",
							schema = @Schema(type = "string"),
							examples = @io.swagger.v3.oas.annotations.media.ExampleObject(value = ICS_EXAMPLE))))
	ResponseEntity<List<WindowView>> importCalendar(HttpServletRequest request,
			@Parameter(description = "affected services by slug or id; repeat for several",
					example = "checkout") @RequestParam(required = false) List<String> service,
			@Parameter(example = "Fail back to the previous primary") @RequestParam(
					required = false) String rollbackPlan)
			throws IOException {
		// read as text whatever the content type says: an .ics is not JSON
		String calendar = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		var created = windows.importCalendar(calendar, service, rollbackPlan);
		return ResponseEntity.status(201).body(created.stream().map(this::view).toList());
	}

	static final String ICS_EXAMPLE = """
			BEGIN:VCALENDAR
			VERSION:2.0
			PRODID:-//Example//Change calendar//EN
			BEGIN:VEVENT
			UID:monthly-db@example.com
			DTSTAMP:20261124T120000Z
			SUMMARY:Monthly database maintenance
			DTSTART;TZID=Europe/Berlin:20261206T030000
			DURATION:PT3H
			RRULE:FREQ=MONTHLY;BYDAY=1SU
			END:VEVENT
			END:VCALENDAR""";

	@GetMapping("/windows/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "One maintenance window")
	WindowView get(@PathVariable UUID id) {
		return view(windows.get(id));
	}

	@PutMapping("/windows/{id}")
	@PreAuthorize("hasRole('RESPONDER')")
	@Operation(summary = "Change a maintenance window",
			description = "All fields, checked as on creation; occurrences the window already had are not held to "
					+ "the notice again. A changed emergency window needs approval again.")
	WindowView update(@PathVariable UUID id, @RequestBody WindowRequest request) {
		return view(windows.update(id, request.draft()));
	}

	@PostMapping("/windows/{id}/cancel")
	@PreAuthorize("hasRole('RESPONDER')")
	@Operation(summary = "Cancel a maintenance window",
			description = "An occurrence in progress ends now: its services' alerts that still fire are notified.")
	WindowView cancel(@PathVariable UUID id) {
		return view(windows.cancel(id));
	}

	@PostMapping("/windows/{id}/approve")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Approve emergency maintenance",
			description = "Managers and admins. The window comes in force and a follow-up (post-mortem) is due "
					+ "after it ends.")
	WindowView approve(@PathVariable UUID id, @RequestBody(required = false) DecisionRequest request) {
		return view(windows.approve(id, request == null ? null : request.note()));
	}

	@PostMapping("/windows/{id}/reject")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Reject emergency maintenance", description = "Managers and admins.")
	WindowView reject(@PathVariable UUID id, @RequestBody(required = false) DecisionRequest request) {
		return view(windows.reject(id, request == null ? null : request.note()));
	}

	@GetMapping("/windows/{id}/occurrences")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Occurrences of one window",
			description = "Between from (default now) and to (default " + "90 days later), at most 400 days.")
	List<Maintenance.MaintenanceOccurrence> occurrences(@PathVariable UUID id,
			@Parameter(example = "2026-12-01T00:00:00Z") @RequestParam(required = false) Instant from,
			@Parameter(example = "2027-03-01T00:00:00Z") @RequestParam(required = false) Instant to) {
		Instant start = from == null ? clock.instant() : from;
		Instant end = to == null ? start.plus(Duration.ofDays(90)) : to;
		return windows.occurrences(windows.get(id), start, end);
	}

	@GetMapping("/calendar")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Occurrences of every window in force",
			description = "Between from (default now) and to (default 35 days later), at most 400 days.")
	List<Maintenance.MaintenanceOccurrence> calendar(
			@Parameter(example = "2026-12-01T00:00:00Z") @RequestParam(required = false) Instant from,
			@Parameter(example = "2027-01-01T00:00:00Z") @RequestParam(required = false) Instant to) {
		Instant start = from == null ? clock.instant() : from;
		return windows.calendar(start, to == null ? start.plus(Duration.ofDays(35)) : to);
	}

	@GetMapping("/policy")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "The maintenance policy",
			description = "Maximum duration, notice, reminder lead, follow-up period and the default window.")
	MaintenancePolicy policy() {
		return windows.policy();
	}

	@Schema(example = """
			{"maxDuration":"PT4H","minNotice":"PT48H","reminderBefore":"PT24H","followUpAfter":"PT48H",
			 "defaultWindow":[{"weekdays":["sunday"],"days_of_month":["1:7"],
			   "times":[{"start_time":"02:00","end_time":"06:00"}],"location":"UTC"}]}""")
	record PolicyRequest(Duration maxDuration, Duration minNotice, Duration reminderBefore, Duration followUpAfter,
			List<Map<String, Object>> defaultWindow) {
	}

	@PutMapping("/policy")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Change the maintenance policy", description = "Admins. Saved windows are not checked again.")
	MaintenancePolicy updatePolicy(@RequestBody PolicyRequest request) {
		return windows.updatePolicy(new MaintenanceWindows.PolicyDraft(request.maxDuration(), request.minNotice(),
				request.reminderBefore(), request.followUpAfter(), request.defaultWindow()));
	}

	@GetMapping("/follow-ups")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Follow-ups (post-mortems) of emergency maintenance, open ones first")
	List<FollowUp> followUps(@RequestParam(defaultValue = "false") boolean open) {
		return windows.followUps(open);
	}

	@Schema(example = "{\"note\":\"Post-mortem: https://wiki.example.com/pm/2026-12-cert\"}")
	record FollowUpRequest(String note) {
	}

	@PostMapping("/windows/{id}/follow-up/done")
	@PreAuthorize("hasRole('RESPONDER')")
	@Operation(summary = "Mark the follow-up of emergency maintenance done")
	FollowUp completeFollowUp(@PathVariable UUID id, @RequestBody(required = false) FollowUpRequest request) {
		return windows.completeFollowUp(id, request == null ? null : request.note());
	}

	private WindowView view(MaintenanceWindow window) {
		Instant now = clock.instant();
		return new WindowView(window, windows.state(window, now), windows.next(window, now).orElse(null),
				windows.followUp(window.id()).orElse(null));
	}

}
