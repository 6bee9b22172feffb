package dev.watchkeeper.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.web.util.HtmlUtils;

/**
 * Turns a notice into what people read: a subject line in Alertmanager's style
 * ({@code [FIRING:2] HighErrorRate checkout-api}), a text body and an HTML body. A
 * channel's own templates replace the defaults.
 */
final class Messages {

	static final String NO_RUNBOOK = "none - this alert has no runbook_url annotation; add one so responders know where to start";

	static final String DEFAULT_BODY = """
			{{STATUS}}: {{firingCount}} firing, {{resolvedCount}} resolved - {{groupLabelValues}} (receiver {{receiver}})
			{{#firing}}
			[FIRING] {{alertname}} since {{startsAt}}
			  Summary: {{summary}}
			  Description: {{description}}
			  Runbook: {{runbook}}
			  Labels: {{labels}}
			  Annotations: {{annotations}}
			  Source: {{generatorUrl}}
			{{/firing}}{{#resolved}}
			[RESOLVED] {{alertname}} ended {{endsAt}}
			  Summary: {{summary}}
			  Runbook: {{runbook}}
			  Labels: {{labels}}
			{{/resolved}}
			View in Watchkeeper: {{link}}
			""";

	private static final MessageTemplate BODY = MessageTemplate.parse(DEFAULT_BODY);

	/** What a notice says, ready for a channel. */
	record Message(String subject, String text, String html) {
	}

	private Messages() {
	}

	static Message render(Notice notice, ChannelConfig config, boolean test) {
		var values = values(notice);
		var sections = sections(notice);
		String subject = config.subjectTemplate() == null ? subject(notice)
				: MessageTemplate.parse(config.subjectTemplate()).render(values, sections).strip();
		if (test) {
			subject = "[TEST] " + subject;
		}
		String text = (config.bodyTemplate() == null ? BODY : MessageTemplate.parse(config.bodyTemplate()))
			.render(values, sections);
		String html = config.bodyTemplate() == null ? html(notice, subject)
				: "<pre style=\"font-family:inherit\">" + HtmlUtils.htmlEscape(text) + "</pre>";
		return new Message(subject.replaceAll("[\\r\\n]+", " "), text, html);
	}

	static String subject(Notice notice) {
		String status = notice.status().toUpperCase(Locale.ROOT);
		String count = "firing".equals(notice.status()) ? ":" + firing(notice).size() : "";
		return "[" + status + count + "] " + groupLabelValues(notice);
	}

	static String groupLabelValues(Notice notice) {
		Map<String, String> labels = notice.groupLabels() == null || notice.groupLabels().isEmpty()
				? Map.of("alertname", notice.commonLabels().getOrDefault("alertname", "alerts")) : notice.groupLabels();
		return String.join(" ", new TreeMap<>(labels).values());
	}

	static List<NoticeAlert> firing(Notice notice) {
		return notice.alerts().stream().filter(a -> "firing".equals(a.status())).toList();
	}

	static List<NoticeAlert> resolved(Notice notice) {
		return notice.alerts().stream().filter(a -> !"firing".equals(a.status())).toList();
	}

	static String runbook(NoticeAlert alert) {
		String url = alert.annotations() == null ? null : alert.annotations().get("runbook_url");
		return url == null || url.isBlank() ? NO_RUNBOOK : url;
	}

	private static Function<String, String> values(Notice notice) {
		return name -> switch (name) {
			case "status" -> notice.status();
			case "STATUS" -> notice.status().toUpperCase(Locale.ROOT);
			case "firingCount" -> Integer.toString(firing(notice).size());
			case "resolvedCount" -> Integer.toString(resolved(notice).size());
			case "alertCount" -> Integer.toString(notice.alerts().size());
			case "receiver" -> orNone(notice.receiver());
			case "groupKey" -> notice.groupKey();
			case "link" -> orNone(notice.link());
			case "groupLabelValues" -> groupLabelValues(notice);
			case "groupLabels" -> MessageTemplate.pairs(notice.groupLabels());
			case "commonLabels" -> MessageTemplate.pairs(notice.commonLabels());
			default -> lookup(name, Map.of("groupLabels.", orEmpty(notice.groupLabels()), "commonLabels.",
					orEmpty(notice.commonLabels()), "commonAnnotations.", orEmpty(notice.commonAnnotations())));
		};
	}

	private static Map<String, List<Function<String, String>>> sections(Notice notice) {
		return Map.of("alerts", notice.alerts().stream().map(Messages::alertValues).toList(), "firing",
				firing(notice).stream().map(Messages::alertValues).toList(), "resolved",
				resolved(notice).stream().map(Messages::alertValues).toList());
	}

