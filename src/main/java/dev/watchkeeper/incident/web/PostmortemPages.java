package dev.watchkeeper.incident.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.identity.Role;
import dev.watchkeeper.incident.ActionItem;
import dev.watchkeeper.incident.ActionItemDraft;
import dev.watchkeeper.incident.ActionItemStatus;
import dev.watchkeeper.incident.ActionItems;
import dev.watchkeeper.incident.Incidents;
import dev.watchkeeper.incident.Postmortem;
import dev.watchkeeper.incident.PostmortemDraft;
import dev.watchkeeper.incident.PostmortemStatus;
import dev.watchkeeper.incident.Postmortems;
import dev.watchkeeper.platform.Actor;
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

/** Post-mortems in the UI: the list, and the editor with its action items. */
@Controller
@PreAuthorize("hasRole('VIEWER')")
class PostmortemPages {

	private final Postmortems postmortems;

	private final ActionItems actionItems;

	private final Incidents incidents;

	private final IncidentViews views;

	private final Periods periods;

	private final Clock clock;

	PostmortemPages(Postmortems postmortems, ActionItems actionItems, Incidents incidents, IncidentViews views,
			Periods periods, Clock clock) {
		this.postmortems = postmortems;
		this.actionItems = actionItems;
		this.incidents = incidents;
		this.views = views;
		this.periods = periods;
		this.clock = clock;
	}

	/**
	 * A line of the post-mortem list.
	 *
	 * @param postmortem the post-mortem
	 * @param due when it is due, in the incident time zone
	 */
	record Row(PostmortemView postmortem, String due) {
	}

	@GetMapping("/postmortems")
	String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int page,
			Model model) {
		PostmortemStatus filter = status == null || status.isBlank() ? null
				: PostmortemStatus.parse(status).orElse(null);
		var result = postmortems.list(filter, PageQuery.of(Math.max(1, page), 50));
		model.addAttribute("postmortems",
				result.items()
					.stream()
					.map(p -> new Row(view(p, List.of()), IncidentPage.time(p.dueAt(), periods.zone())))
					.toList());
		model.addAttribute("page", result);
		model.addAttribute("status", filter == null ? "" : filter.value());
		model.addAttribute("overdueItems", items(actionItems.open(true, 100)));
		return "incident/postmortems";
	}

	@GetMapping("/postmortems/{id}")
	String editor(@PathVariable UUID id, Model model) {
		Postmortem postmortem = postmortems.get(id);
		model.addAttribute("p", view(postmortem, items(actionItems.of(id))));
		model.addAttribute("due", IncidentPage.time(postmortem.dueAt(), periods.zone()));
		model.addAttribute("editable",
				postmortem.status() != PostmortemStatus.PUBLISHED && Access.allows(Role.RESPONDER));
		model.addAttribute("canRespond", Access.allows(Role.RESPONDER));
		model.addAttribute("canManage", Access.allows(Role.MANAGER));
		model.addAttribute("users", views.allUsers());
		model.addAttribute("itemStatuses", List.of("open", "in_progress", "done"));
		model.addAttribute("defaultDue", actionItems.today().plusDays(7));
		return "incident/postmortem";
	}

	@PostMapping("/postmortems/{id}")
	String save(@PathVariable UUID id, @RequestParam(defaultValue = "") String timeline,
			@RequestParam(defaultValue = "") String rootCause, @RequestParam(defaultValue = "") String learnings,
			RedirectAttributes redirect) {
		return act(id, redirect, "Saved.", () -> {
			Access.require(Role.RESPONDER, "editing post-mortems");
			postmortems.update(id, new PostmortemDraft(timeline, rootCause, learnings), Actor.current());
		});
	}

	@PostMapping("/postmortems/{id}/status")
	String status(@PathVariable UUID id, @RequestParam(defaultValue = "") String status, RedirectAttributes redirect) {
		return act(id, redirect, "The post-mortem is " + status.replace('_', ' ') + ".", () -> {
			Access.require(Role.RESPONDER, "changing a post-mortem's status");
			PostmortemStatus parsed = PostmortemStatus.parse(status)
				.orElseThrow(() -> DomainException.invalid("status", "choose draft or in review"));
			if (parsed == PostmortemStatus.PUBLISHED) {
				Access.require(Role.MANAGER, "publishing post-mortems");
			}
			postmortems.changeStatus(id, parsed, Actor.current());
		});
	}

	@PostMapping("/postmortems/{id}/publish")
	String publish(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, "Published; the incident is closed.", () -> {
			Access.require(Role.MANAGER, "publishing post-mortems");
			postmortems.publish(id, Actor.current());
		});
	}

	@PostMapping("/postmortems/{id}/action-items")
	String addItem(@PathVariable UUID id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String ownerId, @RequestParam(defaultValue = "") String dueDate,
			RedirectAttributes redirect) {
		return act(id, redirect, "Action item added.", () -> {
			Access.require(Role.RESPONDER, "adding action items");
			actionItems.add(id, draft(title, ownerId, dueDate, "open"), Actor.current());
		});
	}

	@PostMapping("/postmortems/{id}/action-items/{itemId}")
	String updateItem(@PathVariable UUID id, @PathVariable UUID itemId, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String ownerId, @RequestParam(defaultValue = "") String dueDate,
			@RequestParam(defaultValue = "") String status, RedirectAttributes redirect) {
		return act(id, redirect, "Action item saved.", () -> {
			Access.require(Role.RESPONDER, "changing action items");
			actionItems.update(id, itemId, draft(title, ownerId, dueDate, status), Actor.current());
		});
	}

	private static ActionItemDraft draft(String title, String ownerId, String dueDate, String status) {
		UUID owner = null;
		LocalDate due = null;
		try {
			owner = ownerId.isBlank() ? null : UUID.fromString(ownerId);
			due = dueDate.isBlank() ? null : LocalDate.parse(dueDate);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw DomainException.invalid(owner == null && !ownerId.isBlank() ? "ownerId" : "dueDate",
					"choose a value from the form");
		}
		return new ActionItemDraft(title, owner, due, ActionItemStatus.parse(status).orElse(null));
	}

	private String act(UUID id, RedirectAttributes redirect, String done, Runnable action) {
		postmortems.get(id);
		try {
			action.run();
			redirect.addFlashAttribute("flash", done);
		}
		catch (DomainException ex) {
			if (ex.kind() == DomainException.Kind.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/postmortems/" + id;
	}

	private List<PostmortemView.ActionItemView> items(List<ActionItem> list) {
		var names = views.names(list.stream().map(ActionItem::ownerId).toList());
		LocalDate today = actionItems.today();
		return list.stream().map(i -> PostmortemView.ActionItemView.of(i, names, today)).toList();
	}

	private PostmortemView view(Postmortem postmortem, List<PostmortemView.ActionItemView> items) {
		return PostmortemView.of(postmortem, incidents.get(postmortem.incidentId()), items, clock.instant());
	}

}
