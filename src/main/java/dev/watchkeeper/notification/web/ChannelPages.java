package dev.watchkeeper.notification.web;

import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.notification.ChannelView;
import dev.watchkeeper.notification.Channels;
import dev.watchkeeper.platform.DomainException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Channels in the UI: list, detail, create, edit, delete, send a test. */
@Controller
class ChannelPages {

	private final Channels channels;

	ChannelPages(Channels channels) {
		this.channels = channels;
	}

	@GetMapping("/channels")
	@PreAuthorize("hasRole('VIEWER')")
	String list(Model model) {
		model.addAttribute("channels", channels.list());
		model.addAttribute("kinds", ChannelController.kinds());
		return "notification/channels";
	}

	@GetMapping("/channels/new")
	@PreAuthorize("hasRole('MANAGER')")
	String createForm(Model model) {
		return form(model, ChannelForm.empty(), null, Map.of());
	}

	@PostMapping("/channels")
	@PreAuthorize("hasRole('MANAGER')")
	String create(@ModelAttribute ChannelForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			ChannelView channel = channels.create(form.draft());
			redirect.addFlashAttribute("flash", "Created channel " + channel.name() + ".");
			if ("webhook".equals(channel.kind())) {
				redirect.addFlashAttribute("signingSecret", channel.signingSecret());
			}
			return "redirect:/channels/" + channel.id();
		}
		catch (DomainException ex) {
			return rejected(ex, form, null, model, response);
		}
	}

	@GetMapping("/channels/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	String detail(@PathVariable UUID id, Model model) {
		model.addAttribute("channel", channels.get(id));
		model.addAttribute("kinds", ChannelController.kinds());
		return "notification/channel";
	}

	@GetMapping("/channels/{id}/edit")
	@PreAuthorize("hasRole('MANAGER')")
	String editForm(@PathVariable UUID id, Model model) {
		return form(model, ChannelForm.of(channels.get(id)), id, Map.of());
	}

	@PostMapping("/channels/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	String update(@PathVariable UUID id, @ModelAttribute ChannelForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			ChannelView channel = channels.update(id, form.draft());
			redirect.addFlashAttribute("flash", "Saved channel " + channel.name() + ".");
			return "redirect:/channels/" + id;
		}
		catch (DomainException ex) {
			return rejected(ex, form, id, model, response);
		}
	}

	@GetMapping("/channels/{id}/delete")
	@PreAuthorize("hasRole('MANAGER')")
	String confirmDelete(@PathVariable UUID id, Model model) {
		model.addAttribute("channel", channels.get(id));
		return "notification/channel-delete";
	}

	@PostMapping("/channels/{id}/delete")
	@PreAuthorize("hasRole('MANAGER')")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		String name = channels.get(id).name();
		channels.delete(id);
		redirect.addFlashAttribute("flash", "Deleted channel " + name + ".");
		return "redirect:/channels";
	}

	@PostMapping("/channels/{id}/test")
	@PreAuthorize("hasRole('MANAGER')")
	String test(@PathVariable UUID id, RedirectAttributes redirect) {
		UUID delivery = channels.sendTest(id);
		redirect.addFlashAttribute("flash", "Test notification queued; this page shows how it went.");
		return "redirect:/deliveries/" + delivery;
	}

	private String rejected(DomainException ex, ChannelForm form, UUID id, Model model, HttpServletResponse response) {
		if (ex.kind() == DomainException.Kind.NOT_FOUND) {
			throw ex;
		}
		response.setStatus(ex.kind() == DomainException.Kind.CONFLICT ? 409 : 422);
		return form(model, form, id, ChannelForm.formErrors(ex));
	}

	private String form(Model model, ChannelForm form, UUID id, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("id", id);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", ChannelController.kinds());
		return "notification/channel-form";
	}

}
