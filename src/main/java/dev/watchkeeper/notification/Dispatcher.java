package dev.watchkeeper.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends one delivery to its channel and says how it went; never throws. */
@Component
class Dispatcher {

	private final HttpClient http;

	private final JsonMapper json;

	private final NotificationSettings settings;

	private final Clock clock;

	private final JavaMailSenderImpl mail;

	Dispatcher(JsonMapper json, NotificationSettings settings, Clock clock) {
		this.json = json;
		this.settings = settings;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.mail = mailSender(settings);
	}

	SendResult send(Channel channel, Notice notice, String idempotencyKey, boolean test) {
		try {
			Messages.Message message = Messages.render(notice, channel.config(), test);
			return switch (channel.kind()) {
				case "email" -> email(channel, message, idempotencyKey);
				case "slack" -> post(channel.config().url(), Payloads.slack(message, notice), Map.of());
				case "teams" ->
					post(channel.config().url(), Payloads.teams(message, notice, channel.config().format()), Map.of());
				case "pagerduty" -> post(channel.config().url(),
						Payloads.pagerDuty(message, notice, channel.config().routingKey(), settings.externalUrl()),
						Map.of());
				case "webhook" -> webhook(channel, notice, idempotencyKey, test);
				default -> SendResult.failed(null, "unknown channel kind " + channel.kind());
			};
		}
		catch (RuntimeException ex) {
			return SendResult.retry(null, ex.getClass().getSimpleName() + ": " + ex.getMessage(), null);
		}
	}

	/**
	 * Sends a message to one person through a contact method: email through the SMTP
	 * server, Slack as a mention in the configured Slack channel ({@code slackChannel}),
	 * webhook as a JSON post to the person's URL, SMS and voice as a JSON post to the
	 * configured gateway. Posts carry Standard Webhooks headers, signed when a people
	 * signing secret is set.
	 */
	SendResult sendToPerson(String kind, String address, PersonalMessage message, String idempotencyKey,
			Channel slackChannel) {
		try {
			return switch (kind) {
				case "email" -> emailPerson(address, message, idempotencyKey);
				case "slack" -> {
					if (slackChannel == null || !"slack".equals(slackChannel.kind())) {
						yield SendResult.failed(null, "no Slack channel for people is configured "
								+ "(watchkeeper.notification.people.slack-channel must name a Slack channel)");
					}
					yield post(slackChannel.config().url(), Payloads.slackMention(address, message), Map.of());
				}
				case "webhook" -> signedPost(address, Payloads.personal(address, message), idempotencyKey);
				case Notifications.JSON_POST -> signedBody(address, message.text(), idempotencyKey);
				case "sms", "voice" -> {
					String gateway = settings.people().gatewayUrl();
					if (gateway.isBlank()) {
						yield SendResult.failed(null, "no SMS/voice gateway is configured "
								+ "(watchkeeper.notification.people.gateway-url)");
					}
					yield signedPost(gateway, Payloads.gateway(kind, address, message), idempotencyKey);
				}
				default -> SendResult.failed(null, "unknown contact method kind " + kind);
			};
		}
		catch (RuntimeException ex) {
			return SendResult.retry(null, ex.getClass().getSimpleName() + ": " + ex.getMessage(), null);
		}
	}

	/**
	 * Sends a free-form message to a channel, as its kind expects: email to the channel's
	 * recipients (text and HTML), Slack and Teams as a post with the message and a button
	 * per action, a webhook as JSON {@code {"type":"message",...}} signed with the
	 * channel's secret.
	 */
	SendResult sendMessage(Channel channel, PersonalMessage message, String idempotencyKey) {
		try {
			return switch (channel.kind()) {
				case "email" -> email(channel, new Messages.Message(message.subject(), Messages.personalText(message),
						Messages.personalHtml(message)), idempotencyKey);
				case "slack" -> post(channel.config().url(), Payloads.slackMessage(message), Map.of());
				case "teams" ->
					post(channel.config().url(), Payloads.teamsMessage(message, channel.config().format()), Map.of());
				case "webhook" -> {
					String body = json.writeValueAsString(Payloads.channelMessage(channel.name(), message));
					long timestamp = clock.instant().getEpochSecond();
					yield postJson(channel.config().url(), body, Map.of("webhook-id", idempotencyKey,
							"webhook-timestamp", Long.toString(timestamp), "webhook-signature",
							WebhookSignature.sign(channel.config().signingSecret(), idempotencyKey, timestamp, body)));
				}
				default -> SendResult.failed(null, "a " + channel.kind() + " channel takes no free-form messages");
			};
		}
		catch (RuntimeException ex) {
			return SendResult.retry(null, ex.getClass().getSimpleName() + ": " + ex.getMessage(), null);
		}
	}

	private SendResult signedPost(String url, Map<String, Object> payload, String idempotencyKey) {
		return signedBody(url, json.writeValueAsString(payload), idempotencyKey);
	}

	private SendResult signedBody(String url, String body, String idempotencyKey) {
		long timestamp = clock.instant().getEpochSecond();
		Map<String, String> headers = new java.util.LinkedHashMap<>();
		headers.put("webhook-id", idempotencyKey);
		headers.put("webhook-timestamp", Long.toString(timestamp));
		String secret = settings.people().signingSecret();
		if (!secret.isBlank()) {
			headers.put("webhook-signature", WebhookSignature.sign(secret, idempotencyKey, timestamp, body));
		}
		return postJson(url, body, headers);
	}

