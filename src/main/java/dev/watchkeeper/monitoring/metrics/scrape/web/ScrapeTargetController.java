package dev.watchkeeper.monitoring.metrics.scrape.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.monitoring.metrics.scrape.PromDurations;
import dev.watchkeeper.monitoring.metrics.scrape.ScrapeTarget;
import dev.watchkeeper.monitoring.metrics.scrape.ScrapeTargetDraft;
import dev.watchkeeper.monitoring.metrics.scrape.ScrapeTargets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Scrape targets of the embedded metric store, with their last scrape. */
@RestController
@RequestMapping("/api/v1/monitoring/scrape-targets")
@Tag(name = "Metrics: scrape targets")
class ScrapeTargetController {

	private static final String TARGET_EXAMPLE = """
			{"id":"5b0c3d1e-8f7a-4c2b-9e61-0d3f2a7b9c11","url":"http://10.0.0.12:9100/metrics","job":"node",
			 "instance":"10.0.0.12:9100","service":"checkout","environment":"production","interval":"15s",
			 "timeout":"10s","labels":{"team":"payments"},"enabled":true,
			 "lastScrape":{"up":true,"at":"2026-11-24T12:00:00Z","durationSeconds":0.012,"samples":412,"error":null}}""";

	private final ScrapeTargets targets;

	ScrapeTargetController(ScrapeTargets targets) {
		this.targets = targets;
	}

	/** The last scrape by this node. */
	record LastScrape(boolean up, Instant at, double durationSeconds, int samples, String error) {
	}

	/** A target as the API shows it. */
	record TargetView(UUID id, String url, String job, String instance, String service, String environment,
			String interval, String timeout, Map<String, String> labels, boolean enabled, LastScrape lastScrape) {
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "List scrape targets",
			description = "Every stored target with its last scrape on the node that answers (null when that node "
					+ "does not scrape it).")
	@ApiResponse(responseCode = "200",
			content = @Content(examples = @ExampleObject(value = "[" + TARGET_EXAMPLE + "]")))
	List<TargetView> list() {
		return targets.list().stream().map(this::view).toList();
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Get a scrape target")
	@ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = TARGET_EXAMPLE)))
	TargetView get(@PathVariable UUID id) {
		return view(targets.get(id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Add a scrape target",
			description = "interval defaults to 15s; timeout to the smaller of 10s and four fifths of the interval and "
					+ "must be shorter than it. 422 names each invalid field; 409 when the URL and job exist.")
	@ApiResponse(responseCode = "201", content = @Content(examples = @ExampleObject(value = TARGET_EXAMPLE)))
	TargetView create(@RequestBody ScrapeTargetDraft draft) {
		return view(targets.create(draft));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Replace a scrape target")
	@ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = TARGET_EXAMPLE)))
	TargetView replace(@PathVariable UUID id, @RequestBody ScrapeTargetDraft draft) {
		return view(targets.replace(id, draft));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Remove a scrape target",
			description = "Its series are marked stale at once, as Prometheus does when a target goes away.")
	void delete(@PathVariable UUID id) {
		targets.delete(id);
	}

	private TargetView view(ScrapeTarget t) {
		LastScrape last = targets.status(t.id())
			.map((s) -> new LastScrape(s.up(), s.lastScrape(), s.durationSeconds(), s.samples(), s.error()))
			.orElse(null);
		return new TargetView(t.id(), t.url(), t.job(), t.instance(), t.service(), t.environment(),
				PromDurations.format(t.interval()), PromDurations.format(t.timeout()), t.labels(), t.enabled(), last);
	}

}
