package dev.watchkeeper.incident.web;

import java.net.URI;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Post-mortems and action items over the API. */
@RestController
@Tag(name = "Post-mortems")
@PreAuthorize("hasRole('VIEWER')")
class PostmortemController {

	private final Postmortems postmortems;

	private final ActionItems actionItems;

	private final Incidents incidents;

	private final IncidentViews views;

	private final Clock clock;

	PostmortemController(Postmortems postmortems, ActionItems actionItems, Incidents incidents, IncidentViews views,
			Clock clock) {
		this.postmortems = postmortems;
		this.actionItems = actionItems;
		this.incidents = incidents;
		this.views = views;
		this.clock = clock;
	}

	@Schema(example = """
			{"timeline":"2026-11-25 09:00 UTC — Declared SEV-1 …","rootCause":"A connection pool of 10 could not take the retry storm",
			 "learnings":"Retries need jitter and a budget"}""")
	record SectionsRequest(String timeline, String rootCause, String learnings) {
	}

	@Schema(example = """
			{"status":"in_review"}""")
	record StatusRequest(@Schema(description = "draft or in_review; published needs the manager role") String status) {
	}

	@Schema(example = """
			{"title":"Alert on payment provider latency","ownerId":"a1c2…","dueDate":"2026-12-05","status":"open"}""")
	record ActionItemRequest(String title, UUID ownerId, @Schema(description = "YYYY-MM-DD") String dueDate,
			@Schema(description = "open (default), in_progress or done") String status) {

		ActionItemDraft draft() {
			LocalDate due = null;
			if (dueDate != null && !dueDate.isBlank()) {
				try {
					due = LocalDate.parse(dueDate.trim());
				}
				catch (DateTimeParseException ex) {
					throw DomainException.invalid("dueDate", "must be a date such as 2026-12-05");
				}
			}
			ActionItemStatus parsed = null;
			if (status != null && !status.isBlank()) {
				parsed = ActionItemStatus.parse(status)
					.orElseThrow(() -> DomainException.invalid("status", "one of open, in_progress, done"));
			}
			return new ActionItemDraft(title, ownerId, due, parsed);
		}

	}

	@GetMapping("/api/v1/postmortems")
	@Operation(summary = "List post-mortems", description = "Unpublished first, by due time; filter: status.")
	PageQuery.Page<PostmortemView> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		PostmortemStatus filter = status == null || status.isBlank() ? null : PostmortemStatus.parse(status)
			.orElseThrow(() -> DomainException.invalid("status", "one of draft, in_review, published"));
		var result = postmortems.list(filter, PageQuery.of(page, size));
		return new PageQuery.Page<>(result.items().stream().map(p -> view(p, false)).toList(), result.page(),
				result.size(), result.total());
	}

	@GetMapping("/api/v1/postmortems/{id}")
	@Operation(summary = "One post-mortem with its action items")
	PostmortemView get(@PathVariable UUID id) {
		return view(postmortems.get(id), true);
	}

	@PutMapping("/api/v1/postmortems/{id}")
	@Operation(summary = "Write the post-mortem's sections",
			description = "Needs the responder role; refused once published.")
	PostmortemView update(@PathVariable UUID id, @RequestBody SectionsRequest request) {
		Access.require(Role.RESPONDER, "editing post-mortems");
		return view(postmortems.update(id,
				new PostmortemDraft(request.timeline(), request.rootCause(), request.learnings()), Actor.current()),
				true);
	}

	@PostMapping("/api/v1/postmortems/{id}/status")
	@Operation(summary = "Move between draft and in review",
			description = "Needs the responder role; published needs the manager role.")
	PostmortemView status(@PathVariable UUID id, @RequestBody StatusRequest request) {
		Access.require(Role.RESPONDER, "changing a post-mortem's status");
		PostmortemStatus status = PostmortemStatus.parse(request.status())
			.orElseThrow(() -> DomainException.invalid("status", "one of draft, in_review, published"));
		if (status == PostmortemStatus.PUBLISHED) {
			Access.require(Role.MANAGER, "publishing post-mortems");
		}
		return view(postmortems.changeStatus(id, status, Actor.current()), true);
	}

	@PostMapping("/api/v1/postmortems/{id}/publish")
	@Operation(summary = "Publish", description = "Needs the manager role, a root cause analysis and learnings. "
			+ "Stops the reminders and closes the resolved incident.")
	PostmortemView publish(@PathVariable UUID id) {
		Access.require(Role.MANAGER, "publishing post-mortems");
		return view(postmortems.publish(id, Actor.current()), true);
	}

	@PostMapping("/api/v1/postmortems/{id}/action-items")
	@Operation(summary = "Add an action item", description = "Needs the responder role; also after publishing.")
	ResponseEntity<PostmortemView.ActionItemView> addItem(@PathVariable UUID id,
			@RequestBody ActionItemRequest request) {
		Access.require(Role.RESPONDER, "adding action items");
		ActionItem item = actionItems.add(id, request.draft(), Actor.current());
		return ResponseEntity.created(URI.create("/api/v1/postmortems/" + id)).body(item(item));
	}

	@PutMapping("/api/v1/postmortems/{id}/action-items/{itemId}")
	@Operation(summary = "Change an action item", description = "Needs the responder role. All fields; status "
			+ "done stops its overdue timer, a new due date re-arms it.")
	PostmortemView.ActionItemView updateItem(@PathVariable UUID id, @PathVariable UUID itemId,
			@RequestBody ActionItemRequest request) {
		Access.require(Role.RESPONDER, "changing action items");
		return item(actionItems.update(id, itemId, request.draft(), Actor.current()));
	}

	@GetMapping("/api/v1/action-items")
	@Operation(summary = "Action items not done, soonest due first", description = "overdue=true: only overdue ones.")
	List<PostmortemView.ActionItemView> openItems(@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "200") int limit) {
		List<ActionItem> items = actionItems.open(overdue, limit);
		var names = views.names(items.stream().map(ActionItem::ownerId).toList());
		LocalDate today = actionItems.today();
		return items.stream().map(i -> PostmortemView.ActionItemView.of(i, names, today)).toList();
	}

	private PostmortemView.ActionItemView item(ActionItem item) {
		return PostmortemView.ActionItemView.of(item, views.names(List.of(item.ownerId())), actionItems.today());
	}

	private PostmortemView view(Postmortem postmortem, boolean withItems) {
		List<PostmortemView.ActionItemView> items = List.of();
		if (withItems) {
			List<ActionItem> list = actionItems.of(postmortem.id());
			var names = views.names(list.stream().map(ActionItem::ownerId).toList());
			LocalDate today = actionItems.today();
			items = list.stream().map(i -> PostmortemView.ActionItemView.of(i, names, today)).toList();
		}
		return PostmortemView.of(postmortem, incidents.get(postmortem.incidentId()), items, clock.instant());
	}

}
