package dev.watchkeeper.maintenance;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dev.watchkeeper.alerting.TimeInterval;
import dev.watchkeeper.platform.DomainException;
import net.fortuna.ical4j.model.Recur;

/**
 * Checks a draft against the input rules and the policy and compiles its schedule. Pure:
 * the caller gives the time, the policy, and how to find services. Every problem is named
 * by its field, with a sentence saying why and what to do.
 */
final class WindowRules {

	static final int MAX_TITLE = 200;

	static final int MAX_TEXT = 10_000;

	/** How far ahead a recurring window's occurrences are checked. */
	static final Duration HORIZON = Duration.ofDays(366);

	/**
	 * An emergency may start this long before the request reaches us (clock skew, a slow
	 * form).
	 */
	static final Duration EMERGENCY_SLACK = Duration.ofMinutes(5);

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'",
			Locale.ENGLISH);

	private WindowRules() {
	}

	/** A draft that passed, with its schedule. */
	record Checked(String kind, java.time.Instant startsAt, Instant endsAt, List<Map<String, Object>> timeIntervals,
			String rrule, java.time.LocalDateTime rruleStart, String timeZone, Duration duration, Instant from,
			Instant until, List<UUID> serviceIds, Schedule schedule) {
	}

	/**
	 * @param draft what was asked for
	 * @param policy the policy in force
	 * @param services finds a service's id by slug or id
	 * @param now the time of the request
	 * @param before the window's schedule before this change; null on creation.
	 * Occurrences it already had are not held to the notice period again.
	 * @param beforeFrom the window's {@code from} before this change; kept when the draft
	 * gives none
	 */
	static Checked check(WindowDraft draft, MaintenancePolicy policy, Function<String, Optional<UUID>> services,
			Instant now, Schedule before, Instant beforeFrom) {
		Map<String, String> errors = new LinkedHashMap<>();
		text(draft.title(), "title", MAX_TITLE, true, "give the window a title, e.g. \"Database upgrade\"", errors);
		text(draft.description(), "description", MAX_TEXT, false, null, errors);
		text(draft.rollbackPlan(), "rollbackPlan", MAX_TEXT, true,
				"describe how the work is undone if it goes wrong: the handbook (003) wants a rollback plan prepared "
						+ "for every maintenance",
				errors);
		List<UUID> serviceIds = services(draft.services(), services, errors);
		if (draft.emergency() && (draft.emergencyReason() == null || draft.emergencyReason().isBlank())) {
			errors.put("emergencyReason",
					"say why this work cannot wait for the " + MaintenancePolicy.words(policy.minNotice())
							+ " notice period; a manager or admin reads it before approving");
		}
		text(draft.emergencyReason(), "emergencyReason", MAX_TEXT, false, null, errors);
		String kind = draft.kind();
		Schedule schedule = switch (kind) {
			case MaintenanceWindow.ONE_OFF -> once(draft, errors);
			case MaintenanceWindow.TIME_INTERVALS -> intervals(draft, now, policy, beforeFrom, errors);
			default -> rule(draft, now, policy, beforeFrom, errors);
		};
		if (draft.emergency() && !MaintenanceWindow.ONE_OFF.equals(kind)) {
			errors.put("emergency", "emergency maintenance is one-off: give startsAt and endsAt, not a recurrence");
		}
		if (schedule != null && errors.isEmpty()) {
			policy(schedule, kind, draft.emergency(), policy, now, before, errors);
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		return switch (schedule) {
			case Schedule.Once once -> new Checked(kind, once.start(), once.end(), null, null, null, null, null, null,
					null, serviceIds, schedule);
			case Schedule.Intervals intervals -> new Checked(kind, null, null,
					intervals.interval().ranges().stream().map(TimeInterval.Range::source).toList(), null, null, null,
					null, intervals.from(), intervals.until(), serviceIds, schedule);
			case Schedule.Rule rule -> new Checked(kind, null, null, null, rule.rrule(), rule.start(),
					rule.zone().getId(), rule.duration(), rule.from(), rule.until(), serviceIds, schedule);
		};
	}

	/** The schedule of a stored window (it passed {@link #check} when saved). */
	static Schedule schedule(MaintenanceWindow window) {
		return switch (window.kind()) {
			case MaintenanceWindow.ONE_OFF -> new Schedule.Once(window.startsAt(), window.endsAt());
			case MaintenanceWindow.TIME_INTERVALS -> {
				Map<String, String> errors = new LinkedHashMap<>();
				var interval = TimeInterval.parse(window.title(), window.timeIntervals(), "timeIntervals", errors)
					.orElseThrow(() -> new IllegalStateException("stored time intervals no longer read: " + errors));
				yield new Schedule.Intervals(interval, window.from(), window.until());
			}
			default -> new Schedule.Rule(window.rrule(), window.rruleStart(), ZoneId.of(window.timeZone()),
					window.duration(), window.from(), window.until());
		};
	}

	private static Schedule once(WindowDraft draft, Map<String, String> errors) {
		if (draft.startsAt() == null) {
			errors.put("startsAt", "give the start, e.g. 2026-12-06T02:00:00Z (or timeIntervals or rrule for a "
					+ "recurring window)");
		}
		if (draft.endsAt() == null) {
			errors.put("endsAt", "give the end, e.g. 2026-12-06T04:00:00Z");
		}
		if (draft.startsAt() == null || draft.endsAt() == null) {
			return null;
		}
		if (!draft.endsAt().isAfter(draft.startsAt())) {
			errors.put("endsAt", "must be after startsAt (" + shown(draft.startsAt()) + ")");
			return null;
		}
		return new Schedule.Once(draft.startsAt(), draft.endsAt());
	}

	private static Schedule intervals(WindowDraft draft, Instant now, MaintenancePolicy policy, Instant beforeFrom,
			Map<String, String> errors) {
		var interval = TimeInterval.parse(draft.title() == null ? "window" : draft.title(), draft.timeIntervals(),
				"timeIntervals", errors);
		Instant from = from(draft, now, policy, beforeFrom);
		if (!until(draft, from, errors)) {
			return null;
		}
		return interval.<Schedule>map(i -> new Schedule.Intervals(i, from, draft.until())).orElse(null);
	}

	private static Schedule rule(WindowDraft draft, Instant now, MaintenancePolicy policy, Instant beforeFrom,
			Map<String, String> errors) {
		ZoneId zone = ZoneOffset.UTC;
		if (draft.timeZone() != null && !draft.timeZone().isBlank()) {
			try {
				zone = ZoneId.of(draft.timeZone().trim());
			}
			catch (DateTimeException ex) {
				errors.put("timeZone",
						"unknown time zone '" + draft.timeZone() + "'; use an IANA name such as " + "Europe/Berlin");
			}
		}
		String text = draft.rrule().trim();
		if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
			text = text.substring(6);
		}
		try {
			Recur<ZonedDateTime> recur = new Recur<>(text);
			String frequency = String.valueOf(recur.getFrequency());
			if (frequency.equals("SECONDLY") || frequency.equals("MINUTELY")) {
				errors.put("rrule", "repeats every " + frequency.toLowerCase(Locale.ROOT).replace("ly", "")
						+ "; maintenance repeats hourly at most");
			}
		}
		catch (RuntimeException ex) {
			errors.put("rrule",
					"is not an iCalendar RRULE (" + ex.getMessage() + "); write e.g. FREQ=MONTHLY;BYDAY=1SU");
		}
		if (draft.rruleStart() == null) {
			errors.put("rruleStart", "give the local date and time of the first occurrence, e.g. 2026-12-06T02:00");
		}
		if (draft.duration() == null || draft.duration().isNegative() || draft.duration().isZero()) {
			errors.put("duration", "give how long each occurrence lasts, e.g. PT4H");
		}
		else if (draft.duration().toSecondsPart() != 0 || draft.duration().toNanosPart() != 0) {
			errors.put("duration", "use whole minutes, e.g. PT2H30M");
		}
		Instant from = from(draft, now, policy, beforeFrom);
		if (!until(draft, from, errors) || errors.containsKey("rrule") || errors.containsKey("rruleStart")
				|| errors.containsKey("duration") || errors.containsKey("timeZone")) {
			return null;
		}
		return new Schedule.Rule(text, draft.rruleStart().withSecond(0).withNano(0), zone, draft.duration(), from,
				draft.until());
	}

	/** By default a recurring window starts once the notice period is over. */
	private static Instant from(WindowDraft draft, Instant now, MaintenancePolicy policy, Instant beforeFrom) {
		if (draft.from() != null) {
			return draft.from();
		}
		return beforeFrom != null ? beforeFrom : now.plus(policy.minNotice());
	}

	private static boolean until(WindowDraft draft, Instant from, Map<String, String> errors) {
		if (draft.until() != null && !draft.until().isAfter(from)) {
			errors.put("until", "must be after from (" + shown(from) + ")");
			return false;
		}
		return true;
	}

	private static void policy(Schedule schedule, String kind, boolean emergency, MaintenancePolicy policy, Instant now,
			Schedule before, Map<String, String> errors) {
		String startField = MaintenanceWindow.ONE_OFF.equals(kind) ? "startsAt" : "from";
		List<Schedule.Slot> slots = schedule.slots(now.minus(Duration.ofDays(1)), now.plus(HORIZON));
		if (schedule instanceof Schedule.Once once) {
			slots = List.of(new Schedule.Slot(once.start(), once.end()));
			Instant earliest = emergency ? now.minus(EMERGENCY_SLACK) : now;
			if (!once.end().isAfter(now)) {
				errors.put("endsAt", "is in the past (" + shown(once.end()) + ")");
				return;
			}
			if (once.start().isBefore(earliest) && before == null) {
				errors.put("startsAt", "is in the past (" + shown(once.start()) + "); a window starts now or later");
				return;
			}
		}
		else if (slots.isEmpty()) {
			errors.put(MaintenanceWindow.TIME_INTERVALS.equals(kind) ? "timeIntervals" : "rrule",
					"has no occurrence in the next " + HORIZON.toDays() + " days after " + shown(now));
			return;
		}
		for (Schedule.Slot slot : slots) {
			if (slot.length().compareTo(policy.maxDuration()) > 0) {
				String field = schedule instanceof Schedule.Once ? "endsAt"
						: MaintenanceWindow.TIME_INTERVALS.equals(kind) ? "timeIntervals" : "duration";
				errors.put(field,
						"the window " + (schedule instanceof Schedule.Once ? "" : "of " + shown(slot.start()) + " ")
								+ "lasts " + MaintenancePolicy.words(slot.length()) + "; the maintenance policy allows "
								+ "at most " + MaintenancePolicy.words(policy.maxDuration())
								+ " (handbook 003). Split the " + "work into shorter windows.");
				return;
			}
		}
		if (emergency) {
			return;
		}
		Instant noticeEnds = now.plus(policy.minNotice());
		Set<Schedule.Slot> known = before == null ? Set.of()
				: new HashSet<>(before.slots(now.minus(Duration.ofDays(1)), noticeEnds));
		for (Schedule.Slot slot : slots) {
			if (slot.start().isBefore(noticeEnds) && slot.end().isAfter(now) && !known.contains(slot)) {
				errors.put(startField, "starts " + shown(slot.start()) + ", inside the "
						+ MaintenancePolicy.words(policy.minNotice()) + " notice the maintenance policy requires for "
						+ "scheduled work (handbook 003). Start at " + shown(noticeEnds) + " or later, or mark it "
						+ "as emergency maintenance, which needs a manager's or admin's approval.");
				return;
			}
		}
	}

	private static List<UUID> services(List<String> given, Function<String, Optional<UUID>> services,
			Map<String, String> errors) {
		if (given == null || given.stream().allMatch(s -> s == null || s.isBlank())) {
			errors.put("services", "name at least one affected service (slug or id); a window without services "
					+ "would change nothing");
			return List.of();
		}
		Set<UUID> ids = new LinkedHashSet<>();
		for (int i = 0; i < given.size(); i++) {
			String ref = given.get(i) == null ? "" : given.get(i).trim();
			if (ref.isEmpty()) {
				continue;
			}
			var id = services.apply(ref);
			if (id.isEmpty()) {
				errors.put("services[" + i + "]", "no service '" + ref + "' in the catalog");
			}
			else {
				ids.add(id.get());
			}
		}
		return new ArrayList<>(ids);
	}

	private static void text(String value, String field, int max, boolean required, String hint,
			Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.put(field, hint);
			}
			return;
		}
		if (value.length() > max) {
			errors.put(field, "is " + value.length() + " characters; at most " + max);
		}
	}

	static String shown(Instant instant) {
		return SHOWN.format(instant.atZone(ZoneOffset.UTC));
	}

}
