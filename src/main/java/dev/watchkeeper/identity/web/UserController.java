package dev.watchkeeper.identity.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.identity.IdentityApi;
import dev.watchkeeper.identity.MultiFactor;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.SignedIn;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Users over the API: everyone may look people up; admins manage them. */
@RestController
@Tag(name = "Users")
class UserController {

	private final Users users;

	private final MultiFactor multiFactor;

	UserController(Users users, MultiFactor multiFactor) {
		this.users = users;
		this.multiFactor = multiFactor;
	}

	@Schema(example = """
			{"email":"ada@example.com","name":"Ada Lovelace","timeZone":"Europe/London","role":"responder",
			 "password":"correct horse battery","disabled":false,
			 "contactMethods":[{"kind":"email","address":"ada@example.com","label":"work"},{"kind":"sms","address":"+441234567890","label":"mobile"}]}""")
	record UserRequest(String email, String name, String timeZone, String role,
			@Schema(description = "at least 12 characters; on create only") String password, Boolean disabled,
			List<User.ContactMethod> contactMethods) {

		Role parsedRole() {
			return role == null ? null : Role.parse(role)
				.orElseThrow(() -> DomainException.invalid("role", "must be viewer, responder, manager or admin"));
		}

	}

	@Schema(example = """
			{"current":"my old password","password":"my new long password"}""")
	record PasswordChange(String current, String password) {
	}

	@GetMapping("/api/v1/users")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "List users")
	PageQuery.Page<IdentityApi.UserView> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		var result = users.list(PageQuery.of(page, size));
		return new PageQuery.Page<>(result.items().stream().map(IdentityApi.UserView::of).toList(), result.page(),
				result.size(), result.total());
	}

	@PostMapping("/api/v1/users")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Create a user")
	ResponseEntity<IdentityApi.UserView> create(@RequestBody UserRequest request) {
		User user = users.create(new Users.NewUser(request.email(), request.name(), request.timeZone(),
				request.parsedRole(), request.password(), request.contactMethods()));
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(IdentityApi.UserView.of(user));
	}

	@GetMapping("/api/v1/users/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "One user")
	IdentityApi.UserView get(@PathVariable UUID id) {
		return IdentityApi.UserView.of(users.get(new UserId(id)));
	}

	@PutMapping("/api/v1/users/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Change a user", description = "Email, name, time zone, role, disabled, contact methods. "
			+ "The last active admin cannot be demoted or disabled (409).")
	IdentityApi.UserView update(@PathVariable UUID id, @RequestBody UserRequest request) {
		return IdentityApi.UserView.of(users.update(new UserId(id), new Users.UserDraft(request.email(), request.name(),
				request.timeZone(), request.parsedRole(), request.disabled(), request.contactMethods())));
	}

	@DeleteMapping("/api/v1/users/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Delete a user")
	ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal SignedIn me) {
		users.delete(new UserId(id), me.userId());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/users/{id}/unlock")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "End a lockout after failed logins")
	ResponseEntity<Void> unlock(@PathVariable UUID id) {
		users.unlock(new UserId(id));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/users/{id}/mfa/reset")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Turn off a user's MFA (lost device); they enrol again")
	ResponseEntity<Void> resetMfa(@PathVariable UUID id) {
		multiFactor.disable(new UserId(id));
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/v1/me/password")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Change your own password")
	ResponseEntity<Void> changeOwnPassword(@AuthenticationPrincipal SignedIn me, @RequestBody PasswordChange change) {
		users.changePassword(me.userId(), change.current(), change.password(), true);
		return ResponseEntity.noContent().build();
	}

}
