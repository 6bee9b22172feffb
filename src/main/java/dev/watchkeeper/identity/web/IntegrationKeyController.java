package dev.watchkeeper.identity.web;

import java.util.List;
import java.util.UUID;

import dev.watchkeeper.identity.IntegrationKey;
import dev.watchkeeper.identity.IntegrationKeys;
import dev.watchkeeper.identity.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Integration keys for alert senders: list (viewer), create with the secret shown once
 * and revoke (manager).
 */
@RestController
@RequestMapping("/api/v1/integration-keys")
@Tag(name = "Integration keys")
class IntegrationKeyController {

	private final IntegrationKeys keys;

	IntegrationKeyController(IntegrationKeys keys) {
		this.keys = keys;
	}

	@Schema(example = """
			{"name":"prometheus-eu","service":"checkout"}""")
	record CreateKey(@Schema(description = "What the key is for, 1 to 100 characters") String name,
			@Schema(description = "Slug of the catalog service the key is bound to; or give team") String service,
			@Schema(description = "Slug of the team the key is bound to; or give service") String team) {
	}

	@Schema(example = """
			{"key":{"id":"6f1c…","name":"prometheus-eu","prefix":"wki_Ab12Cd3","serviceSlug":"checkout",
			 "createdAt":"2026-11-24T05:00:00Z"},"secret":"wki_…"}""")
	record CreatedKey(IntegrationKey key, @Schema(description = "Shown only now") String secret) {
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Integration keys with what they are bound to and when they were last used")
	List<IntegrationKey> list() {
		return keys.list();
	}

	@PostMapping
	@PreAuthorize("hasRole('MANAGER')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an integration key bound to a service or a team",
			description = "The secret is in this response only; store it now. The key is accepted only on the alert "
					+ "intake endpoints. Alerts sent with it get service=<slug> (or team=<slug>) when they lack "
					+ "that label.")
	CreatedKey create(@AuthenticationPrincipal SignedIn signedIn, @RequestBody CreateKey request) {
		var created = keys.create(signedIn, request.name(), request.service(), request.team());
		return new CreatedKey(created.key(), created.secret());
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke an integration key",
			description = "Refused (401) at once on this node and within one second on every other node.")
	void revoke(@AuthenticationPrincipal SignedIn signedIn, @PathVariable UUID id) {
		keys.revoke(signedIn, id);
	}

}
