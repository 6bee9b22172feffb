package dev.watchkeeper.incident.web;

import java.util.Locale;

import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.SignedIn;
import dev.watchkeeper.platform.DomainException;

import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who may do what to incidents, with a refusal that says which role is needed: viewers
 * read; responders acknowledge, change status, resolve, write notes, take roles and write
 * post-mortems; managers change severity, publish post-mortems and close.
 */
final class Access {

	private Access() {
	}

	/**
	 * @param action what is attempted, as a gerund phrase: "changing the severity"
	 */
	static void require(Role role, String action) {
		Role acting = acting();
		if (!acting.atLeast(role)) {
			throw DomainException.forbidden(action.substring(0, 1).toUpperCase(Locale.ROOT) + action.substring(1)
					+ " needs the " + role.value() + " role; you act as " + acting.value());
		}
	}

	static boolean allows(Role role) {
		return acting().atLeast(role);
	}

	private static Role acting() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof SignedIn user ? user.effectiveRole()
				: Role.VIEWER;
	}

}
