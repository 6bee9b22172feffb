package dev.watchkeeper.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * One condition on an HTTP answer, e.g. {@code status == 200},
 * {@code response_time < 500}, {@code header.Content-Type == "application/json"},
 * {@code $.status == "healthy"} or {@code $.checks.* == "healthy"}: a JSON path with
 * {@code *} must hold for every match, and a failure names the matched path (the failing
 * dependency).
 */
record Condition(String text, String subject, String operator, Object expected) {

	private static final Pattern SYNTAX = Pattern
		.compile("\\s*(status|response_time|body|header\\.[A-Za-z0-9-]+|\\$(?:\\.[^\\s.=!<>]+)*)\\s*"
				+ "(==|!=|<=|>=|<|>|contains)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?|true|false|null)\\s*");

	/** The problem with {@code text}, or the parsed condition. */
	static Condition parse(String text) {
		Matcher m = text == null ? null : SYNTAX.matcher(text);
		if (m == null || !m.matches()) {
			throw new IllegalArgumentException(
					"must be <status|response_time|body|header.Name|$.json.path> <==|!=|<|<=|>|>=|contains> <number|\"text\"|true|false|null>");
		}
		String subject = m.group(1);
		String operator = m.group(2);
		Object expected = literal(m.group(3));
		boolean ordering = operator.startsWith("<") || operator.startsWith(">");
		if (ordering && !(expected instanceof Double)) {
			throw new IllegalArgumentException(operator + " needs a number");
		}
		if ((subject.equals("status") || subject.equals("response_time")) && !(expected instanceof Double)) {
			throw new IllegalArgumentException(subject + " compares with a number");
		}
		return new Condition(text.trim(), subject, operator, expected);
	}

	private static Object literal(String token) {
		if (token.startsWith("\"")) {
			return token.substring(1, token.length() - 1).replaceAll("\\\\(.)", "$1");
		}
		return switch (token) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			case "null" -> null;
			default -> Double.valueOf(token);
		};
	}

	/** The answer a condition is evaluated against. */
	record Answer(int status, double responseTimeMs, Map<String, List<String>> headers, String body,
			Optional<JsonNode> json) {
	}

	/** Empty when the condition holds, else what failed. */
	Optional<String> failure(Answer answer) {
		if (subject.equals("status")) {
			return compare("status", String.valueOf(answer.status()), (double) answer.status());
		}
		if (subject.equals("response_time")) {
			return compare("response_time", Math.round(answer.responseTimeMs()) + " ms", answer.responseTimeMs());
		}
		if (subject.equals("body")) {
			return compare("body", answer.body(), null);
		}
		if (subject.startsWith("header.")) {
			String name = subject.substring("header.".length());
			String value = answer.headers()
				.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst()
				.orElse(null);
			return compare(subject, value, null);
		}
		if (answer.json().isEmpty()) {
			return Optional.of(subject + ": the body is not JSON");
		}
		List<Map.Entry<String, JsonNode>> matches = new ArrayList<>();
		select(answer.json().get(), "$", subject.substring(1), matches);
		if (matches.isEmpty()) {
			return Optional.of(subject + " not found");
		}
		for (Map.Entry<String, JsonNode> match : matches) {
			JsonNode node = match.getValue();
			String text = node.isNull() ? null : node.isValueNode() ? node.asString() : node.toString();
			Double number = node.isNumber() ? Double.valueOf(node.asDouble()) : parseNumber(text);
			Optional<String> failed = compare(match.getKey(), text, number);
			if (failed.isPresent()) {
				return failed;
			}
		}
		return Optional.empty();
	}

	/**
	 * Walks {@code path} (like {@code .checks.*.status}) collecting matches with their
	 * concrete paths.
	 */
	private static void select(JsonNode node, String at, String path, List<Map.Entry<String, JsonNode>> into) {
		if (path.isEmpty()) {
			into.add(Map.entry(at, node));
			return;
		}
		int next = path.indexOf('.', 1);
		String step = next < 0 ? path.substring(1) : path.substring(1, next);
		String rest = next < 0 ? "" : path.substring(next);
		if (step.equals("*")) {
			if (node.isObject()) {
				for (var property : node.properties()) {
					select(property.getValue(), at + "." + property.getKey(), rest, into);
				}
			}
			else if (node.isArray()) {
				for (int i = 0; i < node.size(); i++) {
					select(node.get(i), at + "[" + i + "]", rest, into);
				}
			}
			return;
		}
		JsonNode child = node.isArray() && step.matches("\\d+") ? node.get(Integer.parseInt(step)) : node.get(step);
		if (child != null && !child.isMissingNode()) {
			select(child, at + "." + step, rest, into);
		}
	}

	private Optional<String> compare(String what, String actual, Double number) {
		boolean holds = switch (operator) {
			case "==" -> equal(actual, number);
			case "!=" -> !equal(actual, number);
			case "contains" -> actual != null && expected != null && actual.contains(expected.toString());
			default -> number != null && order(number, (Double) expected);
		};
		if (holds) {
			return Optional.empty();
		}
		String shown = actual == null ? "absent" : actual.length() > 200 ? actual.substring(0, 200) + "…" : actual;
		return Optional.of(what + " is " + shown + ", expected " + operator + " " + show(expected));
	}

	private boolean equal(String actual, Double number) {
		if (expected == null) {
			return actual == null;
		}
		if (expected instanceof Double value) {
			return number != null && number.doubleValue() == value.doubleValue();
		}
		return expected.toString().equals(actual);
	}

	private boolean order(double actual, double bound) {
		return switch (operator) {
			case "<" -> actual < bound;
			case "<=" -> actual <= bound;
			case ">" -> actual > bound;
			default -> actual >= bound;
		};
	}

	private static Double parseNumber(String text) {
		try {
			return text == null ? null : Double.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String show(Object value) {
		if (value instanceof String text) {
			return "\"" + text + "\"";
		}
		if (value instanceof Double number && number == Math.rint(number)) {
			return String.valueOf(number.longValue());
		}
		return String.valueOf(value);
	}

}
