package dev.watchkeeper.notification;

import java.util.List;

/**
 * The settings of a channel; which fields apply depends on its kind.
 *
 * @param url slack, teams and webhook: where to post (secret); pagerduty: the Events API
 * v2 endpoint (default {@value #PAGERDUTY_URL})
 * @param recipients email: the addresses to send to
 * @param routingKey pagerduty: the integration's routing key (secret)
 * @param signingSecret webhook: the Standard Webhooks secret {@code whsec_<base64>}
 * (secret); generated when not given
 * @param format teams: {@code messagecard} (default) or {@code adaptivecard}
 * @param subjectTemplate overrides the subject (email) or title (other kinds)
 * @param bodyTemplate overrides the text body (email, Slack, Teams, PagerDuty summary
 * details)
 */
public record ChannelConfig(String url, List<String> recipients, String routingKey, String signingSecret, String format,
		String subjectTemplate, String bodyTemplate) {

	public static final String PAGERDUTY_URL = "https://events.pagerduty.com/v2/enqueue";

	public ChannelConfig {
		recipients = recipients == null ? List.of() : List.copyOf(recipients);
	}

}
