package dev.watchkeeper.monitoring.metrics.rules;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.watchkeeper.monitoring.metrics.promql.Expr;
import dev.watchkeeper.monitoring.metrics.promql.ParseException;
import dev.watchkeeper.monitoring.metrics.promql.Parser;
import dev.watchkeeper.monitoring.metrics.promql.ValueType;
import dev.watchkeeper.platform.DomainException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a rule file (YAML, or JSON in the same shape) and validates it as Prometheus's
 * {@code promtool check rules} does, plus the handbook's rule that every alert names its
 * runbook. All problems are collected; each names its place as
 * {@code groups[i].rules[j].field} and, in the message, the group, the rule and for
 * expressions the line and column.
 */
final class RuleFileParser {

	private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

	private static final Set<String> GROUP_KEYS = Set.of("name", "interval", "rules", "source", "limit");

	private static final Set<String> RULE_KEYS = Set.of("alert", "record", "expr", "for", "keep_firing_for", "labels",
			"annotations");

	private RuleFileParser() {
	}

	static RuleFile parse(String text, Duration defaultInterval) {
		Map<String, String> errors = new LinkedHashMap<>();
		Object document = read(text);
		if (!(document instanceof Map<?, ?> top)) {
			throw DomainException.invalid("groups", "the rule file must be an object with a list of groups");
		}
		for (Object key : top.keySet()) {
			if (!"groups".equals(key)) {
				errors.put(String.valueOf(key), "unknown field (a rule file has only groups)");
			}
		}
		List<RuleFile.Group> groups = new ArrayList<>();
		Set<String> names = new HashSet<>();
		Object groupList = top.get("groups");
		if (!(groupList instanceof List<?> list)) {
			errors.put("groups", "must be a list");
			throw DomainException.invalid(errors);
		}
		for (int g = 0; g < list.size(); g++) {
			String at = "groups[" + g + "]";
			if (!(list.get(g) instanceof Map<?, ?> group)) {
				errors.put(at, "must be an object");
				continue;
			}
			unknown(group, GROUP_KEYS, at, errors);
			String name = string(group.get("name"), at + ".name", errors);
			if (name == null || name.isBlank()) {
				errors.put(at + ".name", "is required");
				name = "#" + g;
			}
			else if (!names.add(name)) {
				errors.put(at + ".name", "group \"" + name + "\" is defined more than once");
			}
			String where = "group \"" + name + "\"";
			Duration interval = duration(group.get("interval"), at + ".interval", where, errors);
			if (interval == null) {
				interval = defaultInterval;
			}
			else if (interval.toMillis() < 1000) {
				errors.put(at + ".interval", where + ": must be at least 1s");
			}
			RuleFile.Source source = source(group.get("source"), at + ".source", where, errors);
			List<RuleFile.Rule> rules = new ArrayList<>();
			if (!(group.get("rules") instanceof List<?> ruleList)) {
				errors.put(at + ".rules", where + ": must be a list of rules");
				continue;
			}
			for (int r = 0; r < ruleList.size(); r++) {
				RuleFile.Rule rule = rule(ruleList.get(r), at + ".rules[" + r + "]", where, errors);
				if (rule != null) {
					rules.add(rule);
				}
			}
			groups.add(new RuleFile.Group(name, interval, source, List.copyOf(rules)));
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		return new RuleFile(List.copyOf(groups));
	}

	private static RuleFile.Rule rule(Object value, String at, String group, Map<String, String> errors) {
		if (!(value instanceof Map<?, ?> rule)) {
			errors.put(at, group + ": a rule must be an object");
			return null;
		}
		unknown(rule, RULE_KEYS, at, errors);
		String alert = string(rule.get("alert"), at + ".alert", errors);
		String record = string(rule.get("record"), at + ".record", errors);
		String where = group + ", rule " + (alert != null ? "\"" + alert + "\""
				: record != null ? "\"" + record + "\"" : at.substring(at.lastIndexOf('.') + 1));
		if ((alert == null) == (record == null)) {
			errors.put(at, where + ": exactly one of alert and record must be set");
			return null;
		}
		if (record != null && !METRIC_NAME.matcher(record).matches()) {
			errors.put(at + ".record", where + ": \"" + record + "\" is not a valid metric name");
		}
		if (alert != null && alert.isBlank()) {
			errors.put(at + ".alert", where + ": the alert name must not be empty");
		}
		String expr = string(rule.get("expr"), at + ".expr", errors);
		Expr parsed = null;
		if (expr == null || expr.isBlank()) {
			errors.put(at + ".expr", where + ": expr is required");
		}
		else {
			try {
				parsed = Parser.parse(expr);
				if (parsed.type() != ValueType.VECTOR && parsed.type() != ValueType.SCALAR) {
					errors.put(at + ".expr", where + ": the expression must be an instant vector or a scalar, not a "
							+ parsed.type().name().toLowerCase(java.util.Locale.ROOT));
				}
			}
			catch (ParseException ex) {
				errors.put(at + ".expr", where + ": " + ex.getMessage());
			}
		}
		Duration forDuration = duration(rule.get("for"), at + ".for", where, errors);
		Duration keepFiringFor = duration(rule.get("keep_firing_for"), at + ".keep_firing_for", where, errors);
		Map<String, String> labels = stringMap(rule.get("labels"), at + ".labels", where, errors);
		Map<String, String> annotations = stringMap(rule.get("annotations"), at + ".annotations", where, errors);
		for (String name : labels.keySet()) {
			if (!LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
				errors.put(at + ".labels." + name, where + ": \"" + name + "\" is not a valid label name");
			}
		}
		if (record != null) {
			if (forDuration != null || keepFiringFor != null) {
				errors.put(at + ".for", where + ": for and keep_firing_for apply to alerting rules only");
			}
			if (!annotations.isEmpty()) {
				errors.put(at + ".annotations", where + ": annotations apply to alerting rules only");
			}
		}
		else {
			String runbook = annotations.get("runbook_url");
			if (runbook == null || runbook.isBlank()) {
				errors.put(at + ".annotations.runbook_url",
						where + ": every alert needs the annotation runbook_url (handbook 004 §3.5)");
			}
			for (var entry : annotations.entrySet()) {
				check(entry.getValue(), at + ".annotations." + entry.getKey(), where, errors);
			}
			for (var entry : labels.entrySet()) {
				check(entry.getValue(), at + ".labels." + entry.getKey(), where, errors);
			}
		}
		return new RuleFile.Rule(alert, record, expr, parsed, forDuration == null ? Duration.ZERO : forDuration,
				keepFiringFor == null ? Duration.ZERO : keepFiringFor, Map.copyOf(labels), Map.copyOf(annotations));
	}

	private static void check(String template, String at, String where, Map<String, String> errors) {
		try {
			Template.parse(template);
		}
		catch (Template.TemplateException ex) {
			errors.put(at, where + ": " + ex.getMessage());
		}
	}

	private static RuleFile.Source source(Object value, String at, String where, Map<String, String> errors) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof Map<?, ?> map)) {
			errors.put(at, where + ": source must be an object with type and url");
			return null;
		}
		unknown(map, Set.of("type", "url"), at, errors);
		String type = string(map.get("type"), at + ".type", errors);
		if (!"prometheus".equals(type)) {
			errors.put(at + ".type", where + ": the only source type is prometheus");
			return null;
		}
		String url = string(map.get("url"), at + ".url", errors);
		try {
			URI uri = new URI(url == null ? "" : url);
			if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
					|| uri.getHost() == null) {
				errors.put(at + ".url", where + ": must be an http or https URL");
				return null;
			}
			return new RuleFile.Source(type, uri);
		}
		catch (URISyntaxException ex) {
			errors.put(at + ".url", where + ": is not a valid URL: " + ex.getReason());
			return null;
		}
	}

	private static void unknown(Map<?, ?> map, Set<String> known, String at, Map<String, String> errors) {
		for (Object key : map.keySet()) {
			if (!known.contains(String.valueOf(key))) {
				errors.put(at + "." + key, "unknown field");
			}
		}
	}

	private static String string(Object value, String at, Map<String, String> errors) {
		if (value == null) {
			return null;
		}
		if (value instanceof Map || value instanceof List) {
			errors.put(at, "must be a string");
			return null;
		}
		return String.valueOf(value);
	}

	private static Map<String, String> stringMap(Object value, String at, String where, Map<String, String> errors) {
		Map<String, String> out = new TreeMap<>();
		if (value == null) {
			return out;
		}
		if (!(value instanceof Map<?, ?> map)) {
			errors.put(at, where + ": must be an object of strings");
			return out;
		}
		map.forEach((k, v) -> {
			if (v instanceof Map || v instanceof List || v == null) {
				errors.put(at + "." + k, where + ": must be a string");
			}
			else {
				out.put(String.valueOf(k), String.valueOf(v));
			}
		});
		return out;
	}

	private static Duration duration(Object value, String at, String where, Map<String, String> errors) {
		if (value == null) {
			return null;
		}
		String text = String.valueOf(value).strip();
		try {
			return Duration.ofMillis(Parser.parseDuration(text));
		}
		catch (RuntimeException ex) {
			errors.put(at, where + ": \"" + text + "\" is not a duration such as 30s or 5m");
			return null;
		}
	}

	private static Object read(String text) {
		if (text == null || text.isBlank()) {
			throw DomainException.invalid("groups", "the rule file is empty");
		}
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(20);
		options.setCodePointLimit(2_000_000);
		options.setAllowDuplicateKeys(false);
		try {
			return new Yaml(new SafeConstructor(options)).load(text);
		}
		catch (YAMLException ex) {
			String message = ex.getMessage() == null ? "unreadable" : ex.getMessage().replaceAll("\\s+", " ");
			throw DomainException.invalid("groups", "not valid YAML or JSON: " + message);
		}
	}

}
