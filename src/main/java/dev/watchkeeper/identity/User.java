package dev.watchkeeper.identity;

import java.time.Instant;
import java.util.List;

/**
 * A person who uses Watchkeeper or is paged by it.
 *
 * @param id the user's id
 * @param email sign-in name and default email contact
 * @param name display name
 * @param timeZone IANA time zone, used for schedules and notifications
 * @param role place on the role ladder
 * @param mfaEnabled whether TOTP is enrolled and verified
 * @param disabled whether sign-in and tokens are refused
 * @param lockedUntil when a lockout after failed logins ends, if one is in force
 * @param contactMethods how to reach the user, in order of preference
 * @param createdAt when the user was created
 */
public record User(UserId id, String email, String name, String timeZone, Role role, boolean mfaEnabled,
		boolean disabled, Instant lockedUntil, List<ContactMethod> contactMethods, Instant createdAt) {

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/**
	 * One way to reach a user.
	 *
	 * @param kind email, sms, voice, slack or webhook
	 * @param address the address, number, Slack member id or URL
	 * @param label what the user calls it, e.g. "work phone"
	 */
	public record ContactMethod(String kind, String address, String label) {
	}

}
