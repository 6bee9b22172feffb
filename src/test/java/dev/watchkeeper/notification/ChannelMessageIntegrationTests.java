package dev.watchkeeper.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.watchkeeper.platform.DomainException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.watchkeeper.notification.NotificationTestPeers.HTTP;
import static dev.watchkeeper.notification.NotificationTestPeers.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Free-form messages to a channel (stakeholder notices) go through the outbox like
 * notices and are rendered for the channel's kind.
 */
class ChannelMessageIntegrationTests extends NotificationIntegrationTest {

	private static PersonalMessage notice(String subject) {
		return new PersonalMessage(subject, "Declared SEV-1.\n\nINC-7: Checkout payments fail\nStatus: triggered",
				"http://watchkeeper.test/incidents/7", List.of());
	}

	private UUID enqueueMessage(String channel, PersonalMessage message, String key) {
		Boolean enqueued = transactions.execute(tx -> notifications.enqueueMessage(channel, message, key));
		assertThat(enqueued).isTrue();
		return jdbc.sql("SELECT id FROM notification_deliveries WHERE idempotency_key = :key")
			.param("key", key)
			.query(UUID.class)
			.single();
	}

	@Test
	void aSlackChannelGetsThePostWithALinkAndTheLogNamesTheChannel() throws Exception {
		String path = "/stakeholders-slack/" + UUID.randomUUID();
		HTTP.stubFor(post(path).willReturn(aResponse().withStatus(200).withBody("ok")));
		String name = unique("stakeholders");
		createChannel("""
				{"name":"%s","kind":"slack","url":"%s"}""".formatted(name, url(path)));
		UUID id = enqueueMessage(name, notice("[SEV-1] INC-7 opened: Checkout payments fail"), unique("msg"));

		Delivery delivery = awaitFinished(id, Duration.ofSeconds(10));
		assertThat(delivery.status()).as(delivery.lastError()).isEqualTo("succeeded");
		assertThat(delivery.channelName()).isEqualTo(name);
		assertThat(delivery.subject()).isEqualTo("[SEV-1] INC-7 opened: Checkout payments fail");
		JsonNode body = json.readTree(HTTP.findAll(postRequestedFor(urlEqualTo(path))).get(0).getBodyAsString());
		assertThat(body.get("text").asString()).isEqualTo("[SEV-1] INC-7 opened: Checkout payments fail");
		assertThat(body.toString()).contains("INC-7: Checkout payments fail")
			.contains("http://watchkeeper.test/incidents/7")
			.doesNotContain("<@");
	}

	@Test
	void anEmailChannelMailsItsRecipientsAndAWebhookChannelGetsSignedJson() throws Exception {
		String recipient = unique("status") + "@example.com";
		String mailChannel = unique("mail");
		createChannel("""
				{"name":"%s","kind":"email","recipients":["%s"]}""".formatted(mailChannel, recipient));
		String path = "/stakeholder-hook/" + UUID.randomUUID();
		HTTP.stubFor(post(path).willReturn(aResponse().withStatus(204)));
		String hookChannel = unique("hook");
		String secret = createChannel("""
				{"name":"%s","kind":"webhook","url":"%s"}""".formatted(hookChannel, url(path))).get("signingSecret")
			.asString();
		String hookKey = unique("msg");
		UUID mail = enqueueMessage(mailChannel, notice("[SEV-2] INC-8 resolved: Queue backlog"), unique("msg"));
		UUID hook = enqueueMessage(hookChannel, notice("[SEV-2] INC-8 resolved: Queue backlog"), hookKey);

		assertThat(awaitFinished(mail, Duration.ofSeconds(10)).status()).isEqualTo("succeeded");
		MimeMessage received = Arrays.stream(NotificationTestPeers.SMTP.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(recipient);
			}
			catch (MessagingException ex) {
				return false;
			}
		}).findFirst().orElseThrow();
		assertThat(received.getSubject()).isEqualTo("[SEV-2] INC-8 resolved: Queue backlog");
		assertThat(GreenMailUtil.getBody(received)).contains("Checkout payments fail")
			.contains("http://watchkeeper.test/incidents/7");

		assertThat(awaitFinished(hook, Duration.ofSeconds(10)).status()).isEqualTo("succeeded");
		LoggedRequest request = HTTP.findAll(postRequestedFor(urlEqualTo(path))).get(0);
		assertThat(request.getHeader("webhook-id")).isEqualTo(hookKey);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		assertThat(request.getHeader("webhook-signature")).isEqualTo("v1," + Base64.getEncoder()
			.encodeToString(mac
				.doFinal((hookKey + "." + request.getHeader("webhook-timestamp") + "." + request.getBodyAsString())
					.getBytes(StandardCharsets.UTF_8))));
		JsonNode body = json.readTree(request.getBodyAsString());
		assertThat(body.get("type").asString()).isEqualTo("message");
		assertThat(body.get("channel").asString()).isEqualTo(hookChannel);
		assertThat(body.get("subject").asString()).isEqualTo("[SEV-2] INC-8 resolved: Queue backlog");
		assertThat(body.get("link").asString()).isEqualTo("http://watchkeeper.test/incidents/7");
	}

	@Test
	void theSameKeyIsOneMessageAndUnknownOrPagerDutyChannelsAreRefused() throws Exception {
		String name = unique("stakeholders");
		createChannel("""
				{"name":"%s","kind":"slack","url":"%s"}""".formatted(name, url("/unused/" + UUID.randomUUID())));
		String key = unique("msg");
		enqueueMessage(name, notice("Once"), key);
		Boolean again = transactions.execute(tx -> notifications.enqueueMessage(name, notice("Once"), key));
		assertThat(again).as("a second enqueue with the same key is ignored").isFalse();
		assertThat(notifications.takesMessages(name)).isTrue();

		String pager = unique("pager");
		createChannel("""
				{"name":"%s","kind":"pagerduty","routingKey":"R0123456789ABCDEF0123456789ABCDE","url":"%s"}"""
			.formatted(pager, url("/pd")));
		assertThat(notifications.takesMessages(pager)).isFalse();
		assertThat(notifications.takesMessages("no-such-channel")).isFalse();
		assertThatThrownBy(
				() -> transactions.execute(tx -> notifications.enqueueMessage(pager, notice("x"), unique("msg"))))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.fieldErrors()).extracting(DomainException.FieldError::field)
						.containsExactly("channel"));
		assertThatThrownBy(() -> transactions
			.execute(tx -> notifications.enqueueMessage("no-such-channel", notice("x"), unique("msg"))))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
		assertThat(jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE channel_name = :name")
			.param("name", pager)
			.query(Long.class)
			.single()).isZero();
	}

}
