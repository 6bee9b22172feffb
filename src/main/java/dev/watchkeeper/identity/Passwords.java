package dev.watchkeeper.identity;

import dev.watchkeeper.platform.DomainException;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/** Argon2id password hashes and the password rules (at least 12 characters). */
@Component
class Passwords {

	static final int MINIMUM_LENGTH = 12;

	static final int MAXIMUM_LENGTH = 256;

	private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

	/** A hash of a random password, compared against when an account does not exist. */
	private final String decoy = encoder.encode("decoy-password-for-timing");

	String hash(String password) {
		check(password);
		return encoder.encode(password);
	}

	boolean matches(String password, String hash) {
		if (password == null || password.length() > MAXIMUM_LENGTH) {
			return false;
		}
		if (hash == null) {
			encoder.matches(password, decoy);
			return false;
		}
		return encoder.matches(password, hash);
	}

	static void check(String password) {
		if (password == null || password.length() < MINIMUM_LENGTH) {
			throw DomainException.invalid("password", "must be at least " + MINIMUM_LENGTH + " characters");
		}
		if (password.length() > MAXIMUM_LENGTH) {
			throw DomainException.invalid("password", "must be at most " + MAXIMUM_LENGTH + " characters");
		}
	}

}
