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
 * Messages to one person through their contact methods go through the same outbox as
 * channel notices: email, a Slack mention, their own webhook, SMS and voice through the
 * gateway.
 */
class PersonalDeliveryIntegrationTests extends NotificationIntegrationTest {

	private static PersonalMessage page(String subject) {
		return new PersonalMessage(subject, "Checkout error rate above 5%.\nService: checkout-api",
				"http://watchkeeper.test/incidents/42",
				List.of(new PersonalMessage.Action("Acknowledge", "http://watchkeeper.test/act/ack-token"),
						new PersonalMessage.Action("Resolve", "http://watchkeeper.test/act/resolve-token")));
	}

	private UUID enqueueToPerson(String kind, String address, PersonalMessage message, String key) {
		Boolean enqueued = transactions.execute(tx -> notifications.enqueueToPerson(kind, address, message, key));
		assertThat(enqueued).isTrue();
		return jdbc.sql("SELECT id FROM notification_deliveries WHERE idempotency_key = :key")
			.param("key", key)
			.query(UUID.class)
			.single();
	}

	private static String signature(LoggedRequest request) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(PEOPLE_SECRET.substring("whsec_".length())),
				"HmacSHA256"));
		return "v1," + Base64.getEncoder()
			.encodeToString(mac.doFinal((request.getHeader("webhook-id") + "." + request.getHeader("webhook-timestamp")
					+ "." + request.getBodyAsString())
				.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void anEmailToAPersonCarriesTheSubjectTheTextAndEveryActionLink() throws Exception {
		String address = unique("oncall") + "@example.com";
		UUID id = enqueueToPerson("email", address, page("[SEV-2] Checkout error rate"), unique("page"));

		Delivery delivery = awaitFinished(id, Duration.ofSeconds(10));
		assertThat(delivery.status()).isEqualTo("succeeded");
		assertThat(delivery.channelName()).as("the log names the address").isEqualTo(address);
		assertThat(delivery.channelKind()).isEqualTo("email");
		assertThat(delivery.subject()).isEqualTo("[SEV-2] Checkout error rate");
		MimeMessage mail = Arrays.stream(NotificationTestPeers.SMTP.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address);
			}
			catch (MessagingException ex) {
				return false;
			}
		}).findFirst().orElseThrow();
		assertThat(mail.getSubject()).isEqualTo("[SEV-2] Checkout error rate");
		assertThat(GreenMailUtil.getBody(mail)).contains("Checkout error rate above 5%")
			.contains("Acknowledge: http://watchkeeper.test/act/ack-token")
			.contains("Resolve: http://watchkeeper.test/act/resolve-token")
			.contains("http://watchkeeper.test/incidents/42");
	}

	@Test
	void aSlackContactIsMentionedInThePeopleChannel() throws Exception {
		String path = "/people-slack/" + UUID.randomUUID();
		HTTP.stubFor(post(path).willReturn(aResponse().withStatus(200).withBody("ok")));
		// the channel named by watchkeeper.notification.people.slack-channel
		createChannel("""
				{"name":"people-slack","kind":"slack","url":"%s"}""".formatted(url(path)));
		UUID id = enqueueToPerson("slack", "U024BE7LH", page("[SEV-1] Database unavailable"), unique("page"));

		assertThat(awaitFinished(id, Duration.ofSeconds(10)).status()).isEqualTo("succeeded");
		JsonNode body = json.readTree(HTTP.findAll(postRequestedFor(urlEqualTo(path))).get(0).getBodyAsString());
		assertThat(body.get("text").asString()).isEqualTo("<@U024BE7LH> [SEV-1] Database unavailable");
		assertThat(body.toString()).contains("http://watchkeeper.test/act/ack-token");
	}

	@Test
	void aPersonsWebhookAndTheSmsGatewayGetSignedJson() throws Exception {
		String path = "/person-hook/" + UUID.randomUUID();
		HTTP.stubFor(post(path).willReturn(aResponse().withStatus(204)));
		HTTP.stubFor(post("/sms-gateway").willReturn(aResponse().withStatus(202)));
		String hookKey = unique("page");
		String smsKey = unique("page");
		UUID hook = enqueueToPerson("webhook", url(path), page("[SEV-2] Queue backlog"), hookKey);
		UUID sms = enqueueToPerson("sms", "+4915112345678", page("[SEV-2] Queue backlog"), smsKey);

		assertThat(awaitFinished(hook, Duration.ofSeconds(10)).status()).isEqualTo("succeeded");
		assertThat(awaitFinished(sms, Duration.ofSeconds(10)).status()).isEqualTo("succeeded");
		LoggedRequest toHook = HTTP.findAll(postRequestedFor(urlEqualTo(path))).get(0);
		assertThat(toHook.getHeader("webhook-id")).isEqualTo(hookKey);
		assertThat(toHook.getHeader("webhook-signature")).isEqualTo(signature(toHook));
		JsonNode hookBody = json.readTree(toHook.getBodyAsString());
		assertThat(hookBody.get("type").asString()).isEqualTo("page");
		assertThat(hookBody.get("actions").get(0).get("url").asString())
			.isEqualTo("http://watchkeeper.test/act/ack-token");

		LoggedRequest toGateway = HTTP.findAll(postRequestedFor(urlEqualTo("/sms-gateway")))
			.stream()
			.filter(r -> smsKey.equals(r.getHeader("webhook-id")))
			.findFirst()
			.orElseThrow();
		assertThat(toGateway.getHeader("webhook-signature")).isEqualTo(signature(toGateway));
		JsonNode smsBody = json.readTree(toGateway.getBodyAsString());
		assertThat(smsBody.get("type").asString()).isEqualTo("sms");
		assertThat(smsBody.get("to").asString()).isEqualTo("+4915112345678");
		assertThat(smsBody.get("short").asString())
			.isEqualTo("[SEV-2] Queue backlog http://watchkeeper.test/act/ack-token");
	}

	@Test
	void theSameKeyTwiceIsOnePageAndBadInputIsRefused() {
		String key = unique("page");
		enqueueToPerson("email", "dup@example.com", page("Once"), key);
		Boolean again = transactions
			.execute(tx -> notifications.enqueueToPerson("email", "dup@example.com", page("Once"), key));
		assertThat(again).as("a second enqueue with the same key is ignored").isFalse();
		assertThatThrownBy(() -> transactions
			.execute(tx -> notifications.enqueueToPerson("pigeon", " ", page("x"), unique("page"))))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.fieldErrors()).extracting(DomainException.FieldError::field)
						.containsExactly("kind", "address"));
	}

}
