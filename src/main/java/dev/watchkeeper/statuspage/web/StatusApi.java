package dev.watchkeeper.statuspage.web;

import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.statuspage.StatusPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Statuspage API v2, read-only and public, served from the cache: what status
 * aggregators and Statuspage clients read.
 */
@RestController
@CrossOrigin(origins = "*", methods = org.springframework.web.bind.annotation.RequestMethod.GET)
@Tag(name = "Status page (Statuspage API v2)")
class StatusApi {

	private final StatusPage page;

	StatusApi(StatusPage page) {
		this.page = page;
	}

	@GetMapping(path = "/status/api/v2/summary.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Page, components, unresolved incidents, upcoming and active maintenance, overall status",
			responses = @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject("""
					{"page":{"id":"0c5e1d2f9a3b","name":"Watchkeeper status","url":"https://status.example.com/status",
					 "time_zone":"UTC","updated_at":"2026-11-27T10:00:00.000Z"},
					 "components":[{"id":"8e4a…","name":"Checkout API","status":"partial_outage","created_at":"…",
					 "updated_at":"…","position":1,"description":null,"showcase":true,"start_date":"2026-11-27",
					 "group_id":null,"page_id":"0c5e1d2f9a3b","group":false,"only_show_if_degraded":false}],
					 "incidents":[],"scheduled_maintenances":[],
					 "status":{"indicator":"major","description":"Partial System Outage"}}"""))))
	ResponseEntity<byte[]> summary(@RequestHeader(name = "Accept-Encoding", defaultValue = "") String encodings) {
		return document("summary.json", encodings);
	}

	@GetMapping(path = "/status/api/v2/status.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The overall status: indicator none, minor, major or critical, and a description",
			responses = @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject("""
					{"page":{"id":"0c5e1d2f9a3b","name":"Watchkeeper status","url":"https://status.example.com/status",
					 "time_zone":"UTC","updated_at":"2026-11-27T10:00:00.000Z"},
					 "status":{"indicator":"none","description":"All Systems Operational"}}"""))))
	ResponseEntity<byte[]> status(@RequestHeader(name = "Accept-Encoding", defaultValue = "") String encodings) {
		return document("status.json", encodings);
	}

	@GetMapping(path = "/status/api/v2/components.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Components and groups with their statuses")
	ResponseEntity<byte[]> components(@RequestHeader(name = "Accept-Encoding", defaultValue = "") String encodings) {
		return document("components.json", encodings);
	}

	@GetMapping(path = "/status/api/v2/incidents.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The 50 most recent public incidents with their updates")
	ResponseEntity<byte[]> incidents(@RequestHeader(name = "Accept-Encoding", defaultValue = "") String encodings) {
		return document("incidents.json", encodings);
	}

	@GetMapping(path = "/status/api/v2/incidents/unresolved.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Public incidents not resolved yet")
	ResponseEntity<byte[]> unresolved(@RequestHeader(name = "Accept-Encoding", defaultValue = "") String encodings) {
		return document("incidents/unresolved.json", encodings);
	}

	@GetMapping(path = "/status/api/v2/scheduled-maintenances.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Maintenance: recent, active and upcoming, with scheduled_for and scheduled_until")
	ResponseEntity<byte[]> maintenance(@RequestHeader(name = "Accept-Encoding", defaultValue = "") String encodings) {
		return document("scheduled-maintenances.json", encodings);
	}

	@GetMapping(path = "/status/api/v2/scheduled-maintenances/upcoming.json",
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Maintenance that has not started (status scheduled)")
	ResponseEntity<byte[]> upcoming(@RequestHeader(name = "Accept-Encoding", defaultValue = "") String encodings) {
		return document("scheduled-maintenances/upcoming.json", encodings);
	}

	@GetMapping(path = "/status/api/v2/scheduled-maintenances/active.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Maintenance in progress")
	ResponseEntity<byte[]> active(@RequestHeader(name = "Accept-Encoding", defaultValue = "") String encodings) {
		return document("scheduled-maintenances/active.json", encodings);
	}

	private ResponseEntity<byte[]> document(String path, String encodings) {
		boolean gzip = Compression.accepted(encodings);
		byte[] body = page.json(path, gzip).orElseThrow(() -> DomainException.notFound("Document", path));
		return Compression.mark(ResponseEntity.ok(), gzip)
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofSeconds(10)).cachePublic())
			.body(body);
	}

}
