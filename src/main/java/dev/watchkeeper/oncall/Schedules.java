package dev.watchkeeper.oncall;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.watchkeeper.identity.TeamId;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * On-call schedules: create, change, delete, overrides, and their shifts over a period.
 */
@Service
public class Schedules {

	static final Duration MAX_OVERRIDE = Duration.ofDays(366);

	private final ScheduleStore store;

	private final OverrideStore overrides;

	private final EscalationPolicyStore policies;

	private final FeedStore feeds;

	private final Users users;

	private final Teams teams;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Schedules(ScheduleStore store, OverrideStore overrides, EscalationPolicyStore policies, FeedStore feeds,
			Users users, Teams teams, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.feeds = feeds;
		this.overrides = overrides;
		this.policies = policies;
		this.users = users;
		this.teams = teams;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Schedule create(ScheduleDraft draft) {
		var parsed = parse(draft);
		Instant now = now();
		var schedule = new Schedule(UUID.randomUUID(), parsed.name(), parsed.description(), parsed.teamId(),
				parsed.timeZone(), parsed.layers(), now, now);
		store.insert(schedule);
		events.publishEvent(new ScheduleEvents.ScheduleChanged("schedule.created", null, schedule, 0));
		return schedule;
	}

	@Transactional
	public Schedule update(UUID id, ScheduleDraft draft) {
		Schedule before = store.lock(id).orElseThrow(() -> DomainException.notFound("Schedule", id));
		var parsed = parse(draft);
		var schedule = new Schedule(id, parsed.name(), parsed.description(), parsed.teamId(), parsed.timeZone(),
				parsed.layers(), before.createdAt(), now());
		store.update(schedule);
		int removed = overrides.deleteAboveLayer(id, schedule.layers().size());
		events.publishEvent(new ScheduleEvents.ScheduleChanged("schedule.updated", before, schedule, removed));
		return schedule;
	}

	@Transactional
	public void delete(UUID id) {
		Schedule before = store.lock(id).orElseThrow(() -> DomainException.notFound("Schedule", id));
		List<String> using = policies.namesReferencing(id.toString());
		if (!using.isEmpty()) {
			throw DomainException.conflict("schedule-in-use", "Schedule " + before.name()
					+ " is a target of escalation policy " + String.join(", ", using) + "; change the policy first");
		}
		store.delete(id);
		feeds.delete("schedule", id);
		events.publishEvent(new ScheduleEvents.ScheduleChanged("schedule.deleted", before, null, 0));
	}

	public Optional<Schedule> find(UUID id) {
		return store.find(id);
	}

	public Schedule get(UUID id) {
		return find(id).orElseThrow(() -> DomainException.notFound("Schedule", id));
	}

	public List<Schedule> findAll(java.util.Collection<UUID> ids) {
		return store.findAll(ids);
	}

	/** Schedules by name; of one team when {@code team} is given. */
	public PageQuery.Page<Schedule> list(TeamId team, PageQuery page) {
		return store.list(team, page);
	}

	public List<Schedule> ofTeam(TeamId team) {
		return store.ofTeam(team);
	}

	/** Every layer's shifts over [from, to), with overrides applied, and the warnings. */
	public ScheduleCalendar calendar(UUID id, Instant from, Instant to) {
		checkPeriod(from, to);
		Schedule schedule = get(id);
		List<ScheduleOverride> overlapping = overrides.overlapping(List.of(id), from, to);
		Roster roster = Roster.of(schedule, overlapping);
		return new ScheduleCalendar(schedule, from, to, roster.shifts(from, to), overlapping,
				roster.warnings(from, to, names(schedule, overlapping)));
	}

	/** The user's shifts in every schedule over [from, to), by start. */
	public List<Shift> shiftsOf(UserId user, Instant from, Instant to) {
		checkPeriod(from, to);
		List<Schedule> involved = store.involving(user);
		List<ScheduleOverride> overlapping = overrides.overlapping(involved.stream().map(Schedule::id).toList(), from,
				to);
		List<Shift> shifts = new ArrayList<>();
		for (Schedule schedule : involved) {
			List<ScheduleOverride> own = overlapping.stream()
				.filter(o -> o.scheduleId().equals(schedule.id()))
				.toList();
			Roster.of(schedule, own)
				.shifts(from, to)
				.stream()
				.filter(shift -> shift.userId().equals(user))
				.forEach(shifts::add);
		}
		shifts.sort(Comparator.comparing(Shift::start).thenComparing(Shift::layer));
		return shifts;
	}

	/** Overrides of the schedule that overlap [from, to). */
	public List<ScheduleOverride> overrides(UUID scheduleId, Instant from, Instant to) {
		get(scheduleId);
		return overrides.overlapping(List.of(scheduleId), from, to);
	}

	@Transactional
	public ScheduleOverride createOverride(UUID scheduleId, OverrideDraft draft) {
		Schedule schedule = store.lock(scheduleId).orElseThrow(() -> DomainException.notFound("Schedule", scheduleId));
		ScheduleOverride override = parseOverride(schedule, draft);
		overrides.insert(override);
		events.publishEvent(new ScheduleEvents.OverrideChanged("override.created", schedule, override));
		return override;
	}

	@Transactional
	public void deleteOverride(UUID scheduleId, UUID overrideId) {
		Schedule schedule = store.lock(scheduleId).orElseThrow(() -> DomainException.notFound("Schedule", scheduleId));
		ScheduleOverride override = overrides.find(scheduleId, overrideId)
			.orElseThrow(() -> DomainException.notFound("Override", overrideId));
		overrides.delete(overrideId);
		events.publishEvent(new ScheduleEvents.OverrideChanged("override.deleted", schedule, override));
	}

	private ScheduleOverride parseOverride(Schedule schedule, OverrideDraft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		int layer = 1;
		if (draft.layer() != null && !draft.layer().isBlank()) {
			try {
				layer = Integer.parseInt(draft.layer().trim());
			}
			catch (NumberFormatException ex) {
				layer = -1;
			}
		}
		if (layer < 1 || layer > schedule.layers().size()) {
			errors.put("layer", "must be a layer of this schedule, 1 to " + schedule.layers().size());
		}
		UserId user = existingUser(draft.userId(), "userId", true, errors);
		UserId covered = existingUser(draft.coveredUserId(), "coveredUserId", false, errors);
		if (user != null && user.equals(covered)) {
			errors.put("coveredUserId", "must be someone other than the person covering");
		}
		ZoneId zone = schedule.zone();
		Instant start = instant(draft.start(), zone, "start", errors);
		Instant end = instant(draft.end(), zone, "end", errors);
		if (start != null && end != null) {
			if (!end.isAfter(start)) {
				errors.put("end", "must be after the start (" + start + ")");
			}
			else if (Duration.between(start, end).compareTo(MAX_OVERRIDE) > 0) {
				errors.put("end", "must be at most 366 days after the start");
			}
			else if (!end.isAfter(clock.instant())) {
				errors.put("end", "must be in the future");
			}
		}
		if (draft.note() != null && draft.note().length() > 500) {
			errors.put("note", "must be at most 500 characters");
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		return new ScheduleOverride(UUID.randomUUID(), schedule.id(), layer, user, covered, start, end,
				ScheduleRules.blankToNull(draft.note()), Actor.current().name(), now());
	}

	private UserId existingUser(String value, String field, boolean required, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.put(field, "must name a user");
			}
			return null;
		}
		Optional<UserId> id = ScheduleRules.uuid(value).map(UserId::new);
		if (id.isEmpty() || users.find(id.get()).isEmpty()) {
			errors.put(field, "no user " + value.trim());
			return null;
		}
		return id.get();
	}

