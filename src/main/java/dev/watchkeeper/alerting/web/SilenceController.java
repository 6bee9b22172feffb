package dev.watchkeeper.alerting.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.alerting.Matcher;
import dev.watchkeeper.alerting.Silence;
import dev.watchkeeper.alerting.Silences;
import dev.watchkeeper.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Silences over the API: responders create and expire them. */
@RestController
@RequestMapping("/api/v1/silences")
@Tag(name = "Silences")
class SilenceController {

	private final Silences silences;

	SilenceController(Silences silences) {
		this.silences = silences;
	}

	@Schema(example = """
			{"matchers":[{"name":"alertname","op":"=","value":"HighErrorRate"},{"name":"service","op":"=~","value":"check.*"}],
			 "startsAt":"2026-11-23T02:00:00Z","endsAt":"2026-11-23T06:00:00Z","comment":"Database migration, CHG-1234"}""")
	record SilenceRequest(List<Matcher> matchers, Instant startsAt, Instant endsAt, String comment) {
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Silences: pending and active first, then recently expired")
	List<Silence> list() {
		return silences.list(500);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "One silence")
	Silence get(@PathVariable UUID id) {
		return silences.find(id).orElseThrow(() -> DomainException.notFound("Silence", id));
	}

	@PostMapping
	@PreAuthorize("hasRole('RESPONDER')")
	@Operation(summary = "Create a silence", description = "startsAt may be in the future; regular expressions are "
			+ "checked now and match whole values; at least one matcher must not match an empty label.")
	ResponseEntity<Silence> create(@RequestBody SilenceRequest request) {
		Silence silence = silences.create(
				new Silences.SilenceDraft(request.matchers(), request.startsAt(), request.endsAt(), request.comment()));
		return ResponseEntity.created(URI.create("/api/v1/silences/" + silence.id())).body(silence);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('RESPONDER')")
	@Operation(summary = "Expire a silence now")
	Silence expire(@PathVariable UUID id) {
		return silences.expire(id);
	}

}
