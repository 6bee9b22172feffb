package dev.watchkeeper.platform.health;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Liveness, readiness and dependency health as handbook 004 §3.7 describes: 200 with
 * {@code "status":"healthy"}, or 503 with {@code "status":"unhealthy"}.
 */
@RestController
@Tag(name = "Health and metrics")
@SecurityRequirements
class HealthController {

	private final List<HealthCheck> checks;

	private final ApplicationAvailability availability;

	private final Clock clock;

	private final String version;

	HealthController(List<HealthCheck> checks, ApplicationAvailability availability, Clock clock,
			ObjectProvider<BuildProperties> build) {
		this.checks = checks;
		this.availability = availability;
		this.clock = clock;
		BuildProperties properties = build.getIfAvailable();
		this.version = properties != null ? properties.getVersion() : "development";
	}

	@GetMapping("/health")
	@Operation(summary = "Health of Watchkeeper and its dependencies", description = "503 when any is unhealthy.")
	ResponseEntity<HealthReport> health() {
		Map<String, String> results = new LinkedHashMap<>();
		for (HealthCheck check : checks) {
			results.put(check.name(), check.check());
		}
		boolean healthy = results.values().stream().allMatch(HealthStatus.HEALTHY::equals);
		return report(healthy, results);
	}

	@GetMapping("/health/live")
	@Operation(summary = "Liveness: the process is running and serving requests")
	ResponseEntity<HealthReport> live() {
		return report(true, Map.of());
	}

	@GetMapping("/health/ready")
	@Operation(summary = "Readiness: started and every critical dependency is healthy")
	ResponseEntity<HealthReport> ready() {
		Map<String, String> results = new LinkedHashMap<>();
		for (HealthCheck check : checks) {
			if (check.critical()) {
				results.put(check.name(), check.check());
			}
		}
		boolean accepting = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
		results.put("startup", accepting ? HealthStatus.HEALTHY : "starting");
		boolean ready = results.values().stream().allMatch(HealthStatus.HEALTHY::equals);
		return report(ready, results);
	}

	private ResponseEntity<HealthReport> report(boolean healthy, Map<String, String> results) {
		var report = new HealthReport(healthy ? HealthStatus.HEALTHY : HealthStatus.UNHEALTHY, version,
				Instant.now(clock).truncatedTo(ChronoUnit.SECONDS), results);
		return ResponseEntity.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(report);
	}

}
