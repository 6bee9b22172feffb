package dev.watchkeeper.statuspage.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.RequestOrigin;
import dev.watchkeeper.statuspage.StatusPage;
import dev.watchkeeper.statuspage.Subscriptions;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public status page, its feed, and the subscription pages; no sign-in. Confirming
 * and unsubscribing are buttons on a page the link opens, so a mail scanner following
 * links changes nothing.
 */
@Controller
@Hidden
class StatusPages {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final StatusPage page;

	private final Subscriptions subscriptions;

	private final String policy;

	StatusPages(StatusPage page, Subscriptions subscriptions) {
		this.page = page;
		this.subscriptions = subscriptions;
		this.policy = "default-src 'self'; img-src 'self' data:" + logoOrigin(page.settings().logoUrl())
				+ "; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'self'; form-action 'self'";
	}

	private static String logoOrigin(String logoUrl) {
		try {
			java.net.URI uri = java.net.URI.create(logoUrl.trim());
			return uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null
					? " " + uri.getScheme() + "://" + uri.getAuthority() : "";
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

	@GetMapping({ "/status", "/status/" })
	ResponseEntity<byte[]> status(@RequestHeader(name = "Accept-Encoding", defaultValue = "") String encodings) {
		boolean gzip = Compression.accepted(encodings);
		return Compression.mark(ResponseEntity.ok(), gzip)
			.contentType(HTML)
			// the logo may live elsewhere, and the settings page previews the page in a
			// frame
			.header("Content-Security-Policy", policy)
			.header("X-Frame-Options", "SAMEORIGIN")
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofSeconds(10)).cachePublic())
			.body(page.html(gzip));
	}

	@GetMapping("/status/history.atom")
	ResponseEntity<byte[]> feed(@RequestHeader(name = "Accept-Encoding", defaultValue = "") String encodings) {
		boolean gzip = Compression.accepted(encodings);
		return Compression.mark(ResponseEntity.ok(), gzip)
			.contentType(ATOM)
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofSeconds(10)).cachePublic())
			.body(page.atom(gzip));
	}

	@GetMapping("/status/subscribe")
	String subscribeForm(Model model) {
		return form(model, Map.of(), "email", "", "", List.of());
	}

	@PostMapping("/status/subscribe")
	String subscribe(@RequestParam(defaultValue = "email") String kind, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String endpoint,
			@RequestParam(name = "componentIds", required = false) List<UUID> componentIds, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		try {
			subscriptions.subscribe(kind, email, endpoint, componentIds,
					RequestOrigin.current().map(RequestOrigin::ipAddress).orElse(request.getRemoteAddr()));
			model.addAttribute("name", page.settings().name());
			model.addAttribute("heading", "Check your inbox");
			model.addAttribute("message", "If the address can receive mail, a message with a confirmation link is on "
					+ "its way. Nothing is sent until the link is followed.");
			return "statuspage/message";
		}
		catch (DomainException ex) {
			if (ex.kind() == DomainException.Kind.RATE_LIMITED) {
				response.setStatus(429);
				ex.retryAfter()
					.ifPresent(
							retry -> response.setHeader("Retry-After", Long.toString(Math.max(1, retry.toSeconds()))));
				return form(model, Map.of("form", ex.getMessage()), kind, email, endpoint, componentIds);
			}
			response.setStatus(422);
			Map<String, String> errors = new java.util.LinkedHashMap<>();
			ex.fieldErrors().forEach(e -> errors.putIfAbsent(e.field().replaceAll("\\[.*", ""), e.message()));
			return form(model, errors, kind, email, endpoint, componentIds);
		}
	}

	@GetMapping("/status/subscriptions/confirm")
	String confirmPage(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
		return tokenPage(token, true, model, response);
	}

	@PostMapping("/status/subscriptions/confirm")
	String confirm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
		try {
			boolean found = subscriptions.confirm(token).isPresent();
			return message(model, found ? "Subscription confirmed" : "Nothing to confirm", found
					? "You will hear about incidents and maintenance. Every message carries a link to unsubscribe."
					: "This subscription no longer exists; subscribe again if you like.");
		}
		catch (DomainException ex) {
			response.setStatus(403);
			return message(model, "This link does not work", ex.getMessage());
		}
	}

	@GetMapping("/status/unsubscribe")
	String unsubscribePage(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
		return tokenPage(token, false, model, response);
	}

	@PostMapping("/status/unsubscribe")
	String unsubscribe(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
		try {
			subscriptions.unsubscribe(token);
			return message(model, "Unsubscribed", "You will get no more messages from " + page.settings().name() + ".");
		}
		catch (DomainException ex) {
			response.setStatus(403);
			return message(model, "This link does not work", ex.getMessage());
		}
	}

	private String tokenPage(String token, boolean confirming, Model model, HttpServletResponse response) {
		try {
			subscriptions.check(token, confirming);
		}
		catch (DomainException ex) {
			response.setStatus(403);
			return message(model, "This link does not work", ex.getMessage());
		}
		model.addAttribute("name", page.settings().name());
		model.addAttribute("token", token);
		model.addAttribute("confirming", confirming);
		return "statuspage/confirm";
	}

	private String message(Model model, String heading, String message) {
		model.addAttribute("name", page.settings().name());
		model.addAttribute("heading", heading);
		model.addAttribute("message", message);
		return "statuspage/message";
	}

	private String form(Model model, Map<String, String> errors, String kind, String email, String endpoint,
			List<UUID> chosen) {
		model.addAttribute("name", page.settings().name());
		model.addAttribute("components", page.components());
		model.addAttribute("errors", errors);
		model.addAttribute("kind", kind);
		model.addAttribute("email", email);
		model.addAttribute("endpoint", endpoint);
		model.addAttribute("chosen", chosen == null ? List.of() : chosen);
		return "statuspage/subscribe";
	}

}
