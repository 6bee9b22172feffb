package dev.watchkeeper.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import dev.watchkeeper.platform.AuditableEvent;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.SecretKeyring;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP (RFC 6238) multi-factor authentication: enrolment with an otpauth URI and QR code,
 * verification, and one-time recovery codes. Secrets are encrypted at rest with the
 * {@link SecretKeyring}. Handbook 003: admin access requires MFA.
 */
@Service
public class MultiFactor {

	static final int RECOVERY_CODES = 10;

	static final long PERIOD_SECONDS = 30;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final SecretKeyring keyring;

	private final Users users;

	private final ApplicationEventPublisher events;

	private final DefaultCodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

	private final Clock clock;

	MultiFactor(JdbcClient jdbc, SecretKeyring keyring, Users users, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.keyring = keyring;
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A started enrolment: the secret to type in, the otpauth URI and a QR code of it.
	 *
	 * @param secret base32 secret
	 * @param otpauthUri {@code otpauth://totp/…}
	 * @param qrCodeDataUri a PNG QR code as a data URI
	 */
	public record Enrolment(String secret, String otpauthUri, String qrCodeDataUri) {
	}

	/** Starts (or restarts) enrolment; MFA is on only after {@link #confirm}. */
	@Transactional
	public Enrolment start(UserId userId) {
		User user = users.get(userId);
		if (user.mfaEnabled()) {
			throw DomainException.conflict("mfa-already-enabled", "Multi-factor authentication is already enabled");
		}
		String secret = new DefaultSecretGenerator(32).generate();
		jdbc.sql("UPDATE identity_users SET totp_secret = :secret, totp_last_step = NULL WHERE id = :id")
			.param("secret", keyring.encrypt(secret))
			.param("id", userId.value())
			.update();
		QrData data = new QrData.Builder().label(user.email())
			.secret(secret)
			.issuer("Watchkeeper")
			.algorithm(HashingAlgorithm.SHA1)
			.digits(6)
			.period(30)
			.build();
		try {
			var generator = new ZxingPngQrGenerator();
			return new Enrolment(secret, data.getUri(),
					Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType()));
		}
		catch (QrGenerationException ex) {
			throw new IllegalStateException("QR code generation failed", ex);
		}
	}

	/**
	 * Confirms enrolment with a current code and returns fresh recovery codes, shown
	 * once.
	 */
	@Transactional
	public List<String> confirm(UserId userId, String code) {
		User user = users.get(userId);
		String secret = secret(userId);
		if (user.mfaEnabled() || secret == null) {
			throw DomainException.conflict("mfa-not-enrolling", "Start enrolment first");
		}
		if (code == null || !acceptOnce(userId, secret, code.trim())) {
			throw DomainException.invalid("code", "is not the current code of your authenticator app");
		}
		jdbc.sql("UPDATE identity_users SET mfa_enabled = TRUE WHERE id = :id").param("id", userId.value()).update();
		List<String> codes = newRecoveryCodes(userId);
		events.publishEvent(new MfaChanged(user, true));
		return codes;
	}

	/**
	 * Whether {@code code} is the user's current TOTP code or an unused recovery code.
	 */
	@Transactional
	public boolean verify(UserId userId, String code) {
		if (code == null || code.isBlank()) {
			return false;
		}
		String secret = secret(userId);
		if (secret == null) {
			return false;
		}
		String trimmed = code.trim().replace(" ", "");
		if (trimmed.matches("\\d{6}")) {
			return acceptOnce(userId, secret, trimmed);
		}
		return useRecoveryCode(userId, trimmed);
	}

	/** Turns MFA off, e.g. when an admin resets a user who lost their device. */
	@Transactional
	public void disable(UserId userId) {
		User user = users.get(userId);
		jdbc.sql("UPDATE identity_users SET mfa_enabled = FALSE, totp_secret = NULL WHERE id = :id")
			.param("id", userId.value())
			.update();
		jdbc.sql("DELETE FROM identity_recovery_codes WHERE user_id = :id").param("id", userId.value()).update();
		events.publishEvent(new MfaChanged(user, false));
	}

	/**
	 * Accepts a code of the current 30-second step or one step either side (clock drift),
	 * and only if that step is later than the last one accepted, so a code cannot be
	 * replayed.
	 */
	private boolean acceptOnce(UserId userId, String secret, String code) {
		long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
		for (long step = now - 1; step <= now + 1; step++) {
			if (matches(secret, step, code)) {
				return jdbc.sql("""
						UPDATE identity_users SET totp_last_step = :step
						WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)""")
					.param("step", step)
					.param("id", userId.value())
					.update() == 1;
			}
		}
		return false;
	}

	private boolean matches(String secret, long step, String code) {
		try {
			return MessageDigest.isEqual(codes.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII));
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException("TOTP code generation failed", ex);
		}
	}

	private String secret(UserId userId) {
		return jdbc.sql("SELECT totp_secret FROM identity_users WHERE id = :id")
			.param("id", userId.value())
			.query(String.class)
			.optional()
			.map(keyring::decrypt)
			.orElse(null);
	}

	private List<String> newRecoveryCodes(UserId userId) {
		jdbc.sql("DELETE FROM identity_recovery_codes WHERE user_id = :id").param("id", userId.value()).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String code = recoveryCode();
			codes.add(code);
			jdbc.sql("INSERT INTO identity_recovery_codes (user_id, code_hash) VALUES (:id, :hash)")
				.param("id", userId.value())
				.param("hash", ApiTokens.hash(code))
				.update();
		}
		return codes;
	}

	private boolean useRecoveryCode(UserId userId, String code) {
		return jdbc.sql("""
				UPDATE identity_recovery_codes SET used_at = now()
				WHERE user_id = :id AND code_hash = :hash AND used_at IS NULL""")
			.param("id", userId.value())
			.param("hash", ApiTokens.hash(code.toLowerCase()))
			.update() == 1;
	}

	private static String recoveryCode() {
		String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			code.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
			if (i == 4) {
				code.append('-');
			}
		}
		return code.toString();
	}

	public record MfaChanged(User user, boolean enabled) implements AuditableEvent {

		public String action() {
			return enabled ? "mfa.enabled" : "mfa.disabled";
		}

		public String targetType() {
			return "user";
		}

		public String targetId() {
			return user.id().toString();
		}

		public String summary() {
			return (enabled ? "Enabled" : "Disabled") + " multi-factor authentication for " + user.email();
		}

		public Map<String, Object> after() {
			return Map.of("mfa_enabled", enabled);
		}

	}

}
