package dev.watchkeeper.identity;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and finds users. */
@Service
public class Users {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	private static final Set<String> CONTACT_KINDS = Set.of("email", "sms", "voice", "slack", "webhook");

	private final UserStore store;

	private final Passwords passwords;

	private final TokenStore tokens;

	private final CredentialChanges credentials;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Users(UserStore store, Passwords passwords, TokenStore tokens, CredentialChanges credentials,
			ApplicationEventPublisher events, Clock clock) {
		this.tokens = tokens;
		this.credentials = credentials;
		this.store = store;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What a new user needs.
	 *
	 * @param email sign-in name
	 * @param name display name
	 * @param timeZone IANA zone; UTC when null
	 * @param role the role
	 * @param password at least 12 characters
	 * @param contactMethods ways to reach the user; the email is added when empty
	 */
	public record NewUser(String email, String name, String timeZone, Role role, String password,
			List<User.ContactMethod> contactMethods) {
	}

	@Transactional
	public User create(NewUser user) {
		Map<String, String> errors = validate(user.email(), user.name(), user.timeZone(), user.contactMethods());
		if (user.role() == null) {
			errors.put("role", "must be viewer, responder, manager or admin");
		}
		try {
			Passwords.check(user.password());
		}
		catch (DomainException ex) {
			errors.put("password", ex.fieldErrors().get(0).message());
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		UserId id = UserId.random();
		Instant now = clock.instant();
		String zone = user.timeZone() == null || user.timeZone().isBlank() ? "UTC" : user.timeZone();
		try {
			store.insert(id, user.email().trim(), user.name().trim(), zone, user.role(),
					passwords.hash(user.password()), now);
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("email-taken", "A user with email " + user.email() + " already exists");
		}
		List<User.ContactMethod> methods = user.contactMethods() == null || user.contactMethods().isEmpty()
				? List.of(new User.ContactMethod("email", user.email().trim(), "email")) : user.contactMethods();
		store.replaceContactMethods(id, methods);
		User created = store.find(id).orElseThrow();
		events.publishEvent(new UserEvents.UserCreated(created));
		return created;
	}

	/**
	 * A user's editable fields.
	 *
	 * @param email sign-in name
	 * @param name display name
	 * @param timeZone IANA zone
	 * @param role the role
	 * @param disabled whether sign-in and tokens are refused; null keeps the current
	 * value
	 * @param contactMethods ways to reach the user, in order; null keeps the current ones
	 */
	public record UserDraft(String email, String name, String timeZone, Role role, Boolean disabled,
			List<User.ContactMethod> contactMethods) {
	}

	@Transactional
	public User update(UserId id, UserDraft draft) {
		User before = get(id);
		Map<String, String> errors = validate(draft.email(), draft.name(), draft.timeZone(), draft.contactMethods());
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		// fields left out keep their values: a PUT that only renames must not re-enable,
		// re-zone or demote anyone
		Role role = draft.role() == null ? before.role() : draft.role();
		boolean disabled = draft.disabled() == null ? before.disabled() : draft.disabled();
		boolean losesAdmin = before.role() == Role.ADMIN && !before.disabled() && (role != Role.ADMIN || disabled);
		if (losesAdmin && store.lockAdminsAndCount() <= 1) {
			throw DomainException.conflict("last-admin",
					"This is the last active admin; make someone else admin first");
		}
		String zone = draft.timeZone() == null || draft.timeZone().isBlank() ? before.timeZone() : draft.timeZone();
		User changed = new User(id, draft.email().trim(), draft.name().trim(), zone, role, before.mfaEnabled(),
				disabled, before.lockedUntil(), before.contactMethods(), before.createdAt());
		try {
			store.update(changed, clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("email-taken", "A user with email " + draft.email() + " already exists");
		}
		if (draft.contactMethods() != null) {
			store.replaceContactMethods(id, draft.contactMethods());
		}
		if (disabled && !before.disabled()) {
			// a disabled user's tokens stay dead if the user is enabled again later
			tokens.revokeAllOf(id, clock.instant());
		}
		// a token acts with its owner's role and name, and not at all for a disabled
		// owner
		credentials.changed();
		User after = get(id);
		events.publishEvent(new UserEvents.UserUpdated(before, after));
		return after;
	}

	@Transactional
	public void delete(UserId id, UserId actingUser) {
		User user = get(id);
		if (id.equals(actingUser)) {
			throw DomainException.conflict("self-delete", "You cannot delete yourself");
		}
		if (user.role() == Role.ADMIN && !user.disabled() && store.lockAdminsAndCount() <= 1) {
			throw DomainException.conflict("last-admin", "This is the last active admin");
		}
		store.delete(id);
		// the user's tokens are deleted with them
		credentials.changed();
		events.publishEvent(new UserEvents.UserDeleted(user));
	}

	/**
	 * Sets a new password for a user (admins), or for oneself with the current password.
	 */
	@Transactional
	public void changePassword(UserId id, String current, String next, boolean requireCurrent) {
		User user = get(id);
		if (requireCurrent && !passwords.matches(current, store.passwordHash(id).orElse(null))) {
			throw DomainException.invalid("current", "is not your current password");
		}
		store.setPasswordHash(id, passwords.hash(next), clock.instant());
		events.publishEvent(new UserEvents.PasswordChanged(user));
	}

	/** Ends a lockout before it expires. */
	@Transactional
	public void unlock(UserId id) {
		User user = get(id);
		store.setLockedUntil(id, null);
		store.clearLoginFailures(id);
		events.publishEvent(new UserEvents.AccountUnlocked(user));
	}

	public Optional<User> find(UserId id) {
		return store.find(id);
	}

	public User get(UserId id) {
		return store.find(id).orElseThrow(() -> DomainException.notFound("User", id));
	}

	public Optional<User> findByEmail(String email) {
		return store.findByEmail(email);
	}

	public List<User> findAll(List<UserId> ids) {
		return store.findAll(ids);
	}

	public PageQuery.Page<User> list(PageQuery page) {
		return PageQuery.Page.of(store.list(page), page, store.count());
	}

	public boolean none() {
		return store.count() == 0;
	}

	static Map<String, String> validate(String email, String name, String timeZone,
			List<User.ContactMethod> contactMethods) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (email == null || !EMAIL.matcher(email.trim()).matches() || email.length() > 254) {
			errors.put("email", "must be an email address");
		}
		if (name == null || name.isBlank() || name.length() > 200) {
			errors.put("name", "must be 1 to 200 characters");
		}
		if (timeZone != null && !timeZone.isBlank()) {
			try {
				ZoneId.of(timeZone);
			}
			catch (DateTimeException ex) {
				errors.put("timeZone", "must be an IANA time zone such as Europe/Berlin");
			}
		}
		if (contactMethods != null) {
			for (int i = 0; i < contactMethods.size(); i++) {
				User.ContactMethod method = contactMethods.get(i);
				if (method == null || !CONTACT_KINDS.contains(method.kind())) {
					errors.put("contactMethods[" + i + "].kind", "must be one of " + CONTACT_KINDS);
				}
				else if (method.address() == null || method.address().isBlank()) {
					errors.put("contactMethods[" + i + "].address", "must not be blank");
				}
			}
		}
		return errors;
	}

}
