package dev.watchkeeper.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON bodies each HTTP channel kind expects, as maps for the JSON writer. */
final class Payloads {

	private static final int SLACK_TEXT_LIMIT = 2900;

	private Payloads() {
	}

	/** Slack incoming webhook: a fallback text and blocks. */
	static Map<String, Object> slack(Messages.Message message, Notice notice) {
		String text = message.text().length() > SLACK_TEXT_LIMIT ? message.text().substring(0, SLACK_TEXT_LIMIT) + "\n…"
				: message.text();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("text", message.subject());
		List<Object> blocks = new java.util.ArrayList<>();
		blocks.add(Map.of("type", "header", "text",
				Map.of("type", "plain_text", "text", truncate(message.subject(), 150))));
		blocks.add(
				Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", "```" + slackEscape(text) + "```")));
		if (notice.link() != null) {
			blocks.add(Map.of("type", "actions", "elements", List.of(Map.of("type", "button", "text",
					Map.of("type", "plain_text", "text", "Open in Watchkeeper"), "url", notice.link()))));
		}
		body.put("blocks", blocks);
		return body;
	}

	/**
	 * A message to a person in the people's Slack channel: it mentions the person's
	 * member id, and each action is a button.
	 */
	static Map<String, Object> slackMention(String memberId, PersonalMessage message) {
		return slackPost("<@" + memberId + "> " + message.subject(), message);
	}

	/** A free-form message to a Slack channel: its text, and each action as a button. */
	static Map<String, Object> slackMessage(PersonalMessage message) {
		return slackPost(message.subject(), message);
	}

	private static Map<String, Object> slackPost(String mention, PersonalMessage message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("text", mention);
		List<Object> blocks = new java.util.ArrayList<>();
		String text = message.text() == null ? "" : truncate(message.text().strip(), SLACK_TEXT_LIMIT);
		blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text",
				slackEscape(mention) + (text.isEmpty() ? "" : "\n" + slackEscape(text)))));
		List<Object> buttons = new java.util.ArrayList<>();
		for (PersonalMessage.Action action : message.actions()) {
			buttons.add(Map.of("type", "button", "text", Map.of("type", "plain_text", "text", action.label()), "url",
					action.url()));
		}
		if (message.link() != null) {
			buttons.add(Map.of("type", "button", "text", Map.of("type", "plain_text", "text", "Open in Watchkeeper"),
					"url", message.link()));
		}
		if (!buttons.isEmpty()) {
			blocks.add(Map.of("type", "actions", "elements", buttons));
		}
		body.put("blocks", blocks);
		return body;
	}

	/** A message to a person's own webhook. */
	static Map<String, Object> personal(String address, PersonalMessage message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "page");
		body.put("to", address);
		body.put("subject", message.subject());
		body.put("text", message.text());
		body.put("link", message.link());
		body.put("actions", message.actions().stream().map(a -> Map.of("label", a.label(), "url", a.url())).toList());
		return body;
	}

	/** A free-form message to a webhook channel. */
	static Map<String, Object> channelMessage(String channelName, PersonalMessage message) {
		Map<String, Object> body = personal(channelName, message);
		body.put("type", "message");
		body.remove("to");
		body.put("channel", channelName);
		return body;
	}

	/**
	 * A free-form message to a Microsoft Teams channel: the card of its kind with the
	 * text and a button per action and the link.
	 */
	static Map<String, Object> teamsMessage(PersonalMessage message, String format) {
		List<Map<String, String>> links = new java.util.ArrayList<>();
		message.actions().forEach(a -> links.add(Map.of("label", a.label(), "url", a.url())));
		if (message.link() != null) {
			links.add(Map.of("label", "Open in Watchkeeper", "url", message.link()));
		}
		String text = message.text() == null ? "" : message.text().strip();
		if ("adaptivecard".equals(format)) {
			Map<String, Object> card = new LinkedHashMap<>();
			card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
			card.put("type", "AdaptiveCard");
			card.put("version", "1.4");
			card.put("body", List.of(Map.of("type", "TextBlock", "size", "Large", "weight", "Bolder", "wrap", true,
					"text", message.subject()), Map.of("type", "TextBlock", "wrap", true, "text", text)));
			card.put("actions",
					links.stream()
						.map(l -> Map.of("type", "Action.OpenUrl", "title", l.get("label"), "url", l.get("url")))
						.toList());
			return Map.of("type", "message", "attachments",
					List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content", card)));
		}
		Map<String, Object> card = new LinkedHashMap<>();
		card.put("@type", "MessageCard");
		card.put("@context", "https://schema.org/extensions");
		card.put("summary", message.subject());
		card.put("title", message.subject());
		card.put("text", "<pre>" + org.springframework.web.util.HtmlUtils.htmlEscape(text) + "</pre>");
		card.put("potentialAction",
				links.stream()
					.map(l -> Map.of("@type", "OpenUri", "name", l.get("label"), "targets",
							List.of(Map.of("os", "default", "uri", l.get("url")))))
					.toList());
		return card;
	}

	/**
	 * A message for the SMS/voice gateway: the number, the kind, and a short text (the
	 * subject and the first action's link) that fits an SMS, besides the whole message.
	 */
	static Map<String, Object> gateway(String kind, String number, PersonalMessage message) {
		Map<String, Object> body = personal(number, message);
		body.put("type", kind);
		String first = message.actions().isEmpty() ? message.link() : message.actions().get(0).url();
		body.put("short", truncate(message.subject(), 100) + (first == null ? "" : " " + first));
		return body;
	}

	/** Microsoft Teams: a MessageCard (connectors) or an Adaptive Card (workflows). */
	static Map<String, Object> teams(Messages.Message message, Notice notice, String format) {
		if ("adaptivecard".equals(format)) {
			Map<String, Object> card = new LinkedHashMap<>();
			card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
			card.put("type", "AdaptiveCard");
			card.put("version", "1.4");
			card.put("body", List.of(Map.of("type", "TextBlock", "size", "Large", "weight", "Bolder", "wrap", true,
					"text", message.subject()), Map.of("type", "TextBlock", "wrap", true, "text", message.text())));
			if (notice.link() != null) {
				card.put("actions", List
					.of(Map.of("type", "Action.OpenUrl", "title", "Open in Watchkeeper", "url", notice.link())));
			}
			return Map.of("type", "message", "attachments",
					List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content", card)));
		}
		Map<String, Object> card = new LinkedHashMap<>();
		card.put("@type", "MessageCard");
		card.put("@context", "https://schema.org/extensions");
		card.put("themeColor", "firing".equals(notice.status()) ? "D13438" : "2EB886");
		card.put("summary", message.subject());
		card.put("title", message.subject());
		card.put("text", "<pre>" + org.springframework.web.util.HtmlUtils.htmlEscape(message.text()) + "</pre>");
		if (notice.link() != null) {
			card.put("potentialAction", List.of(Map.of("@type", "OpenUri", "name", "Open in Watchkeeper", "targets",
					List.of(Map.of("os", "default", "uri", notice.link())))));
		}
		return card;
	}

	/**
	 * The generic webhook: Alertmanager's webhook payload (version 4) plus a few fields.
	 */
	static Map<String, Object> webhook(Notice notice, String channelName, String externalUrl, boolean test) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", "4");
		body.put("groupKey", notice.groupKey());
		body.put("truncatedAlerts", 0);
		body.put("status", notice.status());
		body.put("receiver", notice.receiver());
		body.put("groupLabels", orEmpty(notice.groupLabels()));
		body.put("commonLabels", orEmpty(notice.commonLabels()));
		body.put("commonAnnotations", orEmpty(notice.commonAnnotations()));
		body.put("externalURL", externalUrl);
		body.put("alerts", notice.alerts().stream().map(Payloads::alert).toList());
		body.put("link", notice.link());
		body.put("channel", channelName);
		body.put("test", test);
		return body;
	}

	private static Map<String, Object> alert(NoticeAlert alert) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", alert.status());
		body.put("labels", orEmpty(alert.labels()));
		body.put("annotations", orEmpty(alert.annotations()));
		body.put("startsAt", alert.startsAt() == null ? "0001-01-01T00:00:00Z" : alert.startsAt().toString());
		body.put("endsAt", alert.endsAt() == null ? "0001-01-01T00:00:00Z" : alert.endsAt().toString());
		body.put("generatorURL", alert.generatorUrl() == null ? "" : alert.generatorUrl());
		body.put("fingerprint", alert.fingerprint());
		return body;
	}

	/**
	 * PagerDuty Events API v2: trigger while anything fires, resolve when all resolved.
	 */
	static Map<String, Object> pagerDuty(Messages.Message message, Notice notice, String routingKey,
			String externalUrl) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("routing_key", routingKey);
		body.put("dedup_key", dedupKey(notice.groupKey()));
		if (!"firing".equals(notice.status())) {
			body.put("event_action", "resolve");
			return body;
		}
		body.put("event_action", "trigger");
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("summary", truncate(message.subject(), 1024));
		payload.put("source", notice.commonLabels() != null && notice.commonLabels().containsKey("service")
				? notice.commonLabels().get("service") : "watchkeeper");
		payload.put("severity", severity(notice.commonLabels()));
		payload.put("custom_details", Map.of("receiver", String.valueOf(notice.receiver()), "firing",
				Messages.firing(notice).size(), "details", message.text()));
		body.put("payload", payload);
		body.put("client", "Watchkeeper");
		body.put("client_url", notice.link() != null ? notice.link() : externalUrl);
		if (notice.link() != null) {
			body.put("links", List.of(Map.of("href", notice.link(), "text", "Open in Watchkeeper")));
		}
		return body;
	}

	/** Stable for a group: the same group always triggers and resolves one incident. */
	static String dedupKey(String groupKey) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(groupKey.getBytes(StandardCharsets.UTF_8));
			return "watchkeeper-" + HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String severity(Map<String, String> labels) {
		String severity = labels == null ? "" : labels.getOrDefault("severity", "").toLowerCase(Locale.ROOT);
		return switch (severity) {
			case "critical", "p0", "sev-1", "sev1" -> "critical";
			case "high", "error", "p1", "sev-2", "sev2" -> "error";
			case "medium", "warning", "warn", "p2", "sev-3", "sev3" -> "warning";
			default -> "info";
		};
	}

	private static String slackEscape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("```", "'''");
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private static Map<String, String> orEmpty(Map<String, String> map) {
		return map == null ? Map.of() : map;
	}

}
