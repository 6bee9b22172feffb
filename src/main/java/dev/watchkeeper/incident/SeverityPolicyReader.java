package dev.watchkeeper.incident;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.watchkeeper.platform.config.InvalidConfigurationException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.ClassPathResource;

/**
 * Reads the severity policy YAML and checks it whole: every problem is listed at once and
 * stops start-up, so a typo never leaves incidents without targets.
 */
final class SeverityPolicyReader {

	static final String DEFAULT_RESOURCE = "incident/severity-policy.yaml";

	private static final int MAX_LEVELS = 10;

	private SeverityPolicyReader() {
	}

	/** The policy at {@code location}, or the shipped default when it is blank. */
	static SeverityPolicy load(String location) {
		String source = location == null || location.isBlank() ? "classpath:" + DEFAULT_RESOURCE : location.trim();
		return read(text(source), source);
	}

	static SeverityPolicy read(String text, String source) {
		List<String> problems = new ArrayList<>();
		Object parsed;
		try {
			parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
		}
		catch (YAMLException ex) {
			throw invalid(source, List.of("not valid YAML: " + ex.getMessage().replaceAll("\\s+", " ")));
		}
		if (!(parsed instanceof Map<?, ?> document)) {
			throw invalid(source, List.of("must be a mapping with 'severities' and 'postmortem'"));
		}
		List<SeverityLevel> levels = levels(document.get("severities"), problems);
		Map<?, ?> postmortem = document.get("postmortem") instanceof Map<?, ?> map ? map : Map.of();
		Duration due = duration(postmortem.get("due_after_resolution"), "postmortem.due_after_resolution",
				Duration.ofHours(48), true, problems);
		List<Duration> reminders = new ArrayList<>();
		Object listed = postmortem.containsKey("reminders") ? postmortem.get("reminders")
				: List.of("-24h", "0s", "24h");
		if (!(listed instanceof List<?> list)) {
			problems.add("postmortem.reminders: must be a list of durations relative to the due time");
		}
		else {
			for (int i = 0; i < list.size(); i++) {
				Duration reminder = duration(list.get(i), "postmortem.reminders[" + i + "]", null, false, problems);
				if (reminder != null && due != null && reminder.negated().compareTo(due) >= 0) {
					problems.add("postmortem.reminders[" + i + "]: must come after the resolution (due " + due.toHours()
							+ "h after it)");
				}
				else if (reminder != null) {
					reminders.add(reminder);
				}
			}
		}
		if (!problems.isEmpty()) {
			throw invalid(source, problems);
		}
		return new SeverityPolicy(levels, due, reminders.stream().sorted().distinct().toList());
	}

	private static List<SeverityLevel> levels(Object value, List<String> problems) {
		if (!(value instanceof List<?> list) || list.isEmpty()) {
			problems.add("severities: must list at least one level, most severe first");
			return List.of();
		}
		if (list.size() > MAX_LEVELS) {
			problems.add("severities: at most " + MAX_LEVELS + " levels");
		}
		List<SeverityLevel> levels = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < list.size(); i++) {
			String at = "severities[" + i + "]";
			if (!(list.get(i) instanceof Map<?, ?> level)) {
				problems.add(at + ": must be a mapping with name and targets");
				continue;
			}
			String name = level.get("name") instanceof String s && !s.isBlank() ? s.trim() : null;
			if (name == null) {
				problems.add(at + ".name: is required");
			}
			List<String> aliases = new ArrayList<>();
			if (level.get("aliases") instanceof List<?> given) {
				given.forEach(alias -> aliases.add(String.valueOf(alias).trim()));
			}
			else if (level.get("aliases") != null) {
				problems.add(at + ".aliases: must be a list");
			}
			for (String spelling : concat(name, aliases)) {
				if (!names.add(spelling.toLowerCase(Locale.ROOT).replace("-", "").replace(" ", ""))) {
					problems.add(at + ": '" + spelling + "' names more than one level");
				}
			}
			Duration ack = duration(level.get("acknowledge_within"), at + ".acknowledge_within", null, true, problems);
			Duration resolve = duration(level.get("resolve_within"), at + ".resolve_within", null, true, problems);
			Duration update = level.get("update_every") == null ? null
					: duration(level.get("update_every"), at + ".update_every", null, true, problems);
			String description = level.get("description") == null ? "" : String.valueOf(level.get("description"));
			if (name != null && ack != null && resolve != null) {
				levels.add(new SeverityLevel(name, aliases, description, ack, resolve,
						flag(level.get("notify_stakeholders"), at + ".notify_stakeholders", problems), update,
						flag(level.get("postmortem_required"), at + ".postmortem_required", problems)));
			}
		}
		return levels;
	}

	private static List<String> concat(String name, List<String> aliases) {
		List<String> all = new ArrayList<>();
		if (name != null) {
			all.add(name);
		}
		all.addAll(aliases);
		return all;
	}

	private static boolean flag(Object value, String at, List<String> problems) {
		if (value == null) {
			return false;
		}
		if (value instanceof Boolean b) {
			return b;
		}
		problems.add(at + ": must be true or false");
		return false;
	}

	private static Duration duration(Object value, String at, Duration fallback, boolean positive,
			List<String> problems) {
		if (value == null) {
			if (fallback == null) {
				problems.add(at + ": is required, e.g. 15m");
			}
			return fallback;
		}
		try {
			Duration duration = DurationStyle.detectAndParse(String.valueOf(value).trim());
			if (positive && (duration.isNegative() || duration.isZero())) {
				problems.add(at + ": must be longer than zero");
				return null;
			}
			return duration;
		}
		catch (IllegalArgumentException ex) {
			problems.add(at + ": '" + value + "' is not a duration; use e.g. 30s, 15m, 2h, 7d");
			return null;
		}
	}

	private static String text(String location) {
		try {
			if (location.startsWith("classpath:")) {
				try (InputStream in = new ClassPathResource(location.substring("classpath:".length()))
					.getInputStream()) {
					return new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
			return Files.readString(Path.of(location.startsWith("file:") ? location.substring(5) : location));
		}
		catch (IOException ex) {
			throw invalid(location, List.of("cannot be read: " + ex.getMessage()));
		}
	}

	private static InvalidConfigurationException invalid(String source, List<String> problems) {
		return new InvalidConfigurationException(problems.stream()
			.map(problem -> "watchkeeper.incident.severity-policy (" + source + ") " + problem)
			.toList());
	}

}
