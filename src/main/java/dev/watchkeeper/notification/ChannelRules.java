package dev.watchkeeper.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What a valid channel looks like; every broken rule is reported at once. */
final class ChannelRules {

	static final List<String> KINDS = List.of("email", "slack", "teams", "webhook", "pagerduty");

	static final Set<String> TEAMS_FORMATS = Set.of("messagecard", "adaptivecard");

	static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}");

	static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\".]+");

	static final int MAX_RECIPIENTS = 50;

	private ChannelRules() {
	}

	/** Checks a channel whose secrets are already resolved (kept or generated). */
	static Map<String, String> check(String name, String kind, ChannelConfig config) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (name == null || !NAME.matcher(name.trim()).matches()) {
			errors.put("name",
					"must be 1 to 100 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit");
		}
		if (kind == null || !KINDS.contains(kind)) {
			errors.put("kind", "must be one of " + String.join(", ", KINDS));
			return errors;
		}
		switch (kind) {
			case "email" -> recipients(config.recipients(), errors);
			case "slack", "teams", "webhook" -> url(config.url(), true, errors);
			case "pagerduty" -> {
				url(config.url(), false, errors);
				if (config.routingKey() == null || config.routingKey().isBlank()) {
					errors.put("routingKey",
							"is required: the integration key of a PagerDuty Events API v2 integration");
				}
				else if (config.routingKey().length() > 128
						|| config.routingKey().chars().anyMatch(Character::isWhitespace)) {
					errors.put("routingKey", "must be at most 128 characters without spaces");
				}
			}
			default -> throw new IllegalStateException(kind);
		}
		if ("webhook".equals(kind) && config.signingSecret() != null) {
			String problem = WebhookSignature.problem(config.signingSecret());
			if (problem != null) {
				errors.put("signingSecret", problem);
			}
		}
		if ("teams".equals(kind) && config.format() != null && !TEAMS_FORMATS.contains(config.format())) {
			errors.put("format", "must be messagecard or adaptivecard");
		}
		template("subjectTemplate", config.subjectTemplate(), errors);
		template("bodyTemplate", config.bodyTemplate(), errors);
		return errors;
	}

	private static void recipients(List<String> recipients, Map<String, String> errors) {
		if (recipients.isEmpty()) {
			errors.put("recipients", "at least one email address is needed");
			return;
		}
		if (recipients.size() > MAX_RECIPIENTS) {
			errors.put("recipients", "must be at most " + MAX_RECIPIENTS);
		}
		for (int i = 0; i < recipients.size(); i++) {
			String address = recipients.get(i);
			if (address == null || address.length() > 254 || !EMAIL.matcher(address.trim()).matches()) {
				errors.put("recipients[" + i + "]", "must be an email address such as oncall@example.com");
			}
		}
	}

	private static void url(String url, boolean required, Map<String, String> errors) {
		if (url == null || url.isBlank()) {
			if (required) {
				errors.put("url", "is required");
			}
			return;
		}
		if (!isWebUrl(url)) {
			errors.put("url", "must be an absolute http or https URL");
		}
	}

	private static void template(String field, String template, Map<String, String> errors) {
		if (template == null) {
			return;
		}
		try {
			MessageTemplate.parse(template);
		}
		catch (IllegalArgumentException ex) {
			errors.put(field, ex.getMessage());
		}
	}

	static boolean isWebUrl(String value) {
		try {
			URI uri = new URI(value.trim());
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
