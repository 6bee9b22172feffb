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

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Users(UserStore store, Passwords passwords, ApplicationEventPublisher events, Clock clock) {
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
