package dev.watchkeeper.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.watchkeeper.platform.AuditableEvent;
import dev.watchkeeper.platform.DomainException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisation-level roles that escalation can name beyond a team, e.g. the CTO at the
 * end of handbook 002's path (on-call engineer → team lead → engineering manager → CTO).
 */
@Service
public class OrgRoles {

	static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9 _-]{0,62}");

	private final JdbcClient jdbc;

	private final Users users;

	private final ApplicationEventPublisher events;

	OrgRoles(JdbcClient jdbc, Users users, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.users = users;
		this.events = events;
	}

	/**
	 * A role and who holds it.
	 *
	 * @param name e.g. CTO
	 * @param userId the holder, or null while vacant
	 * @param position order in lists
	 */
	public record OrgRole(String name, UserId userId, int position) {
	}

	public List<OrgRole> list() {
		return jdbc.sql("SELECT name, user_id, position FROM identity_org_roles ORDER BY position, name")
			.query((rs, n) -> {
				UUID user = rs.getObject("user_id", UUID.class);
				return new OrgRole(rs.getString("name"), user == null ? null : new UserId(user), rs.getInt("position"));
			})
			.list();
	}

	/** Who holds the role now, if anyone (and the account is enabled). */
	public Optional<User> holder(String role) {
		return list().stream()
			.filter(r -> r.name().equalsIgnoreCase(role) && r.userId() != null)
			.findFirst()
			.flatMap(r -> users.find(r.userId()))
			.filter(u -> !u.disabled());
	}

	/**
	 * Creates the role if needed and gives it to {@code userId} (null leaves it vacant).
	 */
	@Transactional
	public OrgRole assign(String name, UserId userId, Integer position) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw DomainException.invalid("name", "must start with a letter; letters, digits, spaces, '_' and '-'");
		}
		if (userId != null && users.find(userId).isEmpty()) {
			throw DomainException.invalid("userId", "no user " + userId);
		}
		// names are one role whatever their case ("cto" is the CTO); the first spelling
		// stays
		Optional<OrgRole> before = named(name);
		String stored = before.map(OrgRole::name).orElse(name);
		int order = position != null ? position : before.map(OrgRole::position).orElse(list().size());
		jdbc.sql("""
				INSERT INTO identity_org_roles (name, user_id, position) VALUES (:name, :user, :position)
				ON CONFLICT (name) DO UPDATE SET user_id = EXCLUDED.user_id, position = EXCLUDED.position""")
			.param("name", stored)
			.param("user", userId == null ? null : userId.value())
			.param("position", order)
			.update();
		OrgRole after = new OrgRole(stored, userId, order);
		events.publishEvent(new OrgRoleChanged(stored, before.orElse(null), after));
		return after;
	}

	@Transactional
	public void delete(String name) {
		OrgRole before = named(name).orElseThrow(() -> DomainException.notFound("Organisation role", name));
		jdbc.sql("DELETE FROM identity_org_roles WHERE name = :name").param("name", before.name()).update();
		events.publishEvent(new OrgRoleChanged(before.name(), before, null));
	}

	private Optional<OrgRole> named(String name) {
		return list().stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
	}

	public record OrgRoleChanged(String name, OrgRole previous, OrgRole role) implements AuditableEvent {

		public String action() {
			return role == null ? "org_role.deleted" : "org_role.assigned";
		}

		public String targetType() {
			return "org_role";
		}

		public String targetId() {
			return name;
		}

		public String summary() {
			if (role == null) {
				return "Deleted organisation role " + name;
			}
			return role.userId() == null ? "Left organisation role " + name + " vacant"
					: "Assigned organisation role " + name + " to user " + role.userId();
		}

		public Map<String, Object> before() {
			return previous == null ? Map.of()
					: Map.of("holder", previous.userId() == null ? "" : previous.userId().toString());
		}

		public Map<String, Object> after() {
			return role == null ? Map.of() : Map.of("holder", role.userId() == null ? "" : role.userId().toString());
		}

	}

}
