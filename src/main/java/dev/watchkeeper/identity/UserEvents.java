package dev.watchkeeper.identity;

import java.util.Map;

import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.AuditableEvent;

/** What happens to users and their accounts. */
public final class UserEvents {

	private UserEvents() {
	}

	static Map<String, Object> fields(User user) {
		return Map.of("email", user.email(), "name", user.name(), "time_zone", user.timeZone(), "role",
				user.role().value(), "disabled", user.disabled(), "contact_methods", user.contactMethods().size());
	}

	public record UserCreated(User user) implements AuditableEvent {

		public String action() {
			return "user.created";
		}

		public String targetType() {
			return "user";
		}

		public String targetId() {
			return user.id().toString();
		}

		public String summary() {
			return "Created user " + user.email() + " as " + user.role().value();
		}

		public Map<String, Object> after() {
			return fields(user);
		}

	}

	public record UserUpdated(User previous, User user) implements AuditableEvent {

		public String action() {
			return "user.updated";
		}

		public String targetType() {
			return "user";
		}

		public String targetId() {
			return user.id().toString();
		}

		public String summary() {
			return "Updated user " + user.email();
		}

		public Map<String, Object> before() {
			return fields(previous);
		}

		public Map<String, Object> after() {
			return fields(user);
		}

	}

	public record UserDeleted(User user) implements AuditableEvent {

		public String action() {
			return "user.deleted";
		}

		public String targetType() {
			return "user";
		}

		public String targetId() {
			return user.id().toString();
		}

		public String summary() {
			return "Deleted user " + user.email();
		}

		public Map<String, Object> before() {
			return fields(user);
		}

	}

	public record PasswordChanged(User user) implements AuditableEvent {

		public String action() {
			return "user.password_changed";
		}

		public String targetType() {
			return "user";
		}

		public String targetId() {
			return user.id().toString();
		}

		public String summary() {
			return "Changed the password of " + user.email();
		}

	}

	public record AccountUnlocked(User user) implements AuditableEvent {

		public String action() {
			return "account.unlocked";
		}

		public String targetType() {
			return "user";
		}

		public String targetId() {
			return user.id().toString();
		}

		public String summary() {
			return "Unlocked " + user.email();
		}

	}

	/** An account was locked after too many failed logins (handbook 003). */
	public record AccountLocked(UserId userId, String email, int failures, java.time.Instant until,
			String ipAddress) implements AuditableEvent {

		public String action() {
			return "account.locked";
		}

		public String targetType() {
			return "user";
		}

		public String targetId() {
			return userId.toString();
		}

		public String summary() {
			return "Locked " + email + " until " + until + " after " + failures + " failed logins";
		}

		public Map<String, Object> after() {
			return Map.of("locked_until", until.toString(), "failures", failures);
		}

		public Actor actor() {
			return Actor.SYSTEM;
		}

	}

	/** Someone signed in; recorded so that access is auditable (handbook 003). */
	public record SignedInEvent(UserId userId, String email, String method) implements AuditableEvent {

		public String action() {
			return "session.signed_in";
		}

		public String targetType() {
			return "user";
		}

		public String targetId() {
			return userId.toString();
		}

		public String summary() {
			return email + " signed in (" + method + ")";
		}

		public Actor actor() {
			return new Actor(Actor.Kind.USER, userId.toString(), email, userId.toString());
		}

	}

}
