package dev.watchkeeper.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, safe text template: {@code {{name}}} placeholders and
 * {@code {{#alerts}}…{{/alerts}}} (also {@code #firing}, {@code #resolved}) sections that
 * repeat for each alert. Nothing is evaluated beyond looking names up, and unknown names
 * are refused when the template is saved, so a template can neither run code nor fail
 * when a notice is sent.
 */
final class MessageTemplate {

	static final int MAX_LENGTH = 10_000;

	/** Names available outside a section. */
	static final Set<String> NOTICE_NAMES = Set.of("status", "STATUS", "firingCount", "resolvedCount", "alertCount",
			"receiver", "groupKey", "link", "groupLabelValues", "groupLabels", "commonLabels");

	/** Prefixes for one label or annotation, e.g. {@code commonLabels.service}. */
	static final Set<String> NOTICE_PREFIXES = Set.of("groupLabels.", "commonLabels.", "commonAnnotations.");

	/** Names available inside a section, for one alert. */
	static final Set<String> ALERT_NAMES = Set.of("status", "STATUS", "alertname", "labels", "annotations", "summary",
			"description", "runbook", "startsAt", "endsAt", "generatorUrl", "fingerprint", "link");

	static final Set<String> ALERT_PREFIXES = Set.of("labels.", "annotations.");

	static final Set<String> SECTIONS = Set.of("alerts", "firing", "resolved");

	private static final Pattern TAG = Pattern.compile("\\{\\{\\s*([#/]?)([A-Za-z][A-Za-z0-9_.-]*)\\s*}}");

	private sealed interface Part {

	}

	private record Literal(String text) implements Part {
	}

	private record Placeholder(String name) implements Part {
	}

	private record Section(String name, List<Part> body) implements Part {
	}

	private final List<Part> parts;

	private MessageTemplate(List<Part> parts) {
		this.parts = parts;
	}

	/** Parses and checks a template; the message says what is wrong. */
	static MessageTemplate parse(String source) {
		if (source.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
		}
		List<List<Part>> stack = new ArrayList<>();
		List<String> open = new ArrayList<>();
		List<Part> current = new ArrayList<>();
		Matcher matcher = TAG.matcher(source);
		int at = 0;
		while (matcher.find()) {
			if (matcher.start() > at) {
				current.add(new Literal(source.substring(at, matcher.start())));
			}
			at = matcher.end();
			String kind = matcher.group(1);
			String name = matcher.group(2);
			if ("#".equals(kind)) {
				if (!SECTIONS.contains(name)) {
					throw new IllegalArgumentException(
							"unknown section {{#" + name + "}}; use alerts, firing or resolved");
				}
				if (!open.isEmpty()) {
					throw new IllegalArgumentException("sections cannot be nested: {{#" + name + "}} inside {{#"
							+ open.get(open.size() - 1) + "}}");
				}
				stack.add(current);
				open.add(name);
				current = new ArrayList<>();
			}
			else if ("/".equals(kind)) {
				if (open.isEmpty() || !open.get(open.size() - 1).equals(name)) {
					throw new IllegalArgumentException("{{/" + name + "}} closes no open section");
				}
				List<Part> body = current;
				current = stack.remove(stack.size() - 1);
				current.add(new Section(open.remove(open.size() - 1), List.copyOf(body)));
			}
			else {
				boolean inAlert = !open.isEmpty();
				if (!(known(name, NOTICE_NAMES, NOTICE_PREFIXES)
						|| inAlert && known(name, ALERT_NAMES, ALERT_PREFIXES))) {
					throw new IllegalArgumentException("unknown placeholder {{" + name + "}}"
							+ (inAlert ? "" : " (alert fields only inside {{#alerts}}…{{/alerts}})"));
				}
				current.add(new Placeholder(name));
			}
		}
		if (!open.isEmpty()) {
			throw new IllegalArgumentException("{{#" + open.get(0) + "}} is not closed");
		}
		if (source.indexOf("{{", at) >= 0) {
			throw new IllegalArgumentException("a {{ is not a valid placeholder");
		}
		current.add(new Literal(source.substring(at)));
		return new MessageTemplate(List.copyOf(current));
	}

	private static boolean known(String name, Set<String> names, Set<String> prefixes) {
		return names.contains(name)
				|| prefixes.stream().anyMatch(p -> name.startsWith(p) && name.length() > p.length());
	}

	/**
	 * Renders for a notice; {@code values} answers notice names, {@code alert} per alert.
	 */
	String render(Function<String, String> values, Map<String, List<Function<String, String>>> sections) {
		StringBuilder out = new StringBuilder();
		for (Part part : parts) {
			switch (part) {
				case Literal literal -> out.append(literal.text());
				case Placeholder placeholder -> out.append(values.apply(placeholder.name()));
				case Section section -> {
					for (Function<String, String> alert : sections.getOrDefault(section.name(), List.of())) {
						for (Part inner : section.body()) {
							switch (inner) {
								case Literal literal -> out.append(literal.text());
								case Placeholder placeholder -> {
									String value = alert.apply(placeholder.name());
									out.append(value != null ? value : values.apply(placeholder.name()));
								}
								case Section nested -> throw new IllegalStateException("nested " + nested.name());
							}
						}
					}
				}
			}
		}
		return out.toString();
	}

	/** {@code a=1, b=2}, sorted by name. */
	static String pairs(Map<String, String> map) {
		return String.join(", ",
				new TreeMap<>(map == null ? Map.of() : map).entrySet()
					.stream()
					.map(e -> e.getKey() + "=" + e.getValue())
					.toList());
	}

}
