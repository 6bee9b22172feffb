package dev.watchkeeper.alerting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.watchkeeper.platform.DomainException;

/**
 * A label matcher as Alertmanager and Prometheus write them: {@code =}, {@code !=},
 * {@code =~} and {@code !~}; regular expressions match the whole value. An invalid
 * expression is refused when the matcher is made, not when it is used.
 *
 * @param name the label name
 * @param op one of {@code =}, {@code !=}, {@code =~}, {@code !~}
 * @param value the value or regular expression
 */
public record Matcher(String name, String op, String value) {

	private static final Pattern TEXT = Pattern
		.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^,\"]*?)\\s*(?:,|$)");

	public Matcher {
		if (name == null || !AlertValidation.isLabelName(name)) {
			throw DomainException.invalid("matchers", "'" + name + "' is not a label name");
		}
		if (!List.of("=", "!=", "=~", "!~").contains(op)) {
			throw DomainException.invalid("matchers", "operator must be =, !=, =~ or !~ (got '" + op + "')");
		}
		value = value == null ? "" : value;
		if (op.endsWith("~")) {
			try {
				// compiled once: checked here, kept for matching
				compiled(value);
			}
			catch (PatternSyntaxException ex) {
				throw DomainException.invalid("matchers",
						"invalid regular expression for " + name + ": " + ex.getDescription());
			}
		}
	}

	public boolean matches(Map<String, String> labels) {
		String actual = labels.getOrDefault(name, "");
		return switch (op) {
			case "=" -> actual.equals(value);
			case "!=" -> !actual.equals(value);
			case "=~" -> compiled(value).matcher(actual).matches();
			case "!~" -> !compiled(value).matcher(actual).matches();
			default -> false;
		};
	}

	/**
	 * Compiled expressions, shared: silences, routes and inhibition rules are matched
	 * against every alert, and compiling on each match would dominate the cost. Bounded:
	 * cleared when full, as expressions are few in practice.
	 */
	private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

	private static final int MAX_PATTERNS = 10_000;

	private static Pattern compiled(String regex) {
		Pattern pattern = PATTERNS.get(regex);
		if (pattern == null) {
			if (PATTERNS.size() >= MAX_PATTERNS) {
				PATTERNS.clear();
			}
			pattern = PATTERNS.computeIfAbsent(regex, Pattern::compile);
		}
		return pattern;
	}

	/** Whether this matcher alone would match alerts lacking the label. */
	boolean matchesEmpty() {
		return matches(Map.of());
	}

	@Override
	public String toString() {
		return name + op + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/** Parses {@code alertname="HighErrorRate", service=~"check.*"}. */
	public static List<Matcher> parse(String text) {
		List<Matcher> matchers = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return matchers;
		}
		String body = text.trim();
		if (body.startsWith("{") && body.endsWith("}")) {
			body = body.substring(1, body.length() - 1);
		}
		var m = TEXT.matcher(body);
		int at = 0;
		while (at < body.length() && m.find(at) && m.start() == at) {
			String raw = m.group(3).trim();
			String value = raw.startsWith("\"")
					? raw.substring(1, raw.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\") : raw;
			matchers.add(new Matcher(m.group(1), m.group(2), value));
			at = m.end();
			if (m.end() == m.start()) {
				break;
			}
		}
		if (at < body.trim().length()) {
			throw DomainException.invalid("matchers", "cannot read matchers after '" + body.substring(0, at)
					+ "'; write them as name=\"value\", name=~\"regex\", separated by commas");
		}
		return matchers;
	}

}
