package dev.watchkeeper.monitoring.metrics;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label matcher of a selector: {@code =}, {@code !=}, {@code =~} or {@code !~}.
 * Regular expressions are fully anchored and compiled once.
 */
public record LabelMatcher(String name, Type type, String value, Pattern pattern) {

	/** The four matcher operators. */
	public enum Type {

		EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

		private final String symbol;

		Type(String symbol) {
			this.symbol = symbol;
		}

		public String symbol() {
			return symbol;
		}

	}

	public static LabelMatcher of(String name, Type type, String value) {
		Pattern pattern = null;
		if (type == Type.REGEX || type == Type.NOT_REGEX) {
			try {
				pattern = compileAnchored(value);
			}
			catch (PatternSyntaxException ex) {
				throw new IllegalArgumentException(
						"invalid regular expression " + quote(value) + ": " + ex.getDescription(), ex);
			}
		}
		return new LabelMatcher(name, type, value, pattern);
	}

	/**
	 * Compiles a regular expression in RE2 syntax, anchored at both ends as Prometheus
	 * anchors them. Go's named groups {@code (?P<name>...)} become Java's
	 * {@code (?<name>...)}.
	 */
	public static Pattern compileAnchored(String regex) {
		return Pattern.compile("^(?:" + regex.replace("(?P<", "(?<") + ")$", Pattern.DOTALL);
	}

	public static LabelMatcher equal(String name, String value) {
		return of(name, Type.EQUAL, value);
	}

	/** Whether a label value (empty when the label is missing) matches. */
	public boolean matches(String labelValue) {
		return switch (type) {
			case EQUAL -> value.equals(labelValue);
			case NOT_EQUAL -> !value.equals(labelValue);
			case REGEX -> pattern.matcher(labelValue).matches();
			case NOT_REGEX -> !pattern.matcher(labelValue).matches();
		};
	}

	public boolean matchesEmpty() {
		return matches("");
	}

	@Override
	public String toString() {
		return name + type.symbol + quote(value);
	}

	private static String quote(String s) {
		return "\"" + Labels.escape(s) + "\"";
	}

}
