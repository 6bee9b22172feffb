package dev.watchkeeper.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.platform.PageQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users and their contact methods in {@code identity_users} and
 * {@code identity_contact_methods}.
 */
@Repository
class UserStore {

	private static final String COLUMNS = """
			id, email, name, time_zone, role, mfa_enabled, disabled, locked_until, created_at""";

	private static final String INSERT = """
			INSERT INTO identity_users (id, email, name, time_zone, role, password_hash, created_at, updated_at)
			VALUES (:id, :email, :name, :timeZone, :role, :passwordHash, :now, :now)""";

	private static final String UPDATE = """
			UPDATE identity_users SET email = :email, name = :name, time_zone = :timeZone, role = :role,
			  disabled = :disabled, updated_at = :now WHERE id = :id""";

	private final JdbcClient jdbc;

	UserStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UserId id, String email, String name, String timeZone, Role role, String passwordHash, Instant now) {
		jdbc.sql(INSERT)
			.param("id", id.value())
			.param("email", email)
			.param("name", name)
			.param("timeZone", timeZone)
			.param("role", role.value())
			.param("passwordHash", passwordHash)
			.param("now", Timestamp.from(now))
			.update();
	}

	void update(User user, Instant now) {
		jdbc.sql(UPDATE)
			.param("id", user.id().value())
			.param("email", user.email())
			.param("name", user.name())
			.param("timeZone", user.timeZone())
			.param("role", user.role().value())
			.param("disabled", user.disabled())
			.param("now", Timestamp.from(now))
			.update();
	}

	boolean delete(UserId id) {
		return jdbc.sql("DELETE FROM identity_users WHERE id = :id").param("id", id.value()).update() > 0;
	}

	void replaceContactMethods(UserId id, List<User.ContactMethod> methods) {
		jdbc.sql("DELETE FROM identity_contact_methods WHERE user_id = :id").param("id", id.value()).update();
		for (int i = 0; i < methods.size(); i++) {
			User.ContactMethod method = methods.get(i);
			jdbc.sql("""
					INSERT INTO identity_contact_methods (id, user_id, kind, address, label, position)
					VALUES (:id, :user, :kind, :address, :label, :position)""")
				.param("id", UUID.randomUUID())
				.param("user", id.value())
				.param("kind", method.kind())
				.param("address", method.address())
				.param("label", method.label())
				.param("position", i)
				.update();
		}
	}

	Optional<User> find(UserId id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM identity_users WHERE id = :id")
			.param("id", id.value())
			.query(this::row)
			.optional()
			.map(this::withContacts);
	}

	Optional<User> findByEmail(String email) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM identity_users WHERE lower(email) = lower(:email)")
			.param("email", email)
			.query(this::row)
			.optional()
			.map(this::withContacts);
	}

	List<User> list(PageQuery page) {
		List<User> users = jdbc
			.sql("SELECT " + COLUMNS + " FROM identity_users ORDER BY lower(name), id LIMIT :limit OFFSET :offset")
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::row)
			.list();
		return withContacts(users);
	}

	List<User> findAll(List<UserId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return withContacts(jdbc.sql("SELECT " + COLUMNS + " FROM identity_users WHERE id IN (:ids) ORDER BY name")
			.param("ids", ids.stream().map(UserId::value).toList())
			.query(this::row)
			.list());
	}

	/**
	 * Counts active admins after taking a transaction-scoped lock that every change to
	 * admins takes, so two admins demoting each other at once cannot leave none.
	 */
	long lockAdminsAndCount() {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('identity.active-admins'))").query().listOfRows();
		return activeAdmins();
	}

	long activeAdmins() {
		return jdbc.sql("SELECT count(*) FROM identity_users WHERE role = 'admin' AND NOT disabled")
			.query(Long.class)
			.single();
	}

	void clearLoginFailures(UserId id) {
		jdbc.sql("DELETE FROM identity_login_failures WHERE user_id = :id").param("id", id.value()).update();
	}

	long count() {
		return jdbc.sql("SELECT count(*) FROM identity_users").query(Long.class).single();
	}

	Optional<String> passwordHash(UserId id) {
		return jdbc.sql("SELECT password_hash FROM identity_users WHERE id = :id")
			.param("id", id.value())
			.query(String.class)
			.optional();
	}

	void setPasswordHash(UserId id, String hash, Instant now) {
		jdbc.sql("UPDATE identity_users SET password_hash = :hash, updated_at = :now WHERE id = :id")
			.param("id", id.value())
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.update();
	}

	void setLockedUntil(UserId id, Instant until) {
		jdbc.sql("UPDATE identity_users SET locked_until = :until WHERE id = :id")
			.param("id", id.value())
			.param("until", until == null ? null : Timestamp.from(until))
			.update();
	}

	private User withContacts(User user) {
		return withContacts(List.of(user)).get(0);
	}

	private List<User> withContacts(List<User> users) {
		if (users.isEmpty()) {
			return users;
		}
		Map<UUID, List<User.ContactMethod>> byUser = new HashMap<>();
		jdbc.sql("""
				SELECT user_id, kind, address, label FROM identity_contact_methods
				WHERE user_id IN (:ids) ORDER BY position""")
			.param("ids", users.stream().map(u -> u.id().value()).toList())
			.query((rs, n) -> {
				byUser.computeIfAbsent(rs.getObject("user_id", UUID.class), k -> new ArrayList<>())
					.add(new User.ContactMethod(rs.getString("kind"), rs.getString("address"), rs.getString("label")));
				return null;
			})
			.list();
		return users.stream()
			.map(u -> new User(u.id(), u.email(), u.name(), u.timeZone(), u.role(), u.mfaEnabled(), u.disabled(),
					u.lockedUntil(), List.copyOf(byUser.getOrDefault(u.id().value(), List.of())), u.createdAt()))
			.toList();
	}

	private User row(ResultSet rs, int n) throws SQLException {
		Timestamp locked = rs.getTimestamp("locked_until");
		return new User(new UserId(rs.getObject("id", UUID.class)), rs.getString("email"), rs.getString("name"),
				rs.getString("time_zone"), Role.parse(rs.getString("role")).orElseThrow(), rs.getBoolean("mfa_enabled"),
				rs.getBoolean("disabled"), locked == null ? null : locked.toInstant(), List.of(),
				rs.getTimestamp("created_at").toInstant());
	}

}
