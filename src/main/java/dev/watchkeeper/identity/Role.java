package dev.watchkeeper.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The role ladder: each role may do everything the roles below it may.
 * <ul>
 * <li>viewer: read everything that is not secret</li>
 * <li>responder: act on alerts and incidents, create own API tokens</li>
 * <li>manager: change teams, services, schedules and policies</li>
 * <li>admin: users, roles, audit, system settings (after MFA)</li>
 * </ul>
 */
public enum Role {

	VIEWER, RESPONDER, MANAGER, ADMIN;

	/** Spring Security's role hierarchy expression for this ladder. */
	public static final String HIERARCHY = "ROLE_ADMIN > ROLE_MANAGER\nROLE_MANAGER > ROLE_RESPONDER\n"
			+ "ROLE_RESPONDER > ROLE_VIEWER";

	public boolean atLeast(Role other) {
		return compareTo(other) >= 0;
	}

	public String authority() {
		return "ROLE_" + name();
	}

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Role> parse(String value) {
		return Arrays.stream(values()).filter(role -> role.name().equalsIgnoreCase(value)).findFirst();
	}

}
