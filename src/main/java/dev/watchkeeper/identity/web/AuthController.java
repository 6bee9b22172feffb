package dev.watchkeeper.identity.web;

import java.time.Instant;

import dev.watchkeeper.identity.Authenticator;
import dev.watchkeeper.identity.IdentityApi;
import dev.watchkeeper.identity.SignedIn;
import dev.watchkeeper.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in for scripts, and who the caller is. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Authentication")
class AuthController {

	private final Authenticator authenticator;

	private final IdentityApi identity;

	AuthController(Authenticator authenticator, IdentityApi identity) {
		this.authenticator = authenticator;
		this.identity = identity;
	}

	@Schema(example = """
			{"email":"ada@example.com","password":"correct horse battery","code":"123456"}""")
	record LoginRequest(String email, String password,
			@Schema(description = "TOTP or recovery code, when enrolled") String code) {
	}

	@Schema(example = """
			{"token":"wk_…","expiresAt":"2026-01-15T22:30:00Z","role":"responder","user":{"id":"…","email":"ada@example.com","name":"Ada"}}""")
	record LoginResponse(String token, Instant expiresAt, String role, IdentityApi.UserView user) {
	}

	@PostMapping("/auth/login")
	@SecurityRequirements
	@Operation(summary = "Sign in with email, password and (when enrolled) a TOTP code",
			description = "Returns a bearer token valid for 12 hours. Wrong credentials: 401; a locked account: 423 "
					+ "with Retry-After; a throttled address: 429 with Retry-After.")
	LoginResponse login(@RequestBody LoginRequest request, HttpServletRequest http) {
		var outcome = authenticator.authenticate(request.email(), request.password(), request.code(),
				http.getRemoteAddr());
		if (outcome instanceof Authenticator.Outcome.MfaRequired) {
			throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "mfa-required",
					"This account uses multi-factor authentication: send the current TOTP code as 'code'");
		}
		var success = (Authenticator.Outcome.Success) outcome;
		var session = identity.startApiSession(success.user(), success.mfaVerified());
		return new LoginResponse(session.secret(), session.token().expiresAt(), session.token().role().value(),
				IdentityApi.UserView.of(success.user()));
	}

	@GetMapping("/me")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "The signed-in user and the role this request acts with")
	IdentityApi.Me me(@AuthenticationPrincipal SignedIn signedIn) {
		return identity.me(signedIn);
	}

}
