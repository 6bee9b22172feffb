package dev.watchkeeper.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks an email, password and (when enrolled) TOTP code, with the handbook's login
 * protection: more than {@code lockoutThreshold} failures within the window lock the
 * account, publish a {@link SecuritySignal} and enter the audit log; a client address
 * with too many failures is throttled. Failures are committed even though the login is
 * refused.
 */
@Service
public class Authenticator {

	private static final Logger log = LoggerFactory.getLogger(Authenticator.class);

	private final Users users;

	private final UserStore store;

	private final Passwords passwords;

	private final MultiFactor multiFactor;

	private final LoginFailures failures;

	private final AddressThrottle throttle;

	private final IdentitySettings settings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Authenticator(Users users, UserStore store, Passwords passwords, MultiFactor multiFactor, LoginFailures failures,
			AddressThrottle throttle, IdentitySettings settings, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.users = users;
		this.store = store;
		this.passwords = passwords;
		this.multiFactor = multiFactor;
		this.failures = failures;
		this.throttle = throttle;
		this.settings = settings;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The outcome of a password check. */
	public sealed interface Outcome {

		/** Signed in; {@code mfaVerified} when a TOTP code was checked too. */
		record Success(User user, boolean mfaVerified) implements Outcome {
		}

		/** The password was right; the user must now give a TOTP code. */
		record MfaRequired(User user) implements Outcome {
		}

	}

	/**
	 * @param code the TOTP or recovery code, or null to ask for it in a second step
	 * @throws DomainException UNAUTHENTICATED for wrong credentials, LOCKED for a locked
	 * account, RATE_LIMITED for a throttled address
	 */
	public Outcome authenticate(String email, String password, String code, String ipAddress) {
		throttle.waitFor(ipAddress).ifPresent(wait -> {
			throw new DomainException(DomainException.Kind.RATE_LIMITED, "login-throttled",
					"Too many failed logins from this address; try again later", List.of(), wait);
		});
		User user = email == null ? null : users.findByEmail(email.trim()).orElse(null);
		if (user == null || user.disabled()) {
			passwords.matches(password, null);
			failAddress(ipAddress);
			throw wrongCredentials();
		}
		Instant now = clock.instant();
		if (user.lockedAt(now)) {
			throw locked(user.lockedUntil(), now);
		}
		if (!passwords.matches(password, store.passwordHash(user.id()).orElse(null))) {
			throw fail(user, ipAddress);
		}
		if (!user.mfaEnabled()) {
			return succeed(user, false, "password");
		}
		if (code == null || code.isBlank()) {
			return new Outcome.MfaRequired(user);
		}
		return verifySecondFactor(user.id(), code, ipAddress);
	}

	/** The second step of a login whose password was already accepted. */
	public Outcome.Success verifySecondFactor(UserId userId, String code, String ipAddress) {
		User user = users.get(userId);
		Instant now = clock.instant();
		if (user.lockedAt(now)) {
			throw locked(user.lockedUntil(), now);
		}
		if (!multiFactor.verify(userId, code)) {
			throw fail(user, ipAddress);
		}
		return succeed(user, true, "password+totp");
	}

	private Outcome.Success succeed(User user, boolean mfaVerified, String method) {
		transactions.executeWithoutResult(status -> {
			failures.clear(user.id());
			events.publishEvent(new UserEvents.SignedInEvent(user.id(), user.email(), method));
		});
		return new Outcome.Success(user, mfaVerified);
	}

	private DomainException fail(User user, String ipAddress) {
		boolean addressCrossedLimit = throttle.fail(ipAddress);
		Instant now = clock.instant();
		Instant lockedUntil = transactions.execute(status -> {
			int recent = failures.record(user.id(), ipAddress, now, now.minus(settings.lockoutWindow()));
			if (recent <= settings.lockoutThreshold()) {
				return null;
			}
			Instant until = now.plus(settings.lockoutDuration());
			store.setLockedUntil(user.id(), until);
			events.publishEvent(new UserEvents.AccountLocked(user.id(), user.email(), recent, until, ipAddress));
			events.publishEvent(new SecuritySignal("failed_logins", user.email(),
					recent + " failed logins for " + user.email() + " within " + settings.lockoutWindow().toMinutes()
							+ " minutes; account locked until " + until,
					Map.of("user", user.email(), "ip_address", String.valueOf(ipAddress)), now));
			return until;
		});
		if (addressCrossedLimit) {
			signalThrottledAddress(ipAddress, now);
		}
		if (lockedUntil != null) {
			log.warn("Account {} locked until {} after repeated failed logins", user.email(), lockedUntil);
			return locked(lockedUntil, now);
		}
		return wrongCredentials();
	}

	private void failAddress(String ipAddress) {
		if (throttle.fail(ipAddress)) {
			signalThrottledAddress(ipAddress, clock.instant());
		}
	}

	private void signalThrottledAddress(String ipAddress, Instant now) {
		log.warn("Client address {} throttled after repeated failed logins", ipAddress);
		// published in a transaction so that durable listeners (alerting) receive it
		transactions.executeWithoutResult(
				status -> events.publishEvent(new SecuritySignal("address_throttled", String.valueOf(ipAddress),
						settings.loginFailuresPerAddress() + " failed logins from " + ipAddress + " within "
								+ settings.lockoutWindow().toMinutes() + " minutes",
						Map.of("ip_address", String.valueOf(ipAddress)), now)));
	}

	private static DomainException wrongCredentials() {
		return new DomainException(DomainException.Kind.UNAUTHENTICATED, "invalid-credentials",
				"The email, password or code is wrong");
	}

	private static DomainException locked(Instant until, Instant now) {
		Duration left = Duration.between(now, until);
		long minutes = Math.max(1, (left.toSeconds() + 59) / 60);
		return new DomainException(DomainException.Kind.LOCKED, "account-locked",
				"This account is locked after too many failed logins; try again in " + minutes
						+ (minutes == 1 ? " minute" : " minutes") + " (at "
						+ until.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")",
				List.of(), left);
	}

}
