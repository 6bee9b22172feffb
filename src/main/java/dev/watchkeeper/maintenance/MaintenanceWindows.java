package dev.watchkeeper.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.catalog.ServiceId;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.AuditableEvent;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maintenance windows: create, change, cancel, approve or reject emergency work, list and
 * show them with their occurrences. Every change is checked against the policy, audited,
 * and sets the window's timer.
 */
@Service
public class MaintenanceWindows {

	private final WindowStore store;

	private final PolicyStore policies;

	private final WindowTimers timers;

	private final WindowClock windowClock;

	private final LiveWindows live;

	private final Services services;

	private final Users users;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MaintenanceWindows(WindowStore store, PolicyStore policies, WindowTimers timers, WindowClock windowClock,
			LiveWindows live, Services services, Users users, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.policies = policies;
		this.timers = timers;
		this.windowClock = windowClock;
		this.live = live;
		this.services = services;
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a window. Scheduled work must respect the policy's notice and maximum
	 * duration; emergency work may start at once but does nothing until a manager or
	 * admin approves it.
	 */
	@Transactional
	public MaintenanceWindow create(WindowDraft draft) {
		Instant now = now();
		var checked = WindowRules.check(draft, policies.policy(), this::serviceId, now, null, null);
		Approval approval = draft.emergency() ? Approval.PENDING : Approval.NOT_REQUIRED;
		var window = new MaintenanceWindow(UUID.randomUUID(), draft.title().strip(), strip(draft.description()),
				draft.rollbackPlan().strip(), checked.kind(), checked.startsAt(), checked.endsAt(),
				checked.timeIntervals(), checked.rrule(), checked.rruleStart(), checked.timeZone(), checked.duration(),
				checked.from(), checked.until(), checked.serviceIds(), draft.emergency(),
				draft.emergency() ? draft.emergencyReason().strip() : null, approval, null, null, null, null, null,
				Actor.current().name(), now, now);
		store.insert(window, now.minus(WindowRules.EMERGENCY_SLACK));
		events.publishEvent(new WindowChanged("maintenance.created", null, window));
		if (window.inForce()) {
			scheduled(window, now);
		}
		return window;
	}

	/**
	 * Creates a window per event of an iCalendar file (see {@link CalendarImport}), all
	 * or none: each is checked like {@link #create}, and a refusal names the event, e.g.
	 * {@code events[1].startsAt}.
	 * @param ics the file
	 * @param services the affected services of every window, by slug or id
	 * @param rollbackPlan the rollback plan of every window
	 */
	@Transactional
	public List<MaintenanceWindow> importCalendar(String ics, List<String> services, String rollbackPlan) {
		var drafts = CalendarImport.drafts(ics, services, rollbackPlan);
		List<MaintenanceWindow> created = new java.util.ArrayList<>();
		for (int i = 0; i < drafts.size(); i++) {
			try {
				created.add(create(drafts.get(i)));
			}
			catch (DomainException ex) {
				if (ex.kind() != DomainException.Kind.INVALID) {
					throw ex;
				}
				Map<String, String> errors = new LinkedHashMap<>();
				for (var error : ex.fieldErrors()) {
					errors.put("events[" + i + "]." + error.field(), error.message());
				}
				throw DomainException.invalid(errors);
			}
		}
		return created;
	}

	/**
	 * Changes a window that is neither cancelled nor over. Occurrences it already had are
	 * not held to the notice period again; a changed emergency window needs approval
	 * again.
	 */
	@Transactional
	public MaintenanceWindow update(UUID id, WindowDraft draft) {
		Instant now = now();
		var before = store.lock(id).orElseThrow(() -> DomainException.notFound("Maintenance window", id)).window();
		if (before.cancelled()) {
			throw DomainException.conflict("maintenance-cancelled", "The window was cancelled; create a new one");
		}
		if (before.approval() == Approval.REJECTED) {
			throw DomainException.conflict("maintenance-rejected", "The window was rejected; create a new one");
		}
		if (!before.recurring() && !before.endsAt().isAfter(now)) {
			throw DomainException.conflict("maintenance-over", "The window is over; it can no longer change");
		}
		if (before.emergency() != draft.emergency()) {
			throw DomainException.invalid("emergency",
					"a window stays scheduled or emergency work; cancel it and create a new one instead");
		}
		var checked = WindowRules.check(draft, policies.policy(), this::serviceId, now, WindowRules.schedule(before),
				before.from());
		Approval approval = before.emergency() ? Approval.PENDING : Approval.NOT_REQUIRED;
		var window = new MaintenanceWindow(id, draft.title().strip(), strip(draft.description()),
				draft.rollbackPlan().strip(), checked.kind(), checked.startsAt(), checked.endsAt(),
				checked.timeIntervals(), checked.rrule(), checked.rruleStart(), checked.timeZone(), checked.duration(),
				checked.from(), checked.until(), checked.serviceIds(), before.emergency(),
				before.emergency() ? draft.emergencyReason().strip() : null, approval, null, null, null, null, null,
				before.createdBy(), before.createdAt(), now);
		store.update(window);
		events.publishEvent(new WindowChanged("maintenance.updated", before, window));
		if (window.inForce()) {
			scheduled(window, now);
		}
		else {
			timers.cancel(id);
			live.changed();
		}
		return window;
	}

	/**
	 * Cancels a window: it stops at once (an occurrence in progress ends now and its
	 * services' alerts are released) and nothing more happens for it.
	 */
	@Transactional
	public MaintenanceWindow cancel(UUID id) {
		Instant now = now();
		var before = store.lock(id).orElseThrow(() -> DomainException.notFound("Maintenance window", id)).window();
		if (before.cancelled()) {
			return before;
		}
		var window = with(before, before.approval(), before.decidedBy(), before.decidedAt(), before.decisionNote(), now,
				Actor.current().name(), now);
		store.update(window);
		timers.cancel(id);
		events.publishEvent(new WindowChanged("maintenance.cancelled", before, window));
		if (before.inForce()) {
			var slot = current(before, now);
			slot.ifPresent(s -> events.publishEvent(new MaintenanceEvents.WindowCancelled(id, window.title(), s.start(),
					s.end(), window.serviceIds())));
			live.changed();
			if (slot.isPresent() && slot.get().contains(now)) {
				windowClock.release(window);
			}
		}
		return window;
	}

	/**
	 * Approves emergency work (managers and admins only): it comes in force, and a
	 * follow-up (post-mortem) is due the policy's follow-up period after it ends.
	 */
	@Transactional
	public MaintenanceWindow approve(UUID id, String note) {
		return decide(id, Approval.APPROVED, note);
	}

	/** Rejects emergency work (managers and admins only): it never comes in force. */
	@Transactional
	public MaintenanceWindow reject(UUID id, String note) {
		return decide(id, Approval.REJECTED, note);
	}

	private MaintenanceWindow decide(UUID id, Approval decision, String note) {
		Instant now = now();
		Actor actor = Actor.current();
		if (!mayApprove(actor)) {
			throw DomainException.forbidden("Only a manager or admin may approve or reject emergency maintenance");
		}
		if (note != null && note.length() > WindowRules.MAX_TEXT) {
			throw DomainException.invalid("note",
					"is " + note.length() + " characters; at most " + WindowRules.MAX_TEXT);
		}
		var before = store.lock(id).orElseThrow(() -> DomainException.notFound("Maintenance window", id)).window();
		if (before.approval() != Approval.PENDING || before.cancelled()) {
			throw DomainException.conflict("maintenance-not-pending",
					"The window is not awaiting approval (it is " + state(before, now) + ")");
		}
		if (!before.endsAt().isAfter(now)) {
			throw DomainException.conflict("maintenance-over", "The window is over; it can no longer be approved");
		}
		var window = with(before, decision, actor.name(), now, note == null || note.isBlank() ? null : note.strip(),
				null, null, now);
		store.update(window);
		events.publishEvent(new WindowChanged(
				decision == Approval.APPROVED ? "maintenance.approved" : "maintenance.rejected", before, window));
		if (decision == Approval.APPROVED) {
			var policy = policies.policy();
			policies.insertFollowUp(
					new FollowUp(UUID.randomUUID(), id, "Post-mortem of emergency maintenance: " + window.title(),
							window.endsAt().plus(policy.followUpAfter()), null, null, null, now));
			scheduled(window, now);
		}
		return window;
	}

	private boolean mayApprove(Actor actor) {
		if (actor.userId() == null) {
			return false;
		}
		try {
			return users.find(UserId.parse(actor.userId())).map(u -> u.role().atLeast(Role.MANAGER)).orElse(false);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	public MaintenanceWindow get(UUID id) {
		return store.find(id).orElseThrow(() -> DomainException.notFound("Maintenance window", id));
	}

	public Optional<MaintenanceWindow> find(UUID id) {
		return store.find(id);
	}

	/**
	 * Windows, newest first.
	 * @param state all, open (neither cancelled nor rejected), pending (awaiting
	 * approval) or cancelled
	 * @param service a service's slug or id; null for all
	 */
	public PageQuery.Page<MaintenanceWindow> list(String state, String service, PageQuery page) {
		String filter = state == null || state.isBlank() ? "all" : state.strip();
		if (!List.of("all", "open", "pending", "cancelled").contains(filter)) {
			throw DomainException.invalid("state", "use all, open, pending or cancelled");
		}
		UUID serviceId = null;
		if (service != null && !service.isBlank()) {
			serviceId = serviceId(service.strip())
				.orElseThrow(() -> DomainException.invalid("service", "no service '" + service + "' in the catalog"));
		}
		return store.list(filter, serviceId, page);
	}

	/** The occurrences of one window overlapping {@code [from, to)}, by start. */
	public List<Maintenance.MaintenanceOccurrence> occurrences(MaintenanceWindow window, Instant from, Instant to) {
		range(from, to);
		var schedule = new LiveWindows.Live(window, WindowRules.schedule(window), java.util.Set.of());
		return schedule.slots(from, to).stream().map(schedule::occurrence).toList();
	}

	/**
	 * Occurrences of every window in force overlapping {@code [from, to)}: the calendar.
	 */
	public List<Maintenance.MaintenanceOccurrence> calendar(Instant from, Instant to) {
		range(from, to);
		return live.occurrences(from, to);
	}

	private static void range(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			throw DomainException.invalid("to", "must be after from");
		}
		if (Duration.between(from, to).compareTo(Duration.ofDays(400)) > 0) {
			throw DomainException.invalid("to", "show at most 400 days at once");
		}
	}

	/**
	 * In words: awaiting approval, rejected, cancelled, in progress, scheduled or
	 * completed.
	 */
	public String state(MaintenanceWindow window, Instant now) {
		if (window.cancelled()) {
			return "cancelled";
		}
		if (window.approval() == Approval.PENDING) {
			return "awaiting approval";
		}
		if (window.approval() == Approval.REJECTED) {
			return "rejected";
		}
		var slot = current(window, now);
		if (slot.isEmpty()) {
			return "completed";
		}
		return slot.get().contains(now) ? "in progress" : "scheduled";
	}

	/** The occurrence in progress at {@code now}, else the next one. */
	public Optional<Maintenance.MaintenanceOccurrence> next(MaintenanceWindow window, Instant now) {
		if (window.cancelled() || window.approval() == Approval.REJECTED) {
			return Optional.empty();
		}
		var schedule = new LiveWindows.Live(window, WindowRules.schedule(window), java.util.Set.of());
		return current(window, now).map(schedule::occurrence);
	}

	private Optional<Schedule.Slot> current(MaintenanceWindow window, Instant now) {
		return WindowRules.schedule(window)
			.slots(now, now.plus(WindowClock.AHEAD))
			.stream()
			.filter(s -> s.end().isAfter(now))
			.findFirst();
	}

	public MaintenancePolicy policy() {
		return policies.policy();
	}

	/** Changes the policy (admins); windows already saved are not checked again. */
	@Transactional
	public MaintenancePolicy updatePolicy(PolicyDraft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		positive(draft.maxDuration(), "maxDuration", Duration.ofDays(1), errors);
		positive(draft.reminderBefore(), "reminderBefore", Duration.ofDays(30), errors);
		positive(draft.followUpAfter(), "followUpAfter", Duration.ofDays(90), errors);
		if (draft.minNotice() == null || draft.minNotice().isNegative()
				|| draft.minNotice().compareTo(Duration.ofDays(90)) > 0) {
			errors.put("minNotice", "give a duration from PT0S to P90D, e.g. PT48H");
		}
		if (draft.defaultWindow() != null) {
			dev.watchkeeper.alerting.TimeInterval.parse("default", draft.defaultWindow(), "defaultWindow", errors);
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		var before = policies.policy();
		var policy = new MaintenancePolicy(whole(draft.maxDuration()), whole(draft.minNotice()),
				whole(draft.reminderBefore()), whole(draft.followUpAfter()),
				draft.defaultWindow() == null ? before.defaultWindow() : draft.defaultWindow(), now(),
				Actor.current().name());
		policies.update(policy);
		events.publishEvent(new PolicyChanged(before, policy));
		return policies.policy();
	}

	/** What the policy may be changed to; durations in ISO-8601, e.g. PT4H. */
	public record PolicyDraft(Duration maxDuration, Duration minNotice, Duration reminderBefore, Duration followUpAfter,
			List<Map<String, Object>> defaultWindow) {
	}

	/** Follow-ups of emergency work, open ones first. */
	public List<FollowUp> followUps(boolean openOnly) {
		return policies.followUps(openOnly, 500);
	}

	public Optional<FollowUp> followUp(UUID windowId) {
		return policies.followUp(windowId);
	}

	/**
	 * Marks the follow-up of an emergency window done, e.g. with a link to its
	 * post-mortem.
	 */
	@Transactional
	public FollowUp completeFollowUp(UUID windowId, String note) {
		var followUp = policies.followUp(windowId)
			.orElseThrow(() -> DomainException.notFound("Follow-up of maintenance window", windowId));
		if (followUp.doneAt() != null) {
			return followUp;
		}
		if (note != null && note.length() > WindowRules.MAX_TEXT) {
			throw DomainException.invalid("note",
					"is " + note.length() + " characters; at most " + WindowRules.MAX_TEXT);
		}
		policies.completeFollowUp(windowId, Actor.current().name(), note == null ? null : note.strip(), now());
		var done = policies.followUp(windowId).orElseThrow();
		events.publishEvent(new FollowUpDone(done));
		return done;
	}

	private void scheduled(MaintenanceWindow window, Instant now) {
		live.changed();
		current(window, now).ifPresent(slot -> events.publishEvent(new MaintenanceEvents.WindowScheduled(window.id(),
				window.title(), slot.start(), slot.end(), window.serviceIds())));
		// the timer works out the next reminder, start or end itself
		timers.schedule(window.id(), now);
	}

	private Optional<UUID> serviceId(String ref) {
		try {
			UUID id = UUID.fromString(ref);
			return services.find(new ServiceId(id)).map(s -> s.id().value());
		}
		catch (IllegalArgumentException ex) {
			return services.findBySlug(ref).map(s -> s.id().value());
		}
	}

	private static MaintenanceWindow with(MaintenanceWindow w, Approval approval, String decidedBy, Instant decidedAt,
			String note, Instant cancelledAt, String cancelledBy, Instant updatedAt) {
		return new MaintenanceWindow(w.id(), w.title(), w.description(), w.rollbackPlan(), w.kind(), w.startsAt(),
				w.endsAt(), w.timeIntervals(), w.rrule(), w.rruleStart(), w.timeZone(), w.duration(), w.from(),
				w.until(), w.serviceIds(), w.emergency(), w.emergencyReason(), approval, decidedBy, decidedAt, note,
				cancelledAt, cancelledBy, w.createdBy(), w.createdAt(), updatedAt);
	}

	private static void positive(Duration value, String field, Duration max, Map<String, String> errors) {
		if (value == null || value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
			errors.put(field, "give a duration above zero and at most " + MaintenancePolicy.words(max)
					+ ", in ISO-8601, e.g. PT4H");
		}
	}

	private static Duration whole(Duration duration) {
		return duration.truncatedTo(ChronoUnit.MINUTES);
	}

	private static String strip(String text) {
		return text == null ? "" : text.strip();
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/** A window was created, changed, cancelled, approved or rejected. */
	public record WindowChanged(String action, MaintenanceWindow previous,
			MaintenanceWindow window) implements AuditableEvent {

		public String targetType() {
			return "maintenance_window";
		}

		public String targetId() {
			return window.id().toString();
		}

		public String summary() {
			String what = "maintenance window \"" + window.title() + "\"";
			return switch (action) {
				case "maintenance.created" -> (window.emergency() ? "Requested emergency " : "Scheduled ") + what;
				case "maintenance.cancelled" -> "Cancelled " + what;
				case "maintenance.approved" -> "Approved emergency " + what;
				case "maintenance.rejected" -> "Rejected emergency " + what;
				default -> "Changed " + what;
			};
		}

		public Map<String, Object> before() {
			return fields(previous);
		}

		public Map<String, Object> after() {
			return fields(window);
		}

		private static Map<String, Object> fields(MaintenanceWindow w) {
			if (w == null) {
				return Map.of();
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("title", w.title());
			fields.put("kind", w.kind());
			fields.put("starts_at", String.valueOf(w.startsAt()));
			fields.put("ends_at", String.valueOf(w.endsAt()));
			fields.put("recurrence", w.rrule() != null ? w.rrule() : String.valueOf(w.timeIntervals()));
			fields.put("services", w.serviceIds().stream().map(UUID::toString).toList());
			fields.put("emergency", w.emergency());
			fields.put("approval", w.approval().value());
			fields.put("decision_note", w.decisionNote() == null ? "" : w.decisionNote());
			fields.put("cancelled", w.cancelled());
			return fields;
		}

	}

	/** The maintenance policy changed. */
	public record PolicyChanged(MaintenancePolicy previous, MaintenancePolicy policy) implements AuditableEvent {

		public String action() {
			return "maintenance.policy_changed";
		}

		public String targetType() {
			return "maintenance_policy";
		}

		public String targetId() {
			return "policy";
		}

		public String summary() {
			return "Changed the maintenance policy";
		}

		public Map<String, Object> before() {
			return fields(previous);
		}

		public Map<String, Object> after() {
			return fields(policy);
		}

		private static Map<String, Object> fields(MaintenancePolicy p) {
			return Map.of("max_duration", p.maxDuration().toString(), "min_notice", p.minNotice().toString(),
					"reminder_before", p.reminderBefore().toString(), "follow_up_after", p.followUpAfter().toString(),
					"default_window", String.valueOf(p.defaultWindow()));
		}

	}

	/** The follow-up of emergency work was marked done. */
	public record FollowUpDone(FollowUp followUp) implements AuditableEvent {

		public String action() {
			return "maintenance.follow_up_done";
		}

		public String targetType() {
			return "maintenance_window";
		}

		public String targetId() {
			return followUp.windowId().toString();
		}

		public String summary() {
			return "Completed the follow-up: " + followUp.title();
		}

		public Map<String, Object> after() {
			return Map.of("note", followUp.note() == null ? "" : followUp.note());
		}

	}

}
