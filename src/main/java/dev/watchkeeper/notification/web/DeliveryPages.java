package dev.watchkeeper.notification.web;

import java.util.UUID;

import dev.watchkeeper.notification.Deliveries;
import dev.watchkeeper.notification.Notifications;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The delivery log in the UI: filter, look at one, retry one that failed. */
@Controller
class DeliveryPages {

	private final Deliveries deliveries;

	private final Notifications notifications;

	DeliveryPages(Deliveries deliveries, Notifications notifications) {
		this.deliveries = deliveries;
		this.notifications = notifications;
	}

	@GetMapping("/deliveries")
	@PreAuthorize("hasRole('VIEWER')")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String channel,
			@RequestParam(defaultValue = "1") int page, Model model) {
		String statusFilter = Deliveries.isStatus(status) ? status : null;
		String channelFilter = channel == null || channel.isBlank() ? null : channel.trim();
		var result = deliveries.list(statusFilter, channelFilter, PageQuery.of(Math.max(1, page), 50));
		model.addAttribute("deliveries", result.items());
		model.addAttribute("page", result);
		model.addAttribute("status", statusFilter);
		model.addAttribute("channel", channelFilter);
		model.addAttribute("channels", notifications.channelNames());
		return "notification/deliveries";
	}

	@GetMapping("/deliveries/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	String detail(@PathVariable UUID id, Model model) {
		model.addAttribute("delivery", deliveries.get(id));
		return "notification/delivery";
	}

	@PostMapping("/deliveries/{id}/retry")
	@PreAuthorize("hasRole('MANAGER')")
	String retry(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			deliveries.retry(id);
			redirect.addFlashAttribute("flash", "Delivery queued again.");
		}
		catch (DomainException ex) {
			if (ex.kind() == DomainException.Kind.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("flash", ex.getMessage());
		}
		return "redirect:/deliveries/" + id;
	}

}
