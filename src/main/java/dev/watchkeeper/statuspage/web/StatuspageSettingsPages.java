package dev.watchkeeper.statuspage.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.platform.PageQuery;
import dev.watchkeeper.statuspage.StatusPage;
import dev.watchkeeper.statuspage.StatuspageSettings;
import dev.watchkeeper.statuspage.Subscriptions;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The status page's settings (branding comes from configuration, shown with the variables
 * that set it), a live preview, and the subscribers.
 */
@Controller
class StatuspageSettingsPages {

	private final StatusPage page;

	private final Subscriptions subscriptions;

	StatuspageSettingsPages(StatusPage page, Subscriptions subscriptions) {
		this.page = page;
		this.subscriptions = subscriptions;
	}

	/**
	 * One configuration setting as the page lists it.
	 *
	 * @param key the configuration key
	 * @param variable the environment variable
	 * @param value the value in force
	 */
	record Setting(String key, String variable, String value) {
	}

	@GetMapping("/statuspage")
	@PreAuthorize("hasRole('VIEWER')")
	String settings(@RequestParam(defaultValue = "1") int page, Model model) {
		StatuspageSettings s = this.page.settings();
		Map<String, Setting> settings = new LinkedHashMap<>();
		add(settings, "name", s.name());
		add(settings, "url", s.url());
		add(settings, "logo-url", s.logoUrl());
		add(settings, "brand-color", s.brandColor());
		add(settings, "time-zone", s.timeZone());
		add(settings, "cache-ttl", s.cacheTtl().toString());
		add(settings, "history-days", Integer.toString(s.historyDays()));
		add(settings, "upcoming-days", Integer.toString(s.upcomingDays()));
		add(settings, "subscribe-per-hour", Integer.toString(s.subscribePerHour()));
		add(settings, "confirm-within", s.confirmWithin().toString());
		model.addAttribute("settings", settings.values());
		model.addAttribute("links", s.links());
		model.addAttribute("subscribers", subscriptions.list(PageQuery.of(Math.max(1, page), 50)));
		return "statuspage/settings";
	}

	@PostMapping("/statuspage/refresh")
	@PreAuthorize("hasRole('RESPONDER')")
	String refresh(RedirectAttributes redirect) {
		page.refresh();
		redirect.addFlashAttribute("flash", "The status page was rebuilt.");
		return "redirect:/statuspage";
	}

	@PostMapping("/statuspage/subscribers/{id}/delete")
	@PreAuthorize("hasRole('MANAGER')")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		subscriptions.delete(id);
		redirect.addFlashAttribute("flash", "Removed the subscriber.");
		return "redirect:/statuspage";
	}

	private static void add(Map<String, Setting> settings, String key, String value) {
		settings.put(key, new Setting("watchkeeper.statuspage." + key,
				"WATCHKEEPER_STATUSPAGE_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_'), value));
	}

}
