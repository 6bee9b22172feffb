package dev.watchkeeper.platform.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Watchkeeper's own metrics in the Prometheus text exposition format. */
@RestController
@Tag(name = "Health and metrics")
@SecurityRequirements
class MetricsController {

	private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

	private final PrometheusMeterRegistry registry;

	MetricsController(PrometheusMeterRegistry registry) {
		this.registry = registry;
	}

	@GetMapping("/metrics")
	@Operation(summary = "Prometheus metrics of this Watchkeeper",
			description = "Includes http_requests_total, http_request_duration_seconds, JVM and connection pool metrics.")
	ResponseEntity<String> metrics() {
		return ResponseEntity.ok().header("Content-Type", CONTENT_TYPE).body(registry.scrape());
	}

}
