package dev.watchkeeper.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure a fresh installation can be administered. On an empty database,
 * {@code WATCHKEEPER_ADMIN_EMAIL} and {@code WATCHKEEPER_ADMIN_PASSWORD} create the first
 * admin and {@code WATCHKEEPER_ADMIN_TOKEN} an admin API token with that value; without
 * them a one-time setup token is printed to the log and guards the first-admin page.
 */
@Component
public class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final Users users;

	private final ApiTokens tokens;

	private final IdentitySettings settings;

	private final Environment environment;

	private final AtomicReference<String> setupToken = new AtomicReference<>();

	FirstAdmin(Users users, ApiTokens tokens, IdentitySettings settings, Environment environment) {
		this.users = users;
		this.tokens = tokens;
		this.settings = settings;
		this.environment = environment;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!users.none()) {
			return;
		}
		if (present(settings.adminEmail()) && present(settings.adminPassword())) {
			User admin = users.create(new Users.NewUser(settings.adminEmail(), "Administrator", "UTC", Role.ADMIN,
					settings.adminPassword(), List.of()));
			log.info("Created the first admin {} from WATCHKEEPER_ADMIN_EMAIL", admin.email());
			if (present(settings.adminToken())) {
				if (settings.adminToken().length() < 32) {
					throw new IllegalStateException("WATCHKEEPER_ADMIN_TOKEN must be at least 32 characters");
				}
				tokens.createWithSecret(admin.id(), "bootstrap (WATCHKEEPER_ADMIN_TOKEN)", Role.ADMIN,
						settings.adminToken());
				log.info("Created the admin API token of WATCHKEEPER_ADMIN_TOKEN");
			}
			return;
		}
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		setupToken.set(token);
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8000"));
		log.warn("No users yet. Create the first admin at http://localhost:{}/setup?token={} "
				+ "(or start with WATCHKEEPER_ADMIN_EMAIL and WATCHKEEPER_ADMIN_PASSWORD)", port, token);
	}

	/** Whether the first-admin page is open: no users yet and a setup token issued. */
	public boolean setupOpen() {
		return setupToken.get() != null && users.none();
	}

	/**
	 * Creates the first admin if {@code token} is the setup token printed at start-up.
	 */
	@Transactional
	public User completeSetup(String token, String email, String name, String password) {
		String expected = setupToken.get();
		if (expected == null || !users.none()) {
			throw DomainException.conflict("setup-closed", "Watchkeeper is already set up");
		}
		if (token == null || !java.security.MessageDigest.isEqual(expected.getBytes(), token.getBytes())) {
			throw DomainException.forbidden("The setup token is wrong; it is printed in the log at start-up");
		}
		User admin = users.create(new Users.NewUser(email, name, "UTC", Role.ADMIN, password, List.of()));
		setupToken.set(null);
		log.info("First admin {} created through the setup page by {}", admin.email(), Actor.current().name());
		return admin;
	}

	/** The setup token while setup is open; the log is where operators find it. */
	java.util.Optional<String> setupToken() {
		return java.util.Optional.ofNullable(setupToken.get()).filter(token -> users.none());
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
