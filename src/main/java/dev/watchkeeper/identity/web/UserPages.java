package dev.watchkeeper.identity.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.identity.MultiFactor;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.SignedIn;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Users in the UI: everyone sees the list; admins (after MFA) manage accounts. */
@Controller
class UserPages {

	private final Users users;

	private final MultiFactor multiFactor;

	private final java.time.Clock clock;

	UserPages(Users users, MultiFactor multiFactor, java.time.Clock clock) {
		this.users = users;
		this.multiFactor = multiFactor;
		this.clock = clock;
	}

	/**
	 * The user form as posted.
	 *
	 * @param email email
	 * @param name name
	 * @param timeZone IANA zone
	 * @param role role
	 * @param password password (new users, or a reset)
	 * @param disabled "on" when disabled
	 * @param phone an SMS/voice number, optional
	 * @param slack a Slack member id, optional
	 */
	record UserForm(String email, String name, String timeZone, String role, String password, String disabled,
			String phone, String slack) {

		static UserForm of(User user) {
			String phone = contact(user, "sms");
			String slack = contact(user, "slack");
			return new UserForm(user.email(), user.name(), user.timeZone(), user.role().value(), "",
					user.disabled() ? "on" : null, phone, slack);
		}

		private static String contact(User user, String kind) {
			return user.contactMethods()
				.stream()
				.filter(c -> c.kind().equals(kind))
				.map(User.ContactMethod::address)
				.findFirst()
				.orElse("");
		}

		List<User.ContactMethod> contactMethods() {
			List<User.ContactMethod> methods = new ArrayList<>();
			if (email != null && !email.isBlank()) {
				methods.add(new User.ContactMethod("email", email.trim(), "email"));
			}
			if (phone != null && !phone.isBlank()) {
				methods.add(new User.ContactMethod("sms", phone.trim(), "phone"));
				methods.add(new User.ContactMethod("voice", phone.trim(), "phone"));
			}
			if (slack != null && !slack.isBlank()) {
				methods.add(new User.ContactMethod("slack", slack.trim(), "slack"));
			}
			return methods;
		}

		/**
		 * The form's methods in place of the ones it edits; methods it does not show
		 * (webhooks, a second phone …) and the labels of unchanged ones are kept.
		 */
		List<User.ContactMethod> contactMethodsKeeping(List<User.ContactMethod> existing) {
			List<User.ContactMethod> merged = new ArrayList<>();
			for (User.ContactMethod fromForm : contactMethods()) {
				merged.add(existing.stream()
					.filter(old -> old.kind().equals(fromForm.kind()) && old.address().equals(fromForm.address()))
					.findFirst()
					.orElse(fromForm));
			}
			existing.stream().filter(old -> !FORM_KINDS.contains(old.kind())).forEach(merged::add);
			return merged;
		}

		private static final List<String> FORM_KINDS = List.of("email", "sms", "voice", "slack");

		Role parsedRole() {
			return Role.parse(role).orElse(null);
		}

	}

	@GetMapping("/users")
	@PreAuthorize("hasRole('VIEWER')")
	String list(@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("page", users.list(PageQuery.of(Math.max(1, page), 100)));
		model.addAttribute("now", clock.instant());
		return "identity/users";
	}

	@GetMapping("/users/new")
	@PreAuthorize("hasRole('ADMIN')")
	String createForm(Model model) {
		return form(model, null, new UserForm("", "", "UTC", "responder", "", null, "", ""), Map.of());
	}

	@PostMapping("/users")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@ModelAttribute UserForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			User user = users.create(new Users.NewUser(form.email(), form.name(), form.timeZone(), form.parsedRole(),
					form.password(), form.contactMethods()));
			redirect.addFlashAttribute("flash", "Created user " + user.email() + ".");
			return "redirect:/users";
		}
		catch (DomainException ex) {
			return rejected(ex, null, form, model, response);
		}
	}

	@GetMapping("/users/{id}/edit")
	@PreAuthorize("hasRole('ADMIN')")
	String editForm(@PathVariable UUID id, Model model) {
		User user = users.get(new UserId(id));
		model.addAttribute("user", user);
		return form(model, id, UserForm.of(user), Map.of());
	}

	@PostMapping("/users/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String update(@PathVariable UUID id, @ModelAttribute UserForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			List<User.ContactMethod> existing = users.get(new UserId(id)).contactMethods();
			users.update(new UserId(id), new Users.UserDraft(form.email(), form.name(), form.timeZone(),
					form.parsedRole(), "on".equals(form.disabled()), form.contactMethodsKeeping(existing)));
			if (form.password() != null && !form.password().isBlank()) {
				users.changePassword(new UserId(id), null, form.password(), false);
			}
			redirect.addFlashAttribute("flash", "Saved user " + form.email() + ".");
			return "redirect:/users";
		}
		catch (DomainException ex) {
			model.addAttribute("user", users.get(new UserId(id)));
			return rejected(ex, id, form, model, response);
		}
	}

	@PostMapping("/users/{id}/unlock")
	@PreAuthorize("hasRole('ADMIN')")
	String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
		users.unlock(new UserId(id));
		redirect.addFlashAttribute("flash", "Unlocked the account.");
		return "redirect:/users";
	}

	@PostMapping("/users/{id}/mfa/reset")
	@PreAuthorize("hasRole('ADMIN')")
	String resetMfa(@PathVariable UUID id, RedirectAttributes redirect) {
		multiFactor.disable(new UserId(id));
		redirect.addFlashAttribute("flash", "Turned off multi-factor authentication; the user enrols again.");
		return "redirect:/users";
	}

	@PostMapping("/users/{id}/delete")
	@PreAuthorize("hasRole('ADMIN')")
	String delete(@PathVariable UUID id, @AuthenticationPrincipal SignedIn me, RedirectAttributes redirect) {
		try {
			users.delete(new UserId(id), me.userId());
			redirect.addFlashAttribute("flash", "Deleted the user.");
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/users";
	}

	private String rejected(DomainException ex, UUID id, UserForm form, Model model, HttpServletResponse response) {
		if (ex.kind() == DomainException.Kind.NOT_FOUND) {
			throw ex;
		}
		response.setStatus(ex.kind() == DomainException.Kind.CONFLICT ? 409 : 422);
		Map<String, String> errors = new LinkedHashMap<>();
		ex.fieldErrors()
			.forEach(
					e -> errors.putIfAbsent(e.field().startsWith("contactMethods") ? "phone" : e.field(), e.message()));
		if (errors.isEmpty()) {
			errors.put("form", ex.getMessage());
		}
		return form(model, id, form, errors);
	}

	private String form(Model model, UUID id, UserForm form, Map<String, String> errors) {
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", java.util.Arrays.stream(Role.values()).map(Role::value).toList());
		return "identity/user-form";
	}

}
