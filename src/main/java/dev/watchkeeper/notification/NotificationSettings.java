package dev.watchkeeper.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery settings, bound from {@code watchkeeper.notification.*}.
 *
 * @param pollInterval how often workers look for due deliveries besides being woken after
 * each commit
 * @param backoffBase the wait before the first retry; doubles with each failed attempt
 * @param backoffMax the longest wait between two attempts
 * @param maxRetryDuration how long after enqueueing a delivery is retried before it fails
 * @param lease how long a claimed delivery is reserved for its worker; after a crash it
 * is due again when its lease runs out. Must be longer than the request timeout
 * @param batchSize the most deliveries one worker claims at once
 * @param connectTimeout outbound HTTP connect timeout
 * @param requestTimeout outbound HTTP request timeout
 * @param externalUrl Watchkeeper's address as people reach it, for links in messages
 * @param smtp the SMTP server email channels and emails to people go through
 * @param people how messages to one person leave through contact methods that need more
 * than an address
 */
@ConfigurationProperties("watchkeeper.notification")
public record NotificationSettings(@DefaultValue("1s") Duration pollInterval, @DefaultValue("5s") Duration backoffBase,
		@DefaultValue("10m") Duration backoffMax, @DefaultValue("24h") Duration maxRetryDuration,
		@DefaultValue("60s") Duration lease, @DefaultValue("20") int batchSize,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration requestTimeout,
		@DefaultValue("http://localhost:8000") String externalUrl, @DefaultValue Smtp smtp,
		@DefaultValue People people) {

	/**
	 * The SMTP server.
	 *
	 * @param host host name; empty means email channels cannot send
	 * @param port port
	 * @param username user name, if the server wants one
	 * @param password password, if the server wants one
	 * @param from the sender address
	 * @param starttls whether to require STARTTLS
	 */
	public record Smtp(@DefaultValue("") String host, @DefaultValue("25") int port, @DefaultValue("") String username,
			@DefaultValue("") String password, @DefaultValue("watchkeeper@localhost") String from,
			@DefaultValue("false") boolean starttls) {
	}

	/**
	 * Delivery to people's contact methods.
	 *
	 * @param slackChannel the Slack channel (its name in Watchkeeper) that messages to a
	 * person's Slack member id are posted into, mentioning them; empty means Slack
	 * contacts cannot be reached
	 * @param gatewayUrl the SMS/voice gateway messages to phone numbers are posted to as
	 * JSON; empty means SMS and voice contacts cannot be reached
	 * @param signingSecret a Standard Webhooks secret ({@code whsec_…}) that signs posts
	 * to the gateway and to people's webhook contacts; empty sends them unsigned
	 */
	public record People(@DefaultValue("") String slackChannel, @DefaultValue("") String gatewayUrl,
			@DefaultValue("") String signingSecret) {
	}

}