	private SendResult emailPerson(String address, PersonalMessage message, String idempotencyKey) {
		if (settings.smtp().host().isBlank()) {
			return SendResult.failed(null, "no SMTP server is configured (watchkeeper.notification.smtp.host)");
		}
		try {
			MimeMessage mime = mail.createMimeMessage();
			var helper = new MimeMessageHelper(mime, true, "UTF-8");
			helper.setFrom(settings.smtp().from());
			helper.setTo(address);
			helper.setSubject(message.subject());
			helper.setText(Messages.personalText(message), Messages.personalHtml(message));
			mime.setHeader("X-Watchkeeper-Delivery", idempotencyKey);
			mail.send(mime);
			return SendResult.succeeded(null);
		}
		catch (MailException | jakarta.mail.MessagingException ex) {
			return SmtpFailures.classify(ex);
		}
	}

	private SendResult webhook(Channel channel, Notice notice, String idempotencyKey, boolean test) {
		String body = json.writeValueAsString(Payloads.webhook(notice, channel.name(), settings.externalUrl(), test));
		long timestamp = clock.instant().getEpochSecond();
		return postJson(channel.config().url(), body,
				Map.of("webhook-id", idempotencyKey, "webhook-timestamp", Long.toString(timestamp), "webhook-signature",
						WebhookSignature.sign(channel.config().signingSecret(), idempotencyKey, timestamp, body)));
	}

	private SendResult post(String url, Map<String, Object> payload, Map<String, String> headers) {
		return postJson(url, json.writeValueAsString(payload), headers);
	}

	private SendResult postJson(String url, String body, Map<String, String> headers) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return SendResult.failed(null, "the channel's URL is not valid: " + ex.getMessage());
		}
		var request = HttpRequest.newBuilder(uri)
			.timeout(settings.requestTimeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Watchkeeper")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return classify(response);
		}
		catch (IOException ex) {
			return SendResult.retry(null, describe(ex, uri), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return SendResult.retry(null, "interrupted", null);
		}
	}

	/**
	 * What went wrong, in words an operator can act on: the JDK's connection errors often
	 * carry no message at all.
	 */
	static String describe(IOException ex, URI uri) {
		String where = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
		return switch (ex) {
			case java.net.ConnectException c ->
				"could not connect to " + where + " (connection refused or unreachable)";
			case java.net.http.HttpTimeoutException t -> "no answer from " + where + " within the request timeout";
			case java.net.UnknownHostException u -> "unknown host " + uri.getHost();
			case javax.net.ssl.SSLException s -> "TLS failed with " + where + ": " + s.getMessage();
			default -> ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()) + " ("
					+ where + ")";
		};
	}

	private SendResult classify(HttpResponse<String> response) {
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return SendResult.succeeded(status);
		}
		String error = "HTTP " + status + excerpt(response.body());
		if (status == 408 || status == 425 || status == 429 || status >= 500) {
			return SendResult.retry(status, error,
					Backoff.retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock.instant()));
		}
		return SendResult.failed(status, error + (status < 400 ? " (redirects are not followed)" : ""));
	}

	private static String excerpt(String body) {
		if (body == null || body.isBlank()) {
			return "";
		}
		String flat = body.strip().replaceAll("\\s+", " ");
		return ": " + (flat.length() > 300 ? flat.substring(0, 300) + "…" : flat);
	}

	private SendResult email(Channel channel, Messages.Message message, String idempotencyKey) {
		if (settings.smtp().host().isBlank()) {
			return SendResult.failed(null, "no SMTP server is configured (watchkeeper.notification.smtp.host)");
		}
		try {
			MimeMessage mime = mail.createMimeMessage();
			var helper = new MimeMessageHelper(mime, true, "UTF-8");
			helper.setFrom(settings.smtp().from());
			helper.setTo(channel.config().recipients().toArray(String[]::new));
			helper.setSubject(message.subject());
			helper.setText(message.text(), message.html());
			mime.setHeader("X-Watchkeeper-Delivery", idempotencyKey);
			mail.send(mime);
			return SendResult.succeeded(null);
		}
		catch (MailException | jakarta.mail.MessagingException ex) {
			return SmtpFailures.classify(ex);
		}
	}

	private static JavaMailSenderImpl mailSender(NotificationSettings settings) {
		var sender = new JavaMailSenderImpl();
		var smtp = settings.smtp();
		sender.setHost(smtp.host().isBlank() ? null : smtp.host());
		sender.setPort(smtp.port());
		if (!smtp.username().isBlank()) {
			sender.setUsername(smtp.username());
			sender.setPassword(smtp.password());
		}
		Properties properties = new Properties();
		properties.put("mail.smtp.auth", Boolean.toString(!smtp.username().isBlank()));
		properties.put("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
		properties.put("mail.smtp.starttls.required", Boolean.toString(smtp.starttls()));
		long connect = settings.connectTimeout().toMillis();
		long timeout = settings.requestTimeout().toMillis();
		properties.put("mail.smtp.connectiontimeout", Long.toString(connect));
		properties.put("mail.smtp.timeout", Long.toString(timeout));
		properties.put("mail.smtp.writetimeout", Long.toString(timeout));
		sender.setJavaMailProperties(properties);
		return sender;
	}

}
