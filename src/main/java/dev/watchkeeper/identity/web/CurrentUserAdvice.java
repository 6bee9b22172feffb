package dev.watchkeeper.identity.web;

import dev.watchkeeper.identity.SignedIn;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page learns who is signed in, for the navigation and role-dependent actions. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

	/**
	 * The signed-in user as templates see it.
	 *
	 * @param name display name
	 * @param email email
	 * @param role acting role
	 * @param manager whether manager actions are open
	 * @param admin whether admin actions are open
	 * @param awaitingMfa whether an admin still has to pass MFA
	 */
	record CurrentUser(String name, String email, String role, boolean manager, boolean admin, boolean awaitingMfa) {
	}

	@ModelAttribute("currentUser")
	CurrentUser currentUser() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedIn user) {
			return new CurrentUser(user.name(), user.email(), user.effectiveRole().value(),
					user.effectiveRole().atLeast(dev.watchkeeper.identity.Role.MANAGER),
					user.effectiveRole() == dev.watchkeeper.identity.Role.ADMIN, user.adminAwaitingMfa());
		}
		return null;
	}

}
