package dev.watchkeeper.alerting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.watchkeeper.platform.DomainException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reading the alerting configuration document (JSON or YAML) into plain maps and lists,
 * and Prometheus durations such as {@code 30s}, {@code 1h30m} or {@code 4h}.
 */
final class ConfigDocument {

	private static final Pattern DURATION = Pattern
		.compile("(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");

	private ConfigDocument() {
	}

	/**
	 * YAML 1.1 reads {@code 17:00} as the number 61200 (base 60) and {@code on} as true;
	 * this resolver keeps such values as strings, so times and day ranges survive.
	 */
	private static final class PlainResolver extends Resolver {

		@Override
		protected void addImplicitResolvers() {
			addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
			addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?[0-9]+$"), "-+0123456789");
			addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL| )$"), "~nN\0");
			addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
		}

	}

	/** Reads JSON or YAML text into a map; refuses anything else with a 422. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> read(String text) {
		if (text == null || text.isBlank()) {
			throw DomainException.invalid("config", "the document is empty");
		}
		var options = new LoaderOptions();
		options.setMaxAliasesForCollections(20);
		options.setCodePointLimit(1_000_000);
		var dumper = new DumperOptions();
		Object parsed;
		try {
			parsed = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options,
					new PlainResolver())
				.load(text);
		}
		catch (YAMLException ex) {
			String message = ex.getMessage() == null ? "unreadable" : ex.getMessage().replaceAll("\\s+", " ");
			throw DomainException.invalid("config", "not valid JSON or YAML: " + message);
		}
		if (!(parsed instanceof Map<?, ?> map)) {
			throw DomainException.invalid("config", "the document must be an object with receivers and route");
		}
		return (Map<String, Object>) map;
	}

	/** A list at {@code at}; a missing value is empty, anything else an error. */
	static List<Object> list(Object value, String at, Map<String, String> errors) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			return new ArrayList<>(list);
		}
		errors.put(at, "must be a list");
		return List.of();
	}

	static Map<String, Object> map(Object value, String at, Map<String, String> errors) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((k, v) -> copy.put(String.valueOf(k), v));
			return copy;
		}
		errors.put(at, "must be an object");
		return null;
	}

	static String string(Object value, String at, Map<String, String> errors) {
		if (value == null) {
			return null;
		}
		if (value instanceof Map || value instanceof List) {
			errors.put(at, "must be a text");
			return null;
		}
		return String.valueOf(value);
	}

	/**
	 * A Prometheus duration such as {@code 30s}, {@code 5m}, {@code 1h30m}; null stays
	 * null.
	 */
	static Duration duration(Object value, String at, Map<String, String> errors) {
		if (value == null) {
			return null;
		}
		String text = String.valueOf(value).trim();
		var m = DURATION.matcher(text);
		if (text.isEmpty() || !m.matches()) {
			errors.put(at, "'" + text + "' is not a duration; write e.g. 0s, 30s, 5m, 1h30m, 4h, 1d");
			return null;
		}
		long[] unitsMillis = { 365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000, 1 };
		long millis = 0;
		for (int i = 0; i < unitsMillis.length; i++) {
			if (m.group(i + 1) != null) {
				millis += Long.parseLong(m.group(i + 1)) * unitsMillis[i];
			}
		}
		return Duration.ofMillis(millis);
	}

	/**
	 * The shortest Prometheus spelling of a duration: {@code 0s}, {@code 90s} →
	 * {@code 1m30s}.
	 */
	static String format(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		long millis = duration.toMillis();
		StringBuilder out = new StringBuilder();
		long[] units = { 86_400_000, 3_600_000, 60_000, 1_000, 1 };
		String[] names = { "d", "h", "m", "s", "ms" };
		for (int i = 0; i < units.length; i++) {
			if (millis >= units[i]) {
				out.append(millis / units[i]).append(names[i]);
				millis %= units[i];
			}
		}
		return out.toString();
	}

}
