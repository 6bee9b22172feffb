package dev.watchkeeper.identity.web;

import dev.watchkeeper.identity.FirstAdmin;
import dev.watchkeeper.platform.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The first-admin page of a fresh installation, guarded by the setup token from the log.
 */
@Controller
class SetupPage {

	private final FirstAdmin firstAdmin;

	private final SessionSignIn sessions;

	SetupPage(FirstAdmin firstAdmin, SessionSignIn sessions) {
		this.firstAdmin = firstAdmin;
		this.sessions = sessions;
	}

	@GetMapping("/setup")
	String form(@RequestParam(defaultValue = "") String token, Model model) {
		if (!firstAdmin.setupOpen()) {
			return "redirect:/login";
		}
		model.addAttribute("token", token);
		return "identity/setup";
	}

	@PostMapping("/setup")
	String create(@RequestParam String token, @RequestParam String email, @RequestParam String name,
			@RequestParam String password, HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			var admin = firstAdmin.completeSetup(token, email, name, password);
			sessions.signIn(admin, false, request, response);
			return "redirect:/account/mfa?required";
		}
		catch (DomainException ex) {
			response.setStatus(LoginPage.status(ex));
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("token", token);
			model.addAttribute("email", email);
			model.addAttribute("name", name);
			return "identity/setup";
		}
	}

}
