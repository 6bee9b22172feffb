package dev.watchkeeper.oncall.web;

import java.util.List;
import java.util.UUID;

import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.SignedIn;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.oncall.Durations;
import dev.watchkeeper.oncall.NotificationRule;
import dev.watchkeeper.oncall.NotificationRules;
import dev.watchkeeper.oncall.PlannedContact;
import dev.watchkeeper.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How each user is reached when paged. */
@RestController
@RequestMapping("/api/v1/users/{id}/notification-rules")
@Tag(name = "Notification rules")
class NotificationRuleController {

	private final NotificationRules rules;

	private final Users users;

	NotificationRuleController(NotificationRules rules, Users users) {
		this.rules = rules;
		this.users = users;
	}

	/**
	 * The rules to set, in order.
	 *
	 * @param rules each a contact method kind (and optionally one address) after a delay
	 */
	@Schema(example = """
			{"rules":[{"kind":"slack","delay":"0m"},{"kind":"sms","address":"+49 151 2345678","delay":"5m"},
			          {"kind":"voice","delay":"10m"}]}""")
	record RulesRequest(List<NotificationRule.Draft> rules) {
	}

	/**
	 * A user's rules and what they plan.
	 *
	 * @param userId the user
	 * @param usesDefault whether the default applies (every contact method at once)
	 * @param rules the user's own rules, empty for the default
	 * @param plan who gets what when paged, by delay
	 */
	@Schema(example = """
			{"userId":"0c1d…","usesDefault":false,"rules":[{"kind":"sms","address":null,"delay":"5m"}],
			 "plan":[{"delay":"5m","delaySeconds":300,"kind":"sms","address":"+49 151 2345678"}]}""")
	record RulesView(String userId, boolean usesDefault, List<RuleView> rules, List<ContactView> plan) {
	}

	/**
	 * One rule.
	 *
	 * @param kind contact method kind
	 * @param address one address, or null for all of the kind
	 * @param delay e.g. 5m
	 */
	record RuleView(String kind, String address, String delay) {
	}

	/**
	 * One planned contact.
	 *
	 * @param delay e.g. 5m
	 * @param delaySeconds the same in seconds
	 * @param kind contact method kind
	 * @param address where
	 */
	record ContactView(String delay, long delaySeconds, String kind, String address) {
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "A user's notification rules",
			description = "With the plan they make; without rules of their own, every contact method at once.")
	RulesView get(@PathVariable UUID id) {
		return view(new UserId(id));
	}

	@PutMapping
	@PreAuthorize("hasRole('RESPONDER')")
	@Operation(summary = "Set a user's notification rules",
			description = "Responders set their own; admins anyone's. 422 naming the field (rules[1].delay) for an "
					+ "unknown kind, a kind or address the profile lacks, or a delay outside 0–24h.")
	RulesView replace(@PathVariable UUID id, @RequestBody RulesRequest request, @AuthenticationPrincipal SignedIn me) {
		UserId user = allowed(id, me);
		rules.replace(user, request.rules() == null ? List.of() : request.rules());
		return view(user);
	}

	@DeleteMapping
	@PreAuthorize("hasRole('RESPONDER')")
	@Operation(summary = "Back to the default", description = "Every contact method of the profile at once.")
	ResponseEntity<Void> reset(@PathVariable UUID id, @AuthenticationPrincipal SignedIn me) {
		rules.reset(allowed(id, me));
		return ResponseEntity.noContent().build();
	}

	/** Only the user themselves or an admin; an unknown user is a 404 first. */
	private UserId allowed(UUID id, SignedIn me) {
		UserId user = new UserId(id);
		users.get(user);
		if (!user.equals(me.userId()) && me.effectiveRole() != Role.ADMIN) {
			throw DomainException.forbidden("Only the user or an admin may change their notification rules");
		}
		return user;
	}

	private RulesView view(UserId user) {
		List<NotificationRule> own = rules.rules(user);
		List<PlannedContact> plan = rules.plan(user);
		return new RulesView(user.toString(), own.isEmpty(),
				own.stream().map(r -> new RuleView(r.kind(), r.address(), Durations.format(r.delay()))).toList(),
				plan.stream()
					.map(p -> new ContactView(Durations.format(p.delay()), p.delay().getSeconds(), p.kind(),
							p.address()))
					.toList());
	}

}