	private static Function<String, String> alertValues(NoticeAlert alert) {
		Map<String, String> labels = orEmpty(alert.labels());
		Map<String, String> annotations = orEmpty(alert.annotations());
		return name -> switch (name) {
			case "status" -> alert.status();
			case "STATUS" -> alert.status().toUpperCase(Locale.ROOT);
			case "alertname" -> labels.getOrDefault("alertname", "");
			case "labels" -> MessageTemplate.pairs(labels);
			case "annotations" -> {
				Map<String, String> rest = new LinkedHashMap<>(annotations);
				rest.keySet().removeAll(List.of("summary", "description", "runbook_url"));
				yield rest.isEmpty() ? "(none)" : MessageTemplate.pairs(rest);
			}
			case "summary" -> orNone(annotations.get("summary"));
			case "description" -> orNone(annotations.get("description"));
			case "runbook" -> runbook(alert);
			case "startsAt" -> alert.startsAt() == null ? "(unknown)" : alert.startsAt().toString();
			case "endsAt" -> alert.endsAt() == null ? "(not yet)" : alert.endsAt().toString();
			case "generatorUrl" -> orNone(alert.generatorUrl());
			case "fingerprint" -> orNone(alert.fingerprint());
			default -> name.startsWith("labels.") || name.startsWith("annotations.")
					? lookup(name, Map.of("labels.", labels, "annotations.", annotations)) : null;
		};
	}

	private static String lookup(String name, Map<String, Map<String, String>> byPrefix) {
		for (var entry : byPrefix.entrySet()) {
			if (name.startsWith(entry.getKey())) {
				return entry.getValue().getOrDefault(name.substring(entry.getKey().length()), "");
			}
		}
		return "";
	}

	private static String html(Notice notice, String subject) {
		StringBuilder html = new StringBuilder("<html><body style=\"font-family:sans-serif\">");
		html.append("<h2>").append(esc(subject)).append("</h2>");
		html.append("<p>Receiver: ").append(esc(orNone(notice.receiver()))).append("</p>");
		for (NoticeAlert alert : notice.alerts()) {
			Map<String, String> annotations = orEmpty(alert.annotations());
			html.append("<div style=\"border-left:4px solid ")
				.append("firing".equals(alert.status()) ? "#d13438" : "#2eb886")
				.append(";padding-left:8px;margin:12px 0\">");
			html.append("<h3>[")
				.append(esc(alert.status().toUpperCase(Locale.ROOT)))
				.append("] ")
				.append(esc(orEmpty(alert.labels()).getOrDefault("alertname", "")))
				.append("</h3>");
			html.append("<p><b>Summary:</b> ").append(esc(orNone(annotations.get("summary")))).append("<br>");
			html.append("<b>Description:</b> ").append(esc(orNone(annotations.get("description")))).append("<br>");
			String runbook = runbook(alert);
			html.append("<b>Runbook:</b> ")
				.append(runbook.equals(NO_RUNBOOK) ? esc(runbook)
						: "<a href=\"" + esc(runbook) + "\">" + esc(runbook) + "</a>")
				.append("</p>");
			html.append("<table>");
			new TreeMap<>(orEmpty(alert.labels())).forEach((k, v) -> html.append("<tr><td><code>")
				.append(esc(k))
				.append("</code></td><td>")
				.append(esc(v))
				.append("</td></tr>"));
			html.append("</table>");
			html.append("<p>Started ").append(alert.startsAt() == null ? "(unknown)" : alert.startsAt());
			if (alert.endsAt() != null) {
				html.append(", ended ").append(alert.endsAt());
			}
			html.append("</p></div>");
		}
		if (notice.link() != null) {
			html.append("<p><a href=\"")
				.append(esc(notice.link()))
				.append("\">View in Watchkeeper</a> ")
				.append(esc(notice.link()))
				.append("</p>");
		}
		return html.append("</body></html>").toString();
	}

	/**
	 * A message to a person as plain text: its text, then each action and the link on a
	 * line of its own, so a phone's mail client makes them tappable.
	 */
	static String personalText(PersonalMessage message) {
		StringBuilder text = new StringBuilder(message.text() == null ? "" : message.text().strip()).append("\n\n");
		for (PersonalMessage.Action action : message.actions()) {
			text.append(action.label()).append(": ").append(action.url()).append('\n');
		}
		if (message.link() != null) {
			text.append("Open in Watchkeeper: ").append(message.link()).append('\n');
		}
		return text.toString();
	}

	/** A message to a person as HTML: its text, then a button per action and the link. */
	static String personalHtml(PersonalMessage message) {
		StringBuilder html = new StringBuilder("<html><body style=\"font-family:sans-serif\">");
		html.append("<h2>").append(esc(message.subject())).append("</h2>");
		html.append("<pre style=\"font-family:inherit;white-space:pre-wrap\">")
			.append(esc(message.text() == null ? "" : message.text().strip()))
			.append("</pre><p>");
		for (PersonalMessage.Action action : message.actions()) {
			html.append("<a href=\"")
				.append(esc(action.url()))
				.append("\" style=\"display:inline-block;padding:10px 16px;margin:0 8px 8px 0;background:#0b5cad;")
				.append("color:#ffffff;text-decoration:none;border-radius:4px\">")
				.append(esc(action.label()))
				.append("</a>");
		}
		html.append("</p>");
		if (message.link() != null) {
			html.append("<p><a href=\"")
				.append(esc(message.link()))
				.append("\">Open in Watchkeeper</a> ")
				.append(esc(message.link()))
				.append("</p>");
		}
		return html.append("</body></html>").toString();
	}

	private static String esc(String value) {
		return HtmlUtils.htmlEscape(value);
	}

	private static String orNone(String value) {
		return value == null || value.isBlank() ? "(none)" : value;
	}

	private static Map<String, String> orEmpty(Map<String, String> map) {
		return map == null ? Map.of() : map;
	}

}
