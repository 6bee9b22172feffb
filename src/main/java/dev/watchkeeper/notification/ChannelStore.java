package dev.watchkeeper.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.platform.SecretKeyring;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Channels in {@code notification_channels}: plain settings as JSON, secrets as JSON
 * sealed by the {@link SecretKeyring}.
 */
@Repository
class ChannelStore {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final SecretKeyring keyring;

	ChannelStore(JdbcClient jdbc, JsonMapper json, SecretKeyring keyring) {
		this.jdbc = jdbc;
		this.json = json;
		this.keyring = keyring;
	}

	void insert(Channel channel) {
		jdbc.sql(
				"""
						INSERT INTO notification_channels (id, name, kind, send_resolved, config, secrets, created_at, updated_at)
						VALUES (:id, :name, :kind, :sendResolved, CAST(:config AS jsonb), :secrets, :created, :updated)""")
			.params(params(channel))
			.update();
	}

	void update(Channel channel) {
		jdbc.sql("""
				UPDATE notification_channels SET name = :name, send_resolved = :sendResolved,
				  config = CAST(:config AS jsonb), secrets = :secrets, updated_at = :updated
				WHERE id = :id""").params(params(channel)).update();
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM notification_channels WHERE id = :id").param("id", id).update() > 0;
	}

	Optional<Channel> find(UUID id) {
		return jdbc.sql("SELECT * FROM notification_channels WHERE id = :id")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	Optional<Channel> findByName(String name) {
		return jdbc.sql("SELECT * FROM notification_channels WHERE lower(name) = lower(:name)")
			.param("name", name)
			.query(this::row)
			.optional();
	}

	boolean existsByName(String name) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM notification_channels WHERE lower(name) = lower(:name))")
			.param("name", name)
			.query(Boolean.class)
			.single();
	}

	List<Channel> list() {
		return jdbc.sql("SELECT * FROM notification_channels ORDER BY lower(name)").query(this::row).list();
	}

	List<String> names() {
		return jdbc.sql("SELECT name FROM notification_channels ORDER BY lower(name), name").query(String.class).list();
	}

	private Map<String, Object> params(Channel channel) {
		ChannelConfig config = channel.config();
		Map<String, Object> plain = new LinkedHashMap<>();
		Map<String, Object> secret = new LinkedHashMap<>();
		plain.put("recipients", config.recipients());
		putIfSet(plain, "format", config.format());
		putIfSet(plain, "subjectTemplate", config.subjectTemplate());
		putIfSet(plain, "bodyTemplate", config.bodyTemplate());
		if ("pagerduty".equals(channel.kind())) {
			putIfSet(plain, "url", config.url());
		}
		else {
			putIfSet(secret, "url", config.url());
		}
		putIfSet(secret, "routingKey", config.routingKey());
		putIfSet(secret, "signingSecret", config.signingSecret());
		Map<String, Object> params = new HashMap<>();
		params.put("id", channel.id());
		params.put("name", channel.name());
		params.put("kind", channel.kind());
		params.put("sendResolved", channel.sendResolved());
		params.put("config", json.writeValueAsString(plain));
		params.put("secrets", keyring.encrypt(json.writeValueAsString(secret)));
		params.put("created", Timestamp.from(channel.createdAt()));
		params.put("updated", Timestamp.from(channel.updatedAt()));
		return params;
	}

	private static void putIfSet(Map<String, Object> map, String key, String value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	@SuppressWarnings("unchecked")
	private Channel row(ResultSet rs, int n) throws SQLException {
		Map<String, Object> plain = json.readValue(rs.getString("config"), Map.class);
		Map<String, Object> secret = json.readValue(keyring.decrypt(rs.getString("secrets")), Map.class);
		String url = (String) (plain.containsKey("url") ? plain.get("url") : secret.get("url"));
		var config = new ChannelConfig(url, (List<String>) plain.get("recipients"), (String) secret.get("routingKey"),
				(String) secret.get("signingSecret"), (String) plain.get("format"),
				(String) plain.get("subjectTemplate"), (String) plain.get("bodyTemplate"));
		return new Channel(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("kind"),
				rs.getBoolean("send_resolved"), config, rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
