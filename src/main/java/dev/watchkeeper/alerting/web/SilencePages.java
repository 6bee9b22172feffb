package dev.watchkeeper.alerting.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.watchkeeper.alerting.Alerts;
import dev.watchkeeper.alerting.Matcher;
import dev.watchkeeper.alerting.Silences;
import dev.watchkeeper.platform.DomainException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Silences in the UI: list, create (prefilled from an alert), expire. */
@Controller
class SilencePages {

	private final Silences silences;

	private final Alerts alerts;

	private final Clock clock;

	SilencePages(Silences silences, Alerts alerts, Clock clock) {
		this.silences = silences;
		this.alerts = alerts;
		this.clock = clock;
	}

	@GetMapping("/silences")
	@PreAuthorize("hasRole('VIEWER')")
	String list(Model model) {
		model.addAttribute("silences", silences.list(500));
		model.addAttribute("now", clock.instant());
		return "alerting/silences";
	}

	@GetMapping("/silences/new")
	@PreAuthorize("hasRole('RESPONDER')")
	String form(@RequestParam(required = false) String alert, Model model) {
		String matchers = alert == null ? ""
				: alerts.find(alert)
					.map(a -> a.labels()
						.entrySet()
						.stream()
						.map(l -> new Matcher(l.getKey(), "=", l.getValue()).toString())
						.collect(Collectors.joining(", ")))
					.orElse("");
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).withSecond(0).withNano(0);
		return form(model, matchers, now.toString(), now.plusHours(2).toString(), "");
	}

	@PostMapping("/silences")
	@PreAuthorize("hasRole('RESPONDER')")
	String create(@RequestParam(defaultValue = "") String matchers, @RequestParam(defaultValue = "") String startsAt,
			@RequestParam(defaultValue = "") String endsAt, @RequestParam(defaultValue = "") String comment,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			var silence = silences.create(new Silences.SilenceDraft(Matcher.parse(matchers), utc(startsAt, "startsAt"),
					utc(endsAt, "endsAt"), comment));
			redirect.addFlashAttribute("flash", "Created a silence until " + silence.endsAt() + ".");
			return "redirect:/silences";
		}
		catch (DomainException ex) {
			response.setStatus(422);
			model.addAttribute("error",
					ex.fieldErrors()
						.stream()
						.map(e -> e.field() + ": " + e.message())
						.collect(Collectors.joining("; ")));
			return form(model, matchers, startsAt, endsAt, comment);
		}
	}

	@PostMapping("/silences/{id}/expire")
	@PreAuthorize("hasRole('RESPONDER')")
	String expire(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			silences.expire(id);
			redirect.addFlashAttribute("flash", "Expired the silence.");
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/silences";
	}

	private static Instant utc(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw DomainException.invalid(field, "use a date and time such as 2026-11-23T02:00");
		}
	}

	private String form(Model model, String matchers, String startsAt, String endsAt, String comment) {
		model.addAttribute("matchers", matchers);
		model.addAttribute("startsAt", startsAt);
		model.addAttribute("endsAt", endsAt);
		model.addAttribute("comment", comment);
		return "alerting/silence-form";
	}

}
