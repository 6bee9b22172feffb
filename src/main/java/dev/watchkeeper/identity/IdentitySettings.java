package dev.watchkeeper.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and bootstrap settings, bound from {@code watchkeeper.identity.*}.
 *
 * @param adminEmail first admin's email on an empty database (WATCHKEEPER_ADMIN_EMAIL)
 * @param adminPassword first admin's password (WATCHKEEPER_ADMIN_PASSWORD)
 * @param adminToken an admin API token with this value for automation
 * (WATCHKEEPER_ADMIN_TOKEN)
 * @param lockoutThreshold failed logins allowed within the window; one more locks the
 * account (handbook 003: more than 5 in 15 minutes)
 * @param lockoutWindow the window failures are counted in
 * @param lockoutDuration how long a lockout lasts
 * @param loginFailuresPerAddress failed logins one client address may make within the
 * window before it is throttled
 */
@ConfigurationProperties("watchkeeper.identity")
public record IdentitySettings(String adminEmail, String adminPassword, String adminToken,
		@DefaultValue("5") int lockoutThreshold, @DefaultValue("15m") Duration lockoutWindow,
		@DefaultValue("15m") Duration lockoutDuration, @DefaultValue("30") int loginFailuresPerAddress) {
}
