package dev.watchkeeper.catalog.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.watchkeeper.catalog.Component;
import dev.watchkeeper.catalog.ComponentDraft;
import dev.watchkeeper.catalog.ComponentGroup;
import dev.watchkeeper.catalog.ComponentStatus;
import dev.watchkeeper.catalog.Components;
import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceFilter;
import dev.watchkeeper.catalog.ServiceId;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Status page components and groups in the UI: list, create, edit, override, delete. */
@Controller
class ComponentPages {

	private final Components components;

	private final Services services;

	ComponentPages(Components components, Services services) {
		this.components = components;
		this.services = services;
	}

	/**
	 * A component as the list shows it.
	 *
	 * @param component the component
	 * @param serviceName the service's name
	 * @param groupName the group's name, or null
	 */
	record ComponentRow(Component component, String serviceName, String groupName) {
	}

	@GetMapping("/components")
	@PreAuthorize("hasRole('VIEWER')")
	String list(Model model) {
		return page(model, Map.of(), null);
	}

	@PostMapping("/components")
	@PreAuthorize("hasRole('MANAGER')")
	String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			Component component = components.create(draft(form, List.of()));
			redirect.addFlashAttribute("flash", "Created component " + component.name() + ".");
			return "redirect:/components/" + component.id() + "/edit";
		}
		catch (DomainException ex) {
			return rejected(ex, response, () -> page(model, errors(ex), form));
		}
	}

	@GetMapping("/components/{id}/edit")
	@PreAuthorize("hasRole('MANAGER')")
	String edit(@PathVariable UUID id, Model model) {
		Component component = components.get(id);
		return editPage(model, component, Map.of());
	}

	@PostMapping("/components/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	String update(@PathVariable UUID id, @RequestParam Map<String, String> form,
			@RequestParam(name = "checkIds", required = false) List<UUID> checkIds, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Component before = components.get(id);
		try {
			Component component = components.update(id, draft(form, checkIds == null ? List.of() : checkIds));
			redirect.addFlashAttribute("flash", "Saved component " + component.name() + ".");
			return "redirect:/components";
		}
		catch (DomainException ex) {
			return rejected(ex, response, () -> editPage(model, before, errors(ex)));
		}
	}

	@PostMapping("/components/{id}/override")
	@PreAuthorize("hasRole('RESPONDER')")
	String override(@PathVariable UUID id, @RequestParam(required = false) String status, RedirectAttributes redirect) {
		ComponentStatus parsed = status == null || status.isBlank() ? null
				: ComponentStatus.parse(status).orElseThrow(() -> DomainException.invalid("status", "unknown status"));
		Component component = components.override(id, parsed);
		redirect.addFlashAttribute("flash", parsed == null ? "Cleared the status override of " + component.name() + "."
				: "Set " + component.name() + " to " + parsed.value().replace('_', ' ') + ".");
		return "redirect:/components";
	}

	@PostMapping("/components/{id}/delete")
	@PreAuthorize("hasRole('MANAGER')")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		Component component = components.get(id);
		components.delete(id);
		redirect.addFlashAttribute("flash", "Deleted component " + component.name() + ".");
		return "redirect:/components";
	}

	@PostMapping("/component-groups")
	@PreAuthorize("hasRole('MANAGER')")
	String createGroup(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			ComponentGroup group = components.createGroup(form.get("groupName"), form.get("groupDescription"),
					integer(form.get("groupPosition")));
			redirect.addFlashAttribute("flash", "Created component group " + group.name() + ".");
			return "redirect:/components";
		}
		catch (DomainException ex) {
			Map<String, String> errors = ex.fieldErrors().isEmpty() ? Map.of("groupName", ex.getMessage())
					: ex.fieldErrors()
						.stream()
						.collect(
								Collectors.toMap(e -> "group" + capitalised(e.field()), e -> e.message(), (a, b) -> a));
			return rejected(ex, response, () -> page(model, errors, form));
		}
	}

	@PostMapping("/component-groups/{id}/delete")
	@PreAuthorize("hasRole('MANAGER')")
	String deleteGroup(@PathVariable UUID id, RedirectAttributes redirect) {
		ComponentGroup group = components.group(id);
		components.deleteGroup(id);
		redirect.addFlashAttribute("flash", "Deleted component group " + group.name() + ".");
		return "redirect:/components";
	}

	private String page(Model model, Map<String, String> errors, Map<String, String> form) {
		List<ComponentGroup> groups = components.groups();
		Map<UUID, String> groupNames = groups.stream()
			.collect(Collectors.toMap(ComponentGroup::id, ComponentGroup::name));
		List<Service> all = services
			.list(new ServiceFilter(null, null, null, null), PageQuery.of(1, PageQuery.MAX_SIZE))
			.items();
		Map<UUID, String> serviceNames = all.stream().collect(Collectors.toMap(s -> s.id().value(), Service::name));
		List<ComponentRow> rows = new ArrayList<>();
		for (Component component : components.list()) {
			rows.add(new ComponentRow(component, serviceNames.getOrDefault(component.serviceId(), "—"),
					component.groupId() == null ? null : groupNames.get(component.groupId())));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("groups", groups);
		model.addAttribute("services", all);
		model.addAttribute("statuses", Arrays.stream(ComponentStatus.values()).map(ComponentStatus::value).toList());
		model.addAttribute("errors", errors);
		model.addAttribute("form", form == null ? Map.of() : form);
		return "catalog/components";
	}

	private String editPage(Model model, Component component, Map<String, String> errors) {
		model.addAttribute("component", component);
		model.addAttribute("groups", components.groups());
		model.addAttribute("service", services.find(new ServiceId(component.serviceId())).orElse(null));
		model.addAttribute("services",
				services.list(new ServiceFilter(null, null, null, null), PageQuery.of(1, PageQuery.MAX_SIZE)).items());
		model.addAttribute("checks", components.checksOf(component.serviceId()));
		model.addAttribute("statuses", Arrays.stream(ComponentStatus.values()).map(ComponentStatus::value).toList());
		model.addAttribute("errors", errors);
		return "catalog/component-form";
	}

	private static ComponentDraft draft(Map<String, String> form, List<UUID> checkIds) {
		String group = form.get("groupId");
		UUID groupId = null;
		if (group != null && !group.isBlank()) {
			try {
				groupId = UUID.fromString(group.trim());
			}
			catch (IllegalArgumentException ex) {
				throw DomainException.invalid("groupId", "must be a group id");
			}
		}
		return new ComponentDraft(form.get("name"), form.get("description"), groupId, form.get("service"), checkIds,
				form.get("statusOverride"), integer(form.get("position")));
	}

	private static Integer integer(String value) {
		try {
			return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			throw DomainException.invalid("position", "must be a whole number");
		}
	}

	private static String rejected(DomainException ex, HttpServletResponse response,
			java.util.function.Supplier<String> page) {
		if (ex.kind() == DomainException.Kind.NOT_FOUND) {
			throw ex;
		}
		response.setStatus(ex.kind() == DomainException.Kind.CONFLICT ? 409 : 422);
		return page.get();
	}

	private static Map<String, String> errors(DomainException ex) {
		return ex.fieldErrors().isEmpty() ? Map.of("name", ex.getMessage())
				: ex.fieldErrors()
					.stream()
					.collect(Collectors.toMap(e -> e.field().replaceAll("\\[.*", ""), e -> e.message(), (a, b) -> a));
	}

	private static String capitalised(String field) {
		return field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
	}

}
