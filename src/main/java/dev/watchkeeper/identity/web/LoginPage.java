package dev.watchkeeper.identity.web;

import dev.watchkeeper.identity.Authenticator;
import dev.watchkeeper.identity.FirstAdmin;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.platform.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in in two steps: password, then a TOTP code when the user is enrolled. */
@Controller
class LoginPage {

	private final Authenticator authenticator;

	private final SessionSignIn sessions;

	private final FirstAdmin firstAdmin;

	LoginPage(Authenticator authenticator, SessionSignIn sessions, FirstAdmin firstAdmin) {
		this.authenticator = authenticator;
		this.sessions = sessions;
		this.firstAdmin = firstAdmin;
	}

	@GetMapping("/login")
	String form(Model model) {
		if (firstAdmin.setupOpen()) {
			model.addAttribute("setupOpen", true);
		}
		return "identity/login";
	}

	@PostMapping("/login")
	String login(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			var outcome = authenticator.authenticate(email, password, null, request.getRemoteAddr());
			if (outcome instanceof Authenticator.Outcome.MfaRequired required) {
				request.getSession(true).setAttribute(SessionSignIn.PENDING_MFA_USER, required.user().id().toString());
				return "redirect:/login/mfa";
			}
			var success = (Authenticator.Outcome.Success) outcome;
			sessions.signIn(success.user(), success.mfaVerified(), request, response);
			return "redirect:/";
		}
		catch (DomainException ex) {
			response.setStatus(status(ex));
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("email", email);
			return "identity/login";
		}
	}

	@GetMapping("/login/mfa")
	String mfaForm(HttpSession session) {
		return session.getAttribute(SessionSignIn.PENDING_MFA_USER) == null ? "redirect:/login" : "identity/login-mfa";
	}

	@PostMapping("/login/mfa")
	String mfa(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		HttpSession session = request.getSession(false);
		Object pending = session == null ? null : session.getAttribute(SessionSignIn.PENDING_MFA_USER);
		if (pending == null) {
			return "redirect:/login";
		}
		try {
			var success = authenticator.verifySecondFactor(UserId.parse(pending.toString()), code,
					request.getRemoteAddr());
			sessions.signIn(success.user(), true, request, response);
			return "redirect:/";
		}
		catch (DomainException ex) {
			response.setStatus(status(ex));
			model.addAttribute("error", ex.getMessage());
			return "identity/login-mfa";
		}
	}

	static int status(DomainException ex) {
		return switch (ex.kind()) {
			case LOCKED -> 423;
			case RATE_LIMITED -> 429;
			case INVALID -> 422;
			case CONFLICT -> 409;
			case FORBIDDEN -> 403;
			case NOT_FOUND -> 404;
			case UNAUTHENTICATED -> 401;
		};
	}

}
