package dev.watchkeeper.identity.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import dev.watchkeeper.identity.ApiTokens;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.SignedIn;
import dev.watchkeeper.platform.DomainException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's API tokens: create (secret shown once), list, revoke. */
@Controller
@PreAuthorize("hasRole('VIEWER')")
class TokenPages {

	private final ApiTokens tokens;

	TokenPages(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/tokens")
	String list(@AuthenticationPrincipal SignedIn me, Model model) {
		return page(me, model);
	}

	@PostMapping("/tokens")
	String create(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String expires, Model model,
			HttpServletResponse response) {
		try {
			Role scope = role.isBlank() ? null : Role.parse(role)
				.orElseThrow(() -> DomainException.invalid("role", "choose a role from the list"));
			var expiresAt = expires.isBlank() ? null
					: LocalDate.parse(expires).atStartOfDay(ZoneOffset.UTC).toInstant();
			var created = tokens.create(me, name, scope, expiresAt);
			model.addAttribute("created", created);
			model.addAttribute("flash", "Created token " + created.token().name() + ".");
		}
		catch (DomainException ex) {
			response.setStatus(422);
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("name", name);
		}
		catch (java.time.DateTimeException ex) {
			response.setStatus(422);
			model.addAttribute("error", "expires: use a date such as 2027-01-31");
			model.addAttribute("name", name);
		}
		return page(me, model);
	}

	@PostMapping("/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, RedirectAttributes redirect) {
		tokens.revoke(me, id);
		redirect.addFlashAttribute("flash", "Revoked the token. It stopped working at once.");
		return "redirect:/tokens";
	}

	private String page(SignedIn me, Model model) {
		model.addAttribute("tokens", tokens.list(me, false));
		model.addAttribute("roles",
				Arrays.stream(Role.values()).filter(r -> me.effectiveRole().atLeast(r)).map(Role::value).toList());
		model.addAttribute("myRole", me.effectiveRole().value());
		return "identity/tokens";
	}

}
