package dev.watchkeeper.oncall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.platform.AuditableEvent;
import dev.watchkeeper.platform.DomainException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each user wants to be reached when paged: which of their profile's contact methods,
 * after what delay. Without rules of their own, every contact method at once.
 */
@Service
public class NotificationRules {

	static final List<String> KINDS = List.of("email", "sms", "voice", "slack", "webhook");

	static final int MAX_RULES = 20;

	static final Duration MAX_DELAY = Duration.ofHours(24);

	private final NotificationRuleStore store;

	private final Users users;

	private final ApplicationEventPublisher events;

	NotificationRules(NotificationRuleStore store, Users users, ApplicationEventPublisher events) {
		this.store = store;
		this.users = users;
		this.events = events;
	}

	/**
	 * The user's rules, or the default from their profile (every contact method at once).
	 */
	public List<PlannedContact> plan(UserId user) {
		return users.find(user).map(found -> plan(found, store.of(user))).orElse(List.of());
	}

	/** The user's own rules; empty when the default applies. */
	public List<NotificationRule> rules(UserId user) {
		users.get(user);
		return store.of(user);
	}

	@Transactional
	public List<NotificationRule> replace(UserId userId, List<NotificationRule.Draft> drafts) {
		User user = users.get(userId);
		List<NotificationRule> rules = parse(user, drafts == null ? List.of() : drafts);
		List<NotificationRule> before = store.of(userId);
		store.replace(userId, rules);
		events.publishEvent(new NotificationRulesChanged(user, before, rules));
		return rules;
	}

	/** Back to the default: every contact method at once. */
	@Transactional
	public void reset(UserId userId) {
		User user = users.get(userId);
		List<NotificationRule> before = store.of(userId);
		store.delete(userId);
		events.publishEvent(new NotificationRulesChanged(user, before, List.of()));
	}

	static List<PlannedContact> plan(User user, List<NotificationRule> rules) {
		List<User.ContactMethod> methods = user.contactMethods();
		if (rules.isEmpty()) {
			return methods.stream()
				.map(m -> new PlannedContact(Duration.ZERO, m.kind(), m.address()))
				.distinct()
				.toList();
		}
		Set<PlannedContact> planned = new LinkedHashSet<>();
		for (NotificationRule rule : rules) {
			methods.stream()
				.filter(m -> m.kind().equals(rule.kind())
						&& (rule.address() == null || rule.address().equals(m.address())))
				.forEach(m -> planned.add(new PlannedContact(rule.delay(), m.kind(), m.address())));
		}
		List<PlannedContact> ordered = new ArrayList<>(planned);
		ordered.sort(Comparator.comparing(PlannedContact::delay));
		return ordered;
	}

	static List<NotificationRule> parse(User user, List<NotificationRule.Draft> drafts) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (drafts.size() > MAX_RULES) {
			errors.put("rules", "must be at most " + MAX_RULES);
		}
		List<NotificationRule> rules = new ArrayList<>();
		for (int i = 0; i < Math.min(drafts.size(), MAX_RULES); i++) {
			String at = "rules[" + i + "]";
			NotificationRule.Draft draft = drafts.get(i);
			if (draft == null || draft.kind() == null || !KINDS.contains(draft.kind().trim())) {
				errors.put(at + ".kind", "must be one of " + KINDS);
				continue;
			}
			String kind = draft.kind().trim();
			String address = draft.address() == null || draft.address().isBlank() ? null : draft.address().trim();
			List<String> addresses = user.contactMethods()
				.stream()
				.filter(m -> m.kind().equals(kind))
				.map(User.ContactMethod::address)
				.toList();
			if (addresses.isEmpty()) {
				errors.put(at + ".kind", "the profile has no " + kind + " contact method; add one first");
			}
			else if (address != null && !addresses.contains(address)) {
				errors.put(at + ".address", "must be one of the profile's " + kind + " addresses: " + addresses);
			}
			Optional<Duration> delay = Durations
				.parse(draft.delay() == null || draft.delay().isBlank() ? "0s" : draft.delay());
			if (delay.isEmpty() || delay.get().isNegative() || delay.get().compareTo(MAX_DELAY) > 0) {
				errors.put(at + ".delay", "must be from 0m to 24h, e.g. 0m, 5m or 1h");
			}
			if (!errors.containsKey(at + ".kind") && !errors.containsKey(at + ".address")
					&& !errors.containsKey(at + ".delay")) {
				NotificationRule rule = new NotificationRule(kind, address, delay.get());
				if (rules.contains(rule)) {
					errors.put(at, "repeats an earlier rule");
				}
				rules.add(rule);
			}
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		return rules;
	}

	/** A user's notification rules were replaced or reset to the default. */
	public record NotificationRulesChanged(User user, List<NotificationRule> previous,
			List<NotificationRule> rules) implements AuditableEvent {

		public String action() {
			return rules.isEmpty() ? "notification_rules.reset" : "notification_rules.updated";
		}

		public String targetType() {
			return "user";
		}

		public String targetId() {
			return user.id().toString();
		}

		public String summary() {
			return rules.isEmpty()
					? "Reset the notification rules of " + user.email() + " to every contact method at once"
					: "Set " + rules.size() + " notification rule(s) for " + user.email();
		}

		public Map<String, Object> before() {
			return Map.of("rules", describe(previous));
		}

		public Map<String, Object> after() {
			return Map.of("rules", describe(rules));
		}

		private static List<String> describe(List<NotificationRule> rules) {
			return rules.stream()
				.map(r -> r.kind() + (r.address() == null ? "" : " " + r.address()) + " after "
						+ Durations.format(r.delay()))
				.filter(Objects::nonNull)
				.toList();
		}

	}

}
