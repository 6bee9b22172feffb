package dev.watchkeeper.monitoring.metrics.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part of Go's text/template that alert labels and annotations use, as Prometheus
 * expands them: {@code {{ $labels.name }}}, {@code {{ $value }}} (also
 * {@code .Labels.name} and {@code .Value}), string and number literals, pipelines with
 * {@code |}, and the functions {@code humanize}, {@code humanize1024},
 * {@code humanizePercentage}, {@code humanizeDuration}, {@code printf}, {@code toUpper},
 * {@code toLower} and {@code title}. A missing label expands to the empty string. Nothing
 * else is evaluated, so a template cannot reach anything but the alert's labels and
 * value.
 */
final class Template {

	/** A template that uses what this subset does not have, or is malformed. */
	static final class TemplateException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		TemplateException(String message) {
			super(message, null, false, false);
		}

	}

	private sealed interface Part {

	}

	private record Text(String text) implements Part {
	}

	private record Action(List<List<String>> pipeline) implements Part {
	}

	private final List<Part> parts;

	private Template(List<Part> parts) {
		this.parts = parts;
	}

	static Template parse(String template) {
		List<Part> parts = new ArrayList<>();
		int i = 0;
		for (int guard = 0; guard <= template.length() && i < template.length(); guard++) {
			int open = template.indexOf("{{", i);
			if (open < 0) {
				parts.add(new Text(template.substring(i)));
				break;
			}
			if (open > i) {
				parts.add(new Text(template.substring(i, open)));
			}
			int close = template.indexOf("}}", open + 2);
			if (close < 0) {
				throw new TemplateException("template: unclosed action at offset " + open);
			}
			String body = template.substring(open + 2, close);
			if (body.startsWith("-")) {
				body = body.substring(1);
				trimTrailingText(parts);
			}
			boolean trimAfter = body.endsWith("-") && body.length() > 1
					&& Character.isWhitespace(body.charAt(body.length() - 2));
			if (trimAfter) {
				body = body.substring(0, body.length() - 1);
			}
			parts.add(new Action(pipeline(body.strip(), open)));
			i = close + 2;
			if (trimAfter) {
				while (i < template.length() && Character.isWhitespace(template.charAt(i))) {
					i++;
				}
			}
		}
		return new Template(List.copyOf(parts));
	}

	private static void trimTrailingText(List<Part> parts) {
		if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof Text t) {
			parts.set(parts.size() - 1, new Text(t.text().stripTrailing()));
		}
	}

	private static List<List<String>> pipeline(String body, int offset) {
		if (body.isEmpty()) {
			throw new TemplateException("template: empty action at offset " + offset);
		}
		List<List<String>> commands = new ArrayList<>();
		List<String> current = new ArrayList<>();
		int i = 0;
		while (i < body.length()) {
			char c = body.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '|') {
				if (current.isEmpty()) {
					throw new TemplateException("template: missing command before | at offset " + offset);
				}
				commands.add(current);
				current = new ArrayList<>();
				i++;
			}
			else if (c == '"' || c == '`') {
				int end = i + 1;
				StringBuilder s = new StringBuilder();
				while (end < body.length() && body.charAt(end) != c) {
					char d = body.charAt(end);
					if (c == '"' && d == '\\' && end + 1 < body.length()) {
						char e = body.charAt(++end);
						s.append(switch (e) {
							case 'n' -> '\n';
							case 't' -> '\t';
							default -> e;
						});
					}
					else {
						s.append(d);
					}
					end++;
				}
				if (end >= body.length()) {
					throw new TemplateException("template: unterminated string at offset " + offset);
				}
				current.add("\"" + s);
				i = end + 1;
			}
			else {
				int end = i;
				while (end < body.length() && !Character.isWhitespace(body.charAt(end)) && body.charAt(end) != '|') {
					end++;
				}
				String word = body.substring(i, end);
				check(word, offset);
				current.add(word);
				i = end;
			}
		}
		if (current.isEmpty()) {
			throw new TemplateException("template: missing command after | at offset " + offset);
		}
		commands.add(current);
		for (List<String> command : commands) {
			if (command.size() > 1 && !isFunction(command.get(0))) {
				throw new TemplateException("template: can't give argument to non-function " + command.get(0));
			}
		}
		return commands;
	}

	private static final List<String> FUNCTIONS = List.of("humanize", "humanize1024", "humanizePercentage",
			"humanizeDuration", "printf", "toUpper", "toLower", "title");

	private static boolean isFunction(String word) {
		return FUNCTIONS.contains(word);
	}

	private static void check(String word, int offset) {
		if (isFunction(word) || word.equals("$value") || word.equals(".Value") || word.startsWith("$labels.")
				|| word.startsWith(".Labels.")) {
			return;
		}
		try {
			Double.parseDouble(word);
			return;
		}
		catch (NumberFormatException ex) {
			// not a number either
		}
		throw new TemplateException("template: at offset " + offset + ": \"" + word
				+ "\" is not supported (use $labels.<name>, $value, humanize, humanizePercentage, "
				+ "humanizeDuration, printf, toUpper, toLower)");
	}

	/** Expands the template for one alert. */
	String expand(Map<String, String> labels, double value) {
		StringBuilder out = new StringBuilder();
		for (Part part : parts) {
			if (part instanceof Text t) {
				out.append(t.text());
			}
			else if (part instanceof Action a) {
				Object result = null;
				boolean first = true;
				for (List<String> command : a.pipeline()) {
					List<Object> args = new ArrayList<>();
					for (int k = 1; k < command.size(); k++) {
						args.add(operand(command.get(k), labels, value));
					}
					if (!first) {
						args.add(result);
					}
					String head = command.get(0);
					result = isFunction(head) ? call(head, args) : operand(head, labels, value);
					first = false;
				}
				out.append(print(result));
			}
		}
		return out.toString();
	}

	static String expand(String template, Map<String, String> labels, double value) {
		return parse(template).expand(labels, value);
	}

	private static Object operand(String word, Map<String, String> labels, double value) {
		if (word.startsWith("\"")) {
			return word.substring(1);
		}
		if (word.equals("$value") || word.equals(".Value")) {
			return value;
		}
		if (word.startsWith("$labels.")) {
			return labels.getOrDefault(word.substring(8), "");
		}
		if (word.startsWith(".Labels.")) {
			return labels.getOrDefault(word.substring(8), "");
		}
		return Double.parseDouble(word);
	}

	private static Object call(String function, List<Object> args) {
		if (function.equals("printf")) {
			if (args.isEmpty() || !(args.get(0) instanceof String format)) {
				throw new TemplateException("template: printf needs a format string");
			}
			return GoFormat.printf(format, args.subList(1, args.size()));
		}
		if (args.size() != 1) {
			throw new TemplateException("template: " + function + " takes one argument");
		}
		Object arg = args.get(0);
		return switch (function) {
			case "toUpper" -> print(arg).toUpperCase(Locale.ROOT);
			case "toLower" -> print(arg).toLowerCase(Locale.ROOT);
			case "title" -> title(print(arg));
			case "humanize" -> humanize(number(arg));
			case "humanize1024" -> humanize1024(number(arg));
			case "humanizePercentage" -> GoFormat.g(number(arg) * 100, 4) + "%";
			case "humanizeDuration" -> humanizeDuration(number(arg));
			default -> throw new TemplateException("template: unknown function " + function);
		};
	}

	private static String title(String s) {
		StringBuilder sb = new StringBuilder(s.length());
		boolean start = true;
		for (char c : s.toCharArray()) {
			sb.append(start ? Character.toUpperCase(c) : c);
			start = !Character.isLetterOrDigit(c);
		}
		return sb.toString();
	}

	private static double number(Object arg) {
		if (arg instanceof Double d) {
			return d;
		}
		try {
			return Double.parseDouble(String.valueOf(arg).strip());
		}
		catch (NumberFormatException ex) {
			throw new TemplateException("template: \"" + arg + "\" is not a number");
		}
	}

	private static String print(Object value) {
		if (value instanceof Double d) {
			return GoFormat.shortest(d);
		}
		return String.valueOf(value);
	}

	/** Prometheus's humanize: SI prefixes, four significant digits. */
	static String humanize(double v) {
		if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
			return GoFormat.g(v, 4);
		}
		if (Math.abs(v) >= 1) {
			String prefix = "";
			for (String p : new String[] { "k", "M", "G", "T", "P", "E", "Z", "Y" }) {
				if (Math.abs(v) < 1000) {
					break;
				}
				prefix = p;
				v /= 1000;
			}
			return GoFormat.g(v, 4) + prefix;
		}
		String prefix = "";
		for (String p : new String[] { "m", "u", "n", "p", "f", "a", "z", "y" }) {
			if (Math.abs(v) >= 1) {
				break;
			}
			prefix = p;
			v *= 1000;
		}
		return GoFormat.g(v, 4) + prefix;
	}

	static String humanize1024(double v) {
		if (Math.abs(v) <= 1 || Double.isNaN(v) || Double.isInfinite(v)) {
			return GoFormat.g(v, 4);
		}
		String prefix = "";
		for (String p : new String[] { "ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi" }) {
			if (Math.abs(v) < 1024) {
				break;
			}
			prefix = p;
			v /= 1024;
		}
		return GoFormat.g(v, 4) + prefix;
	}

	/** Prometheus's humanizeDuration of seconds. */
	static String humanizeDuration(double v) {
		if (Double.isNaN(v) || Double.isInfinite(v)) {
			return GoFormat.g(v, 4);
		}
		if (v == 0) {
			return GoFormat.g(v, 4) + "s";
		}
		if (Math.abs(v) >= 1) {
			String sign = "";
			if (v < 0) {
				sign = "-";
				v = -v;
			}
			long whole = (long) v;
			long seconds = whole % 60;
			long minutes = (whole / 60) % 60;
			long hours = (whole / 3600) % 24;
			long days = whole / 86400;
			if (days != 0) {
				return sign + days + "d " + hours + "h " + minutes + "m " + seconds + "s";
			}
			if (hours != 0) {
				return sign + hours + "h " + minutes + "m " + seconds + "s";
			}
			if (minutes != 0) {
				return sign + minutes + "m " + seconds + "s";
			}
			return sign + GoFormat.g(v, 4) + "s";
		}
		String prefix = "";
		for (String p : new String[] { "m", "u", "n", "p", "f", "a", "z", "y" }) {
			if (Math.abs(v) >= 1) {
				break;
			}
			prefix = p;
			v *= 1000;
		}
		return GoFormat.g(v, 4) + prefix + "s";
	}

	/** Go's float formatting where it differs from Java's. */
	static final class GoFormat {

		private GoFormat() {
		}

		/** {@code %v} of a float64: shortest digits, exponent below 1e-4 and from 1e6. */
		static String shortest(double v) {
			if (Double.isNaN(v)) {
				return "NaN";
			}
			if (Double.isInfinite(v)) {
				return v > 0 ? "+Inf" : "-Inf";
			}
			if (v == 0) {
				return (1 / v < 0) ? "-0" : "0";
			}
			BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
			return layout(d, 6);
		}

		/** {@code %.<precision>g}. */
		static String g(double v, int precision) {
			if (Double.isNaN(v)) {
				return "NaN";
			}
			if (Double.isInfinite(v)) {
				return v > 0 ? "+Inf" : "-Inf";
			}
			if (v == 0) {
				return "0";
			}
			BigDecimal d = new BigDecimal(v).round(new MathContext(precision, RoundingMode.HALF_EVEN))
				.stripTrailingZeros();
			return layout(d, precision);
		}

		private static String layout(BigDecimal d, int eprec) {
			String digits = d.unscaledValue().abs().toString();
			int exp = digits.length() - 1 - d.scale();
			String sign = d.signum() < 0 ? "-" : "";
			if (exp < -4 || exp >= eprec) {
				String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
				int e = Math.abs(exp);
				return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (e < 10 ? "0" + e : String.valueOf(e));
			}
			return sign + d.abs().toPlainString();
		}

		static String printf(String format, List<Object> args) {
			StringBuilder out = new StringBuilder();
			int arg = 0;
			int i = 0;
			while (i < format.length()) {
				char c = format.charAt(i);
				if (c != '%') {
					out.append(c);
					i++;
					continue;
				}
				int start = i++;
				while (i < format.length() && "+-# 0".indexOf(format.charAt(i)) >= 0) {
					i++;
				}
				while (i < format.length() && (Character.isDigit(format.charAt(i)) || format.charAt(i) == '.')) {
					i++;
				}
				if (i >= format.length()) {
					out.append("%!(NOVERB)");
					break;
				}
				char verb = format.charAt(i++);
				String spec = format.substring(start, i - 1);
				if (verb == '%') {
					out.append('%');
					continue;
				}
				if (arg >= args.size()) {
					out.append("%!").append(verb).append("(MISSING)");
					continue;
				}
				Object value = args.get(arg++);
				switch (verb) {
					case 'f', 'F', 'e', 'E' -> out.append(String.format(Locale.ROOT, spec + verb, number(value)));
					case 'g' -> {
						int dot = spec.indexOf('.');
						out.append(dot >= 0 ? g(number(value), Integer.parseInt(spec.substring(dot + 1)))
								: shortest(number(value)));
					}
					case 'd' -> out.append(String.format(Locale.ROOT, spec + 'd', (long) number(value)));
					case 's', 'v', 'q' -> {
						String s = print(value);
						out.append(verb == 'q' ? "\"" + s + "\"" : String.format(Locale.ROOT, spec + 's', s));
					}
					default -> out.append("%!").append(verb).append("(unsupported)");
				}
			}
			return out.toString();
		}

	}

}
