package dev.watchkeeper.identity.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.identity.ApiToken;
import dev.watchkeeper.identity.ApiTokens;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.SignedIn;
import dev.watchkeeper.platform.DomainException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API tokens: create (secret shown once), list, revoke. */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens")
@PreAuthorize("hasRole('VIEWER')")
class TokenController {

	private final ApiTokens tokens;

	TokenController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Schema(example = """
			{"name":"prometheus","role":"responder","expiresAt":"2027-01-01T00:00:00Z"}""")
	record CreateToken(String name,
			@Schema(description = "viewer, responder, manager or admin; at most your own") String role,
			Instant expiresAt) {
	}

	@Schema(example = """
			{"token":{"id":"…","name":"prometheus","prefix":"wk_Ab12Cd3","role":"responder"},"secret":"wk_…"}""")
	record CreatedToken(ApiToken token, @Schema(description = "Shown only now") String secret) {
	}

	@GetMapping
	@Operation(summary = "Your API tokens; all tokens for an admin with all=true")
	List<ApiToken> list(@AuthenticationPrincipal SignedIn signedIn, @RequestParam(defaultValue = "false") boolean all) {
		return tokens.list(signedIn, all);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an API token", description = "The secret is in this response only; store it now.")
	CreatedToken create(@AuthenticationPrincipal SignedIn signedIn, @RequestBody CreateToken request) {
		Role role = null;
		if (request.role() != null) {
			role = Role.parse(request.role())
				.orElseThrow(() -> DomainException.invalid("role", "must be viewer, responder, manager or admin"));
		}
		var created = tokens.create(signedIn, request.name(), role, request.expiresAt());
		return new CreatedToken(created.token(), created.secret());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke an API token; it stops working at once")
	void revoke(@AuthenticationPrincipal SignedIn signedIn, @PathVariable UUID id) {
		tokens.revoke(signedIn, id);
	}

}
