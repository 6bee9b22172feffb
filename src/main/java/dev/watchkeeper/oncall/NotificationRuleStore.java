package dev.watchkeeper.oncall;

import java.time.Duration;
import java.util.List;

import dev.watchkeeper.identity.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users' notification rules in {@code oncall_notification_rules}, in order. */
@Repository
class NotificationRuleStore {

	private final JdbcClient jdbc;

	NotificationRuleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<NotificationRule> of(UserId user) {
		return jdbc.sql("""
				SELECT kind, address, delay_seconds FROM oncall_notification_rules WHERE user_id = :user
				ORDER BY position""")
			.param("user", user.value())
			.query((rs, n) -> new NotificationRule(rs.getString("kind"), rs.getString("address"),
					Duration.ofSeconds(rs.getLong("delay_seconds"))))
			.list();
	}

	void replace(UserId user, List<NotificationRule> rules) {
		delete(user);
		for (int i = 0; i < rules.size(); i++) {
			NotificationRule rule = rules.get(i);
			jdbc.sql("""
					INSERT INTO oncall_notification_rules (user_id, position, kind, address, delay_seconds)
					VALUES (:user, :position, :kind, :address, :delay)""")
				.param("user", user.value())
				.param("position", i)
				.param("kind", rule.kind())
				.param("address", rule.address())
				.param("delay", rule.delay().getSeconds())
				.update();
		}
	}

	int delete(UserId user) {
		return jdbc.sql("DELETE FROM oncall_notification_rules WHERE user_id = :user")
			.param("user", user.value())
			.update();
	}

}
