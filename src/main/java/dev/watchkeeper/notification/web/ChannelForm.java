package dev.watchkeeper.notification.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.notification.ChannelDraft;
import dev.watchkeeper.notification.ChannelView;
import dev.watchkeeper.platform.DomainException;

/**
 * The channel form as the browser posts it: recipients one per line or comma-separated,
 * send-resolved as a checkbox.
 *
 * @param name name
 * @param kind kind
 * @param sendResolved "on" when checked
 * @param url URL
 * @param recipients email addresses
 * @param routingKey PagerDuty routing key
 * @param signingSecret webhook signing secret
 * @param format Teams card format
 * @param subjectTemplate subject override
 * @param bodyTemplate body override
 */
record ChannelForm(String name, String kind, String sendResolved, String url, String recipients, String routingKey,
		String signingSecret, String format, String subjectTemplate, String bodyTemplate) {

	static ChannelForm empty() {
		return new ChannelForm("", "webhook", "on", "", "", "", "", "messagecard", "", "");
	}

	static ChannelForm of(ChannelView channel) {
		return new ChannelForm(channel.name(), channel.kind(), channel.sendResolved() ? "on" : null,
				nullToEmpty(channel.url()), String.join("\n", channel.recipients()), nullToEmpty(channel.routingKey()),
				nullToEmpty(channel.signingSecret()), nullToEmpty(channel.format()),
				nullToEmpty(channel.subjectTemplate()), nullToEmpty(channel.bodyTemplate()));
	}

	ChannelDraft draft() {
		List<String> list = recipients == null ? List.of()
				: Arrays.stream(recipients.split("[,;\\n\\r]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
		return new ChannelDraft(name, kind, sendResolved != null, url, list, routingKey, signingSecret,
				"teams".equals(kind) ? format : null, subjectTemplate, bodyTemplate);
	}

	/**
	 * Field errors keyed by form field: {@code recipients[2]} becomes {@code recipients}.
	 */
	static Map<String, String> formErrors(DomainException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (ex.fieldErrors().isEmpty()) {
			errors.put("name", ex.getMessage());
		}
		for (DomainException.FieldError error : ex.fieldErrors()) {
			String field = error.field().replaceAll("\\[\\d+]$", "");
			String message = error.field().equals(field) ? error.message() : error.field() + " " + error.message();
			errors.merge(field, message, (a, b) -> a + "; " + b);
		}
		return errors;
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

}
