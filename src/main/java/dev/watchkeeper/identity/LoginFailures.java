package dev.watchkeeper.identity;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Failed logins per account, counted over a sliding window. */
@Repository
class LoginFailures {

	private final JdbcClient jdbc;

	LoginFailures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a failure and returns how many there were since {@code windowStart}. */
	int record(UserId user, String ipAddress, Instant at, Instant windowStart) {
		jdbc.sql("INSERT INTO identity_login_failures (user_id, ip_address, failed_at) VALUES (:user, :ip, :at)")
			.param("user", user.value())
			.param("ip", ipAddress)
			.param("at", Timestamp.from(at))
			.update();
		jdbc.sql("DELETE FROM identity_login_failures WHERE user_id = :user AND failed_at < :start")
			.param("user", user.value())
			.param("start", Timestamp.from(windowStart))
			.update();
		return jdbc.sql("SELECT count(*) FROM identity_login_failures WHERE user_id = :user AND failed_at >= :start")
			.param("user", user.value())
			.param("start", Timestamp.from(windowStart))
			.query(Integer.class)
			.single();
	}

	void clear(UserId user) {
		jdbc.sql("DELETE FROM identity_login_failures WHERE user_id = :user").param("user", user.value()).update();
	}

}
