package dev.watchkeeper.incident;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.watchkeeper.platform.DomainException;

/**
 * The severity policy in force: levels from most to least severe, and when post-mortems
 * are due and reminded.
 *
 * @param levels the levels, most severe first
 * @param postmortemDueAfter how long after resolution a required post-mortem is due
 * @param postmortemReminders when reminders go out, relative to the due time (negative:
 * before it)
 */
public record SeverityPolicy(List<SeverityLevel> levels, Duration postmortemDueAfter,
		List<Duration> postmortemReminders) {

	public SeverityPolicy {
		levels = List.copyOf(levels);
		postmortemReminders = List.copyOf(postmortemReminders);
	}

	/** The level named or aliased by {@code value}, case-insensitively. */
	public Optional<SeverityLevel> find(String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		String key = normal(value);
		return levels.stream()
			.filter(level -> normal(level.name()).equals(key)
					|| level.aliases().stream().anyMatch(alias -> normal(alias).equals(key)))
			.findFirst();
	}

	/** The level, or a 422 naming {@code field} and the accepted names. */
	public SeverityLevel require(String value, String field) {
		return find(value).orElseThrow(() -> DomainException.invalid(field, value == null || value.isBlank()
				? "is required; one of " + names() : "unknown severity '" + value + "'; use one of " + names()));
	}

	/**
	 * The level of a stored incident; a name the policy no longer has reads as the least
	 * severe.
	 */
	public SeverityLevel of(String name) {
		return find(name).orElse(levels.get(levels.size() - 1));
	}

	/** 0 for the most severe level. */
	public int rank(String name) {
		return levels.indexOf(of(name));
	}

	public List<String> names() {
		return levels.stream().map(SeverityLevel::name).toList();
	}

	private static String normal(String value) {
		return value.trim().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
	}

}
