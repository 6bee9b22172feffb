package dev.watchkeeper.incident.web;

import dev.watchkeeper.incident.IncidentAnalytics;
import dev.watchkeeper.incident.ResponseReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Response analytics over the API. */
@RestController
@Tag(name = "Incident analytics")
class AnalyticsController {

	private final IncidentAnalytics analytics;

	private final Periods periods;

	AnalyticsController(IncidentAnalytics analytics, Periods periods) {
		this.analytics = analytics;
		this.periods = periods;
	}

	@GetMapping("/api/v1/incident-analytics")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "MTTA, MTTR and share within target per severity, service and team",
			description = "Incidents declared in [from, to). Durations are ISO-8601 (PT4M30S); shares are 0 to 1, "
					+ "null when no incident could be measured yet.",
			responses = @ApiResponse(responseCode = "200", content = @Content(
					examples = @ExampleObject("""
							{"from":"2026-11-01T00:00:00Z","to":"2026-12-01T00:00:00Z",
							 "overall":{"incidents":12,"acknowledged":12,"resolved":11,"mtta":"PT6M","mttr":"PT1H12M",
							  "acknowledgeMeasured":12,"acknowledgedWithinTarget":11,"resolveMeasured":11,"resolvedWithinTarget":10,
							  "acknowledgedWithinTargetShare":0.9167,"resolvedWithinTargetShare":0.9091},
							 "bySeverity":[{"key":"SEV-1","label":"SEV-1","stats":{"incidents":2,"mtta":"PT4M","mttr":"PT1H30M"}}],
							 "byService":[{"key":"5b0d…","label":"Checkout","stats":{"incidents":5}}],
							 "byTeam":[{"key":"a1c2…","label":"Payments","stats":{"incidents":5}}]}"""))))
	ResponseReport report(
			@Parameter(description = "start: a date (YYYY-MM-DD, incident time zone) or an instant; default 30 days "
					+ "before to") @RequestParam(required = false) String from,
			@Parameter(description = "end: a date (inclusive) or an instant (exclusive); default now") @RequestParam(
					required = false) String to) {
		var period = periods.read(from, to);
		return analytics.report(period.from(), period.to());
	}

}
