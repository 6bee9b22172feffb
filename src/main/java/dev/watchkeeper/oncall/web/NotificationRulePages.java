package dev.watchkeeper.oncall.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.watchkeeper.identity.SignedIn;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.oncall.Durations;
import dev.watchkeeper.oncall.NotificationRule;
import dev.watchkeeper.oncall.NotificationRules;
import dev.watchkeeper.platform.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Notification rules in the UI: your own from your account page, anyone's for admins from
 * the users list.
 */
@Controller
class NotificationRulePages {

	private static final int BLANK_ROWS = 3;

	private final NotificationRules rules;

	private final Users users;

	NotificationRulePages(NotificationRules rules, Users users) {
		this.rules = rules;
		this.users = users;
	}

	/**
	 * One row of the form.
	 *
	 * @param method {@code kind|} for every address of a kind, {@code kind|address} for
	 * one
	 * @param delay e.g. 5m
	 */
	record Row(String method, String delay) {
	}

	/**
	 * A choice in the contact method list.
	 *
	 * @param value what the form posts
	 * @param label what people read
	 */
	record Choice(String value, String label) {
	}

	@GetMapping("/account/notification-rules")
	String mine(@AuthenticationPrincipal SignedIn me, HttpServletRequest request, Model model) {
		return page(users.get(me.userId()), "/account/notification-rules", rows(rules.rules(me.userId())), Map.of(),
				request, model);
	}

	@PostMapping("/account/notification-rules")
	@PreAuthorize("hasRole('RESPONDER')")
	String saveMine(@AuthenticationPrincipal SignedIn me, @RequestParam MultiValueMap<String, String> params,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return save(users.get(me.userId()), "/account/notification-rules", params, request, response, model, redirect);
	}

	@GetMapping("/users/{id}/notification-rules")
	@PreAuthorize("hasRole('ADMIN')")
	String ofUser(@PathVariable UUID id, HttpServletRequest request, Model model) {
		User user = users.get(new UserId(id));
		return page(user, "/users/" + id + "/notification-rules", rows(rules.rules(user.id())), Map.of(), request,
				model);
	}

	@PostMapping("/users/{id}/notification-rules")
	@PreAuthorize("hasRole('ADMIN')")
	String saveOfUser(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return save(users.get(new UserId(id)), "/users/" + id + "/notification-rules", params, request, response, model,
				redirect);
	}

	private String save(User user, String path, MultiValueMap<String, String> params, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (params.containsKey("reset")) {
			rules.reset(user.id());
			redirect.addFlashAttribute("flash", "Back to the default: every contact method at once.");
			return "redirect:" + path;
		}
		List<Row> rows = read(params);
		try {
			List<NotificationRule.Draft> drafts = new ArrayList<>();
			for (Row row : rows) {
				if (row.method().isBlank()) {
					continue;
				}
				String[] parts = row.method().split("\\|", 2);
				drafts.add(new NotificationRule.Draft(parts[0], parts.length > 1 ? parts[1] : null, row.delay()));
			}
			rules.replace(user.id(), drafts);
			redirect.addFlashAttribute("flash", "Saved the notification rules.");
			return "redirect:" + path;
		}
		catch (DomainException ex) {
			if (ex.kind() == DomainException.Kind.NOT_FOUND) {
				throw ex;
			}
			response.setStatus(422);
			return page(user, path, rows, errors(ex, rows), request, model);
		}
	}

	/**
	 * {@code rules[1].delay} → {@code rule<row>}: the posted rows with blank ones
	 * skipped.
	 */
	private static Map<String, String> errors(DomainException ex, List<Row> rows) {
		List<Integer> kept = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			if (!rows.get(i).method().isBlank()) {
				kept.add(i);
			}
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Pattern path = Pattern.compile("rules\\[(\\d+)].*");
		for (var error : ex.fieldErrors()) {
			Matcher matcher = path.matcher(error.field());
			String field = "rules";
			if (matcher.matches() && Integer.parseInt(matcher.group(1)) < kept.size()) {
				field = "rule" + kept.get(Integer.parseInt(matcher.group(1)));
			}
			errors.putIfAbsent(field, error.message());
		}
		return errors;
	}

	private String page(User user, String path, List<Row> rows, Map<String, String> errors, HttpServletRequest request,
			Model model) {
		List<Row> padded = new ArrayList<>(rows);
		for (int i = 0; i < BLANK_ROWS; i++) {
			padded.add(new Row("", "0m"));
		}
		var choices = new LinkedHashSet<Choice>();
		for (User.ContactMethod method : user.contactMethods()) {
			choices.add(new Choice(method.kind() + "|", "every " + method.kind() + " address"));
		}
		for (User.ContactMethod method : user.contactMethods()) {
			choices.add(new Choice(method.kind() + "|" + method.address(), method.kind() + ": " + method.address()));
		}
		model.addAttribute("user", user);
		model.addAttribute("path", path);
		model.addAttribute("rows", padded);
		model.addAttribute("choices", List.copyOf(choices));
		model.addAttribute("errors", errors);
		model.addAttribute("usesDefault", rules.rules(user.id()).isEmpty());
		model.addAttribute("plan",
				rules.plan(user.id())
					.stream()
					.map(p -> new Choice(Durations.format(p.delay()), p.kind() + ": " + p.address()))
					.toList());
		return request.getHeader("HX-Request") != null ? "oncall/notification-rules :: panel"
				: "oncall/notification-rules";
	}

	private static List<Row> rows(List<NotificationRule> own) {
		return own.stream()
			.map(r -> new Row(r.kind() + "|" + (r.address() == null ? "" : r.address()), Durations.format(r.delay())))
			.toList();
	}

	private static List<Row> read(MultiValueMap<String, String> params) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < NotificationRulesLimit.MAX; i++) {
			if (!params.containsKey("rule" + i + ".method")) {
				continue;
			}
			String method = params.getFirst("rule" + i + ".method");
			String delay = params.getFirst("rule" + i + ".delay");
			rows.add(new Row(method == null ? "" : method, delay == null ? "" : delay));
		}
		return rows;
	}

	/** How many rows the form may post. */
	private static final class NotificationRulesLimit {

		static final int MAX = 40;

	}

}
