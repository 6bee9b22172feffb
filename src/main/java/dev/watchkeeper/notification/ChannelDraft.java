package dev.watchkeeper.notification;

import java.util.List;

/**
 * The editable fields of a channel. On update, a secret left empty or sent back masked
 * keeps its stored value.
 *
 * @param name unique, case-insensitively
 * @param kind email, slack, teams, webhook or pagerduty (cannot change later)
 * @param sendResolved whether resolved notices are sent; true when null
 * @param url see {@link ChannelConfig#url()}
 * @param recipients email addresses (email)
 * @param routingKey PagerDuty routing key (pagerduty)
 * @param signingSecret {@code whsec_…} (webhook); generated when empty on create
 * @param format {@code messagecard} or {@code adaptivecard} (teams)
 * @param subjectTemplate optional subject override
 * @param bodyTemplate optional body override
 */
public record ChannelDraft(String name, String kind, Boolean sendResolved, String url, List<String> recipients,
		String routingKey, String signingSecret, String format, String subjectTemplate, String bodyTemplate) {
}
