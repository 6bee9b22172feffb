package dev.watchkeeper.notification;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelApiIntegrationTests extends NotificationIntegrationTest {

	private long channelCount() {
		return jdbc.sql("SELECT count(*) FROM notification_channels").query(Long.class).single();
	}

	private void assertRefused(String body, int status, String field) throws Exception {
		long before = channelCount();
		var response = send("POST", "/api/v1/channels", manager, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode errors = json.readTree(response.body()).get("errors");
		assertThat(errors).as(response.body()).isNotNull();
		assertThat(errors.valueStream().map(e -> e.get("field").asString())).contains(field);
		assertThat(channelCount()).as("nothing stored").isEqualTo(before);
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
		assertRefused("""
				{"name":"%s","kind":"webhook","url":"not a url"}""".formatted(unique("bad")), 422, "url");
		assertRefused("""
				{"name":"%s","kind":"slack","url":"ftp://hooks.example.com/x"}""".formatted(unique("bad")), 422, "url");
		assertRefused("""
				{"name":"%s","kind":"email","recipients":[]}""".formatted(unique("bad")), 422, "recipients");
		assertRefused("""
				{"name":"%s","kind":"email","recipients":["oncall@example.com","nobody"]}""".formatted(unique("bad")),
				422, "recipients[1]");
		assertRefused("""
				{"name":"%s","kind":"carrier-pigeon"}""".formatted(unique("bad")), 422, "kind");
		assertRefused("""
				{"name":"","kind":"webhook","url":"https://hooks.example.com/x"}""", 422, "name");
		assertRefused("""
				{"name":"%s","kind":"pagerduty"}""".formatted(unique("bad")), 422, "routingKey");
		assertRefused("""
				{"name":"%s","kind":"webhook","url":"https://hooks.example.com/x","signingSecret":"plain"}"""
			.formatted(unique("bad")), 422, "signingSecret");
		assertRefused(
				"""
						{"name":"%s","kind":"webhook","url":"https://hooks.example.com/x","bodyTemplate":"{{#alerts}}{{nope}}{{/alerts}}"}"""
					.formatted(unique("bad")),
				422, "bodyTemplate");
		assertRefused("""
				{"name":"%s","kind":"teams","url":"https://hooks.example.com/x","format":"html"}"""
			.formatted(unique("bad")), 422, "format");
	}

	@Test
	void namesAreUniqueIgnoringCase() throws Exception {
		String name = unique("Ops");
		createChannel("""
				{"name":"%s","kind":"webhook","url":"https://hooks.example.com/a"}""".formatted(name));
		assertRefused("""
				{"name":"%s","kind":"slack","url":"https://hooks.slack.com/services/T/B/x"}"""
			.formatted(name.toUpperCase()), 409, "name");
	}

	@Test
	void secretsAreMaskedEncryptedAtRestAndKeptWhenSentBackMasked() throws Exception {
		String name = unique("slack");
		String hook = "https://hooks.slack.com/services/T000/B000/SuperSecretToken123";
		JsonNode created = createChannel("""
				{"name":"%s","kind":"slack","url":"%s","sendResolved":false}""".formatted(name, hook));
		String id = created.get("id").asString();
		assertThat(created.get("url").asString()).isEqualTo("https://hooks.slack.com/****");
		assertThat(created.get("sendResolved").asBoolean()).isFalse();
		String stored = jdbc.sql("SELECT config::text || secrets FROM notification_channels WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain("SuperSecretToken123").doesNotContain("hooks.slack.com");

		var read = send("GET", "/api/v1/channels/" + id, viewer, null);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).doesNotContain("SuperSecretToken123");

		var updated = send("PUT", "/api/v1/channels/" + id, manager, """
				{"name":"%s","kind":"slack","url":"https://hooks.slack.com/****","sendResolved":true}"""
			.formatted(name));
		assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
		assertThat(json.readTree(updated.body()).get("sendResolved").asBoolean()).isTrue();
		Channel channel = jdbc.sql("SELECT id FROM notification_channels WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(UUID.class)
			.optional()
			.map(found -> channelStore().find(found).orElseThrow())
			.orElseThrow();
		assertThat(channel.config().url()).isEqualTo(hook);

		var kindChange = send("PUT", "/api/v1/channels/" + id, manager, """
				{"name":"%s","kind":"webhook","url":"https://hooks.example.com/x"}""".formatted(name));
		assertThat(kindChange.statusCode()).isEqualTo(422);
	}

	@Test
	void pagerDutyRoutingKeyIsMaskedAndTheUrlDefaults() throws Exception {
		JsonNode created = createChannel("""
				{"name":"%s","kind":"pagerduty","routingKey":"R0123456789ABCDEF0123456789ABCDE"}"""
			.formatted(unique("pd")));
		assertThat(created.get("routingKey").asString()).isEqualTo("****BCDE");
		assertThat(created.get("url")).isNull();
		JsonNode webhook = createChannel("""
				{"name":"%s","kind":"webhook","url":"https://hooks.example.com/x"}""".formatted(unique("hook")));
		assertThat(webhook.get("signingSecret").asString()).startsWith("whsec_").hasSizeGreaterThan(40);
		var read = json.readTree(send("GET", "/api/v1/channels/" + webhook.get("id").asString(), viewer, null).body());
		assertThat(read.get("signingSecret").asString()).isEqualTo("whsec_****");
	}

	@Test
	void changesAreAudited() throws Exception {
		String name = unique("audited");
		JsonNode created = createChannel("""
				{"name":"%s","kind":"webhook","url":"https://hooks.example.com/x"}""".formatted(name));
		String id = created.get("id").asString();
		assertThat(send("DELETE", "/api/v1/channels/" + id, manager, null).statusCode()).isEqualTo(204);
		var actions = jdbc
			.sql("SELECT action FROM audit_entries WHERE target_type = 'channel' AND target_id = :id ORDER BY id")
			.param("id", id)
			.query(String.class)
			.list();
		assertThat(actions).containsExactly("channel.created", "channel.deleted");
		String audited = jdbc
			.sql("SELECT string_agg(before_state || after_state, ' ') FROM audit_entries WHERE target_id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(audited).doesNotContain("whsec_").doesNotContain("hooks.example.com/x");
		assertThat(send("GET", "/api/v1/channels/" + id, viewer, null).statusCode()).isEqualTo(404);
	}

	@Test
	void theDeliveryLogFilterIsValidated() throws Exception {
		var response = send("GET", "/api/v1/deliveries?status=lost", viewer, null);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("status");
	}

	private ChannelStore channelStore() {
		return channelStore;
	}

	@org.springframework.beans.factory.annotation.Autowired
	ChannelStore channelStore;

}
