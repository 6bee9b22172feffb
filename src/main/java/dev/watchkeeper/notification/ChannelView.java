package dev.watchkeeper.notification;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A channel as the API and UI show it: secrets masked, except a signing secret right
 * after it was created.
 *
 * @param id the channel's id
 * @param name its unique name
 * @param kind email, slack, teams, webhook or pagerduty
 * @param sendResolved whether resolved notices are sent
 * @param url the URL; masked for kinds whose URL is a secret
 * @param recipients email recipients
 * @param routingKey PagerDuty routing key, masked
 * @param signingSecret webhook signing secret: in full only in the answer to create
 * @param format Teams card format
 * @param subjectTemplate subject override
 * @param bodyTemplate body override
 * @param createdAt when created
 * @param updatedAt when last changed
 */
public record ChannelView(UUID id, String name, String kind, boolean sendResolved, String url, List<String> recipients,
		String routingKey, String signingSecret, String format, String subjectTemplate, String bodyTemplate,
		Instant createdAt, Instant updatedAt) {

	static final String MASK = "****";

	static ChannelView masked(Channel channel) {
		ChannelConfig config = channel.config();
		return new ChannelView(channel.id(), channel.name(), channel.kind(), channel.sendResolved(),
				"pagerduty".equals(channel.kind()) ? config.url() : maskUrl(config.url()), config.recipients(),
				config.routingKey() == null ? null : MASK + tail(config.routingKey()),
				config.signingSecret() == null ? null : WebhookSignature.PREFIX + MASK, config.format(),
				config.subjectTemplate(), config.bodyTemplate(), channel.createdAt(), channel.updatedAt());
	}

	static ChannelView revealingSigningSecret(Channel channel) {
		ChannelView view = masked(channel);
		return new ChannelView(view.id(), view.name(), view.kind(), view.sendResolved(), view.url(), view.recipients(),
				view.routingKey(), channel.config().signingSecret(), view.format(), view.subjectTemplate(),
				view.bodyTemplate(), view.createdAt(), view.updatedAt());
	}

	static boolean isMasked(String value) {
		return value != null && value.contains(MASK);
	}

	private static String maskUrl(String url) {
		if (url == null) {
			return null;
		}
		try {
			URI uri = URI.create(url);
			return uri.getScheme() + "://" + uri.getAuthority() + "/" + MASK;
		}
		catch (IllegalArgumentException ex) {
			return MASK;
		}
	}

	private static String tail(String value) {
		return value.length() <= 8 ? "" : value.substring(value.length() - 4);
	}

}