	/** An instant with an offset, or a local date-time read in the schedule's zone. */
	static Instant instant(String value, ZoneId zone, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			errors.put(field, "must be a date and time such as 2026-12-24T18:00");
			return null;
		}
		String text = value.trim();
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeException ex) {
			// not with an offset: a wall time in the schedule's zone
		}
		try {
			return WallClock.instant(LocalDateTime.parse(text), zone);
		}
		catch (DateTimeException ex) {
			errors.put(field, "must be a date and time such as 2026-12-24T18:00 or 2026-12-24T17:00:00Z");
			return null;
		}
	}

	private ScheduleRules.Parsed parse(ScheduleDraft draft) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), zoneOr(draft.timeZone()));
		return ScheduleRules.parse(draft, today, user -> users.find(user).isPresent(),
				team -> teams.find(team).isPresent());
	}

	private static ZoneId zoneOr(String zone) {
		return ScheduleRules.zone(zone == null ? null : zone.trim()).orElse(ZoneId.of("UTC"));
	}

	private Function<UserId, String> names(Schedule schedule, List<ScheduleOverride> overlapping) {
		var ids = new java.util.LinkedHashSet<UserId>();
		schedule.layers().forEach(layer -> ids.addAll(layer.rotation().participants()));
		overlapping.forEach(o -> ids.add(o.userId()));
		Map<UserId, String> names = new java.util.HashMap<>();
		for (User user : users.findAll(List.copyOf(ids))) {
			names.put(user.id(), user.name());
		}
		return id -> names.getOrDefault(id, "a deleted user");
	}

	static void checkPeriod(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			throw DomainException.invalid("to", "must be after from");
		}
		if (Duration.between(from, to).compareTo(Duration.ofDays(7L * OncallSettings.MAX_WEEKS)) > 0) {
			throw DomainException.invalid("weeks", "must be at most " + OncallSettings.MAX_WEEKS + " weeks");
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
