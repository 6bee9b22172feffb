package dev.watchkeeper.monitoring.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.monitoring.Certificate;
import dev.watchkeeper.monitoring.Check;
import dev.watchkeeper.monitoring.CheckDraft;
import dev.watchkeeper.monitoring.CheckHistory;
import dev.watchkeeper.monitoring.CheckSettings;
import dev.watchkeeper.monitoring.Checks;
import dev.watchkeeper.monitoring.Heartbeats;
import dev.watchkeeper.monitoring.Ping;
import dev.watchkeeper.monitoring.Result;
import dev.watchkeeper.monitoring.Rollup;
import dev.watchkeeper.monitoring.Uptime;
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

/** The checks API: HTTP, TCP, TLS and heartbeat checks, their history and uptime. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Checks")
class CheckController {

	private final Checks checks;

	private final CheckHistory history;

	private final Heartbeats heartbeats;

	CheckController(Checks checks, CheckHistory history, Heartbeats heartbeats) {
		this.checks = checks;
		this.history = history;
		this.heartbeats = heartbeats;
	}

	@Schema(example = """
			{"name":"health","kind":"http","service":"checkout","environment":"production","intervalSeconds":30,
			 "timeoutMs":5000,"failureThreshold":2,"successThreshold":1,"severity":"critical",
			 "runbookUrl":"https://runbooks.example.com/checkout-down",
			 "http":{"url":"https://api.example.com/health","method":"GET",
			  "conditions":["status == 200","$.status == \\"healthy\\"","$.checks.* == \\"healthy\\""]}}""")
	record CheckRequest(String name, @Schema(description = "http, tcp, tls or heartbeat") String kind,
			@Schema(description = "the catalog service's slug or id") String service, String environment,
			@Schema(description = "start to start; default 60") Integer intervalSeconds,
			@Schema(description = "shorter than the interval; default half of it, at most 10 s") Integer timeoutMs,
			@Schema(description = "consecutive failures before down; default 2 (1 for heartbeats)") Integer failureThreshold,
			@Schema(description = "consecutive successes before up again; default 1") Integer successThreshold,
			@Schema(description = "critical (default), high, medium or low") String severity, String runbookUrl,
			Boolean enabled, CheckSettings.Http http, CheckSettings.Tcp tcp, CheckSettings.Tls tls,
			CheckSettings.Heartbeat heartbeat) {

		CheckDraft draft() {
			return new CheckDraft(name, kind, service, environment, intervalSeconds, timeoutMs, failureThreshold,
					successThreshold, severity, runbookUrl, enabled, http, tcp, tls, heartbeat);
		}

	}

	@GetMapping("/checks")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "List checks",
			description = "Filters: service (slug or id), kind, status (pending, up, down).")
	PageQuery.Page<CheckView> list(@RequestParam(required = false) String service,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		var result = checks.list(blank(service) ? null : service, blank(kind) ? null : kind,
				blank(status) ? null : status, PageQuery.of(page, size));
		return new PageQuery.Page<>(result.items().stream().map(this::view).toList(), result.page(), result.size(),
				result.total());
	}

	@PostMapping("/checks")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Create a check",
			description = "A heartbeat check answers with its ping URL path, e.g. /ping/5f0c…; the key is its secret.")
	ResponseEntity<CheckView> create(@RequestBody CheckRequest request) {
		Check check = checks.create(request.draft());
		return ResponseEntity.created(URI.create("/api/v1/checks/" + check.id())).body(view(check));
	}

	@GetMapping("/checks/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "One check with its state")
	CheckView get(@PathVariable UUID id) {
		return view(checks.get(id));
	}

	@PutMapping("/checks/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Replace a check", description = "All fields; the kind cannot change.")
	CheckView update(@PathVariable UUID id, @RequestBody CheckRequest request) {
		return view(checks.update(id, request.draft()));
	}

	@DeleteMapping("/checks/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Delete a check and its history")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		checks.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/checks/{id}/results")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "A check's latest results, newest first", description = "Kept for the raw retention.")
	List<Result> results(@PathVariable UUID id,
			@Parameter(description = "1 to 1000, default 100") @RequestParam(defaultValue = "100") int limit) {
		checks.get(id);
		return history.results(id, limit);
	}

	@GetMapping("/checks/{id}/rollups")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "A check's roll-ups: runs, up-ratio and latency p50/p95/p99 per minute, hour or day")
	List<Rollup> rollups(@PathVariable UUID id,
			@Parameter(description = "m, h or d", example = "h") @RequestParam(defaultValue = "h") String resolution,
			@Parameter(example = "2026-11-01T00:00:00Z") @RequestParam(required = false) Instant from,
			@Parameter(example = "2026-11-24T00:00:00Z") @RequestParam(required = false) Instant to) {
		checks.get(id);
		return history.rollups(id, resolution, from, to);
	}

	@GetMapping("/checks/{id}/uptime")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "A check's uptime over 24 h, 7 d, 30 d and 90 d (0 to 1; null without runs)")
	Uptime uptime(@PathVariable UUID id) {
		checks.get(id);
		return history.uptime(id);
	}

	@GetMapping("/checks/{id}/pings")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "A heartbeat's latest pings, newest first, with run durations")
	List<Ping> pings(@PathVariable UUID id, @RequestParam(defaultValue = "50") int limit) {
		checks.get(id);
		return heartbeats.pings(id, limit);
	}

	@GetMapping("/checks/{id}/certificates")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "The certificate chain a TLS check saw last")
	List<Certificate> certificates(@PathVariable UUID id) {
		checks.get(id);
		return history.certificates(id);
	}

	@GetMapping("/certificates")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Every certificate TLS checks saw, soonest expiry first")
	List<Certificate> allCertificates() {
		return history.certificates();
	}

	private CheckView view(Check check) {
		return CheckView.of(check, checks.serviceSlug(check));
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
