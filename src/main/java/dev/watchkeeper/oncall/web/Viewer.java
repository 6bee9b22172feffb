package dev.watchkeeper.oncall.web;

import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.SignedIn;

/**
 * What the signed-in user may do on on-call pages.
 *
 * @param respond create and delete overrides, manage own notification rules
 * @param manage edit schedules and policies
 * @param admin manage anyone's notification rules
 */
record Viewer(boolean respond, boolean manage, boolean admin) {

	static Viewer of(SignedIn signedIn) {
		Role role = signedIn.effectiveRole();
		return new Viewer(role.atLeast(Role.RESPONDER), role.atLeast(Role.MANAGER), role == Role.ADMIN);
	}

}
