package dev.watchkeeper.monitoring.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads the Prometheus text exposition format, one sample a line:
 * {@code name{label="value",...} value [timestamp-ms]}; {@code #} lines are comments. A
 * sample without a timestamp takes the default one.
 */
public final class TextExposition {

	/** One parsed sample. */
	public record Sample(Labels labels, long timestampMillis, double value) {
	}

	/** A line that is not a valid sample; {@code line} counts from 1. */
	public static final class FormatException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final int line;

		FormatException(int line, String problem) {
			super("line " + line + ": " + problem);
			this.line = line;
		}

		public int line() {
			return line;
		}

	}

	private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

	private TextExposition() {
	}

	public static List<Sample> parse(String text, long defaultTimestampMillis) {
		List<Sample> out = new ArrayList<>();
		int lineNo = 0;
		int pos = 0;
		int length = text.length();
		while (pos < length) {
			int end = text.indexOf('\n', pos);
			if (end < 0) {
				end = length;
			}
			lineNo++;
			String line = text.substring(pos, end).strip();
			pos = end + 1;
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			out.add(line(line, lineNo, defaultTimestampMillis));
		}
		return out;
	}

	private static Sample line(String line, int lineNo, long defaultTimestamp) {
		int i = 0;
		while (i < line.length() && isNameChar(line.charAt(i), i == 0)) {
			i++;
		}
		if (i == 0) {
			throw new FormatException(lineNo, "expected a metric name");
		}
		TreeMap<String, String> labels = new TreeMap<>();
		labels.put(Labels.METRIC_NAME, line.substring(0, i));
		if (i < line.length() && line.charAt(i) == '{') {
			i = labels(line, i + 1, lineNo, labels);
		}
		String[] rest = WHITESPACE.split(line.substring(i).strip());
		if (rest.length < 1 || rest[0].isEmpty() || rest.length > 2) {
			throw new FormatException(lineNo, "expected a value and an optional timestamp after the labels");
		}
		double value = number(rest[0], lineNo);
		long timestamp = defaultTimestamp;
		if (rest.length == 2) {
			try {
				timestamp = Long.parseLong(rest[1]);
			}
			catch (NumberFormatException ex) {
				throw new FormatException(lineNo,
						"invalid timestamp \"" + rest[1] + "\" (milliseconds since the epoch)");
			}
		}
		return new Sample(Labels.of(labels), timestamp, value);
	}

	private static int labels(String line, int i, int lineNo, TreeMap<String, String> labels) {
		for (int guard = 0; guard <= line.length(); guard++) {
			while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == ',')) {
				i++;
			}
			if (i < line.length() && line.charAt(i) == '}') {
				return i + 1;
			}
			int start = i;
			while (i < line.length() && isNameChar(line.charAt(i), i == start) && line.charAt(i) != ':') {
				i++;
			}
			if (i == start || i >= line.length() || line.charAt(i) != '=') {
				throw new FormatException(lineNo, "invalid label at column " + (start + 1));
			}
			String name = line.substring(start, i);
			i++;
			if (i >= line.length() || line.charAt(i) != '"') {
				throw new FormatException(lineNo, "expected a quoted value for label \"" + name + "\"");
			}
			StringBuilder value = new StringBuilder();
			i++;
			boolean closed = false;
			while (i < line.length()) {
				char c = line.charAt(i++);
				if (c == '"') {
					closed = true;
					break;
				}
				if (c == '\\' && i < line.length()) {
					char e = line.charAt(i++);
					value.append(e == 'n' ? '\n' : e);
				}
				else {
					value.append(c);
				}
			}
			if (!closed) {
				throw new FormatException(lineNo, "unterminated value of label \"" + name + "\"");
			}
			if (labels.put(name, value.toString()) != null) {
				throw new FormatException(lineNo, "duplicate label \"" + name + "\"");
			}
		}
		throw new FormatException(lineNo, "unterminated label set");
	}

	private static boolean isNameChar(char c, boolean first) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
				|| (!first && c >= '0' && c <= '9');
	}

	private static double number(String s, int lineNo) {
		switch (s) {
			case "+Inf", "Inf":
				return Double.POSITIVE_INFINITY;
			case "-Inf":
				return Double.NEGATIVE_INFINITY;
			case "NaN":
				return Double.NaN;
			default:
				try {
					return Double.parseDouble(s);
				}
				catch (NumberFormatException ex) {
					throw new FormatException(lineNo, "invalid value \"" + s + "\"");
				}
		}
	}

}
