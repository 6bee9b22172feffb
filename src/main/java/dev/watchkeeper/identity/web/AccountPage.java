package dev.watchkeeper.identity.web;

import dev.watchkeeper.identity.MultiFactor;
import dev.watchkeeper.identity.SignedIn;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.platform.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in user's own account: profile summary and MFA enrolment. */
@Controller
class AccountPage {

	private final Users users;

	private final MultiFactor multiFactor;

	private final SessionSignIn sessions;

	AccountPage(Users users, MultiFactor multiFactor, SessionSignIn sessions) {
		this.users = users;
		this.multiFactor = multiFactor;
		this.sessions = sessions;
	}

	/** Where to go after MFA: the admin page that asked for it, else the overview. */
	private static String afterMfa(HttpServletRequest request) {
		var session = request.getSession(false);
		Object target = session == null ? null : session.getAttribute(MfaAwareAccessDeniedHandler.AFTER_MFA);
		if (session != null) {
			session.removeAttribute(MfaAwareAccessDeniedHandler.AFTER_MFA);
		}
		return target instanceof String path && path.startsWith("/") && !path.startsWith("//") ? path : "/";
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal SignedIn signedIn, Model model) {
		model.addAttribute("user", users.get(signedIn.userId()));
		model.addAttribute("signedIn", signedIn);
		return "identity/account";
	}

	@GetMapping("/account/mfa")
	String mfa(@AuthenticationPrincipal SignedIn signedIn, @RequestParam(required = false) String required,
			Model model) {
		var user = users.get(signedIn.userId());
		model.addAttribute("user", user);
		model.addAttribute("required", required != null);
		if (!user.mfaEnabled()) {
			model.addAttribute("enrolment", multiFactor.start(user.id()));
		}
		return "identity/account-mfa";
	}

	@PostMapping("/account/mfa")
	String confirm(@AuthenticationPrincipal SignedIn signedIn, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		var user = users.get(signedIn.userId());
		try {
			var recoveryCodes = multiFactor.confirm(user.id(), code);
			sessions.signIn(users.get(user.id()), true, request, response);
			model.addAttribute("user", users.get(user.id()));
			model.addAttribute("recoveryCodes", recoveryCodes);
			model.addAttribute("continueTo", afterMfa(request));
			model.addAttribute("flash", "Multi-factor authentication is on.");
			return "identity/account-mfa";
		}
		catch (DomainException ex) {
			response.setStatus(422);
			model.addAttribute("user", user);
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("enrolment", multiFactor.start(user.id()));
			return "identity/account-mfa";
		}
	}

	@PostMapping("/account/mfa/verify")
	String verify(@AuthenticationPrincipal SignedIn signedIn, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		var user = users.get(signedIn.userId());
		if (multiFactor.verify(user.id(), code)) {
			String next = afterMfa(request);
			sessions.signIn(user, true, request, response);
			return "redirect:" + next;
		}
		response.setStatus(422);
		model.addAttribute("user", user);
		model.addAttribute("error", "That code is not valid");
		return "identity/account-mfa";
	}

}
