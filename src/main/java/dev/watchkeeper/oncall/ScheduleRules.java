package dev.watchkeeper.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import dev.watchkeeper.identity.TeamId;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.platform.DomainException;

/**
 * What a valid schedule is. Reads a {@link ScheduleDraft} into layers, reporting every
 * broken rule at once by field path ({@code layers[0].handoffTime}); refuses hand-off
 * wall times that fall in a daylight-saving gap within {@value #GAP_HORIZON_YEARS} years.
 */
final class ScheduleRules {

	static final int MAX_LAYERS = 5;

	static final int MAX_PARTICIPANTS = 100;

	static final int MAX_RESTRICTIONS = 14;

	static final int GAP_HORIZON_YEARS = 10;

	static final Duration MIN_LENGTH = Duration.ofHours(1);

	static final Duration MAX_LENGTH = Duration.ofDays(366);

	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	static final String DEFAULT_HANDOFF = "09:00";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

	private ScheduleRules() {
	}

	/**
	 * The parts of a valid schedule.
	 *
	 * @param name trimmed name
	 * @param description description or null
	 * @param teamId team or null
	 * @param timeZone the zone id
	 * @param layers the layers
	 */
	record Parsed(String name, String description, TeamId teamId, String timeZone, List<Layer> layers) {
	}

	static Parsed parse(ScheduleDraft draft, LocalDate today, Predicate<UserId> userExists,
			Predicate<TeamId> teamExists) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = draft.name() == null ? "" : draft.name().trim();
		if (name.isEmpty() || name.length() > 200) {
			errors.put("name", "must be 1 to 200 characters");
		}
		if (draft.description() != null && draft.description().length() > 2000) {
			errors.put("description", "must be at most 2000 characters");
		}
		TeamId team = null;
		if (draft.teamId() != null && !draft.teamId().isBlank()) {
			team = uuid(draft.teamId()).map(TeamId::new).orElse(null);
			if (team == null || !teamExists.test(team)) {
				errors.put("teamId", "no team " + draft.teamId().trim());
			}
		}
		String zoneId = draft.timeZone() == null || draft.timeZone().isBlank() ? "UTC" : draft.timeZone().trim();
		ZoneId zone = zone(zoneId).orElse(null);
		if (zone == null) {
			errors.put("timeZone", "must be an IANA time zone such as Europe/Berlin; " + zoneId + " is not one");
		}
		List<ScheduleDraft.LayerDraft> drafts = draft.layers() == null ? List.of() : draft.layers();
		if (drafts.isEmpty() || drafts.size() > MAX_LAYERS) {
			errors.put("layers", "must be 1 to " + MAX_LAYERS + " layers");
		}
		List<Layer> layers = new ArrayList<>();
		for (int i = 0; i < Math.min(drafts.size(), MAX_LAYERS); i++) {
			layer(drafts.get(i), "layers[" + i + "]", i, zone, today, userExists, errors).ifPresent(layers::add);
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		return new Parsed(name, blankToNull(draft.description()), team, zoneId, layers);
	}

	private static Optional<Layer> layer(ScheduleDraft.LayerDraft draft, String at, int index, ZoneId zone,
			LocalDate today, Predicate<UserId> userExists, Map<String, String> errors) {
		if (draft == null) {
			errors.put(at, "must be a layer");
			return Optional.empty();
		}
		int before = errors.size();
		String name = draft.name() == null || draft.name().isBlank() ? defaultName(index) : draft.name().trim();
		if (name.length() > 100) {
			errors.put(at + ".name", "must be at most 100 characters");
		}
		List<UserId> participants = participants(draft.participants(), at, userExists, errors);
		ShiftKind shift = draft.shift() == null || draft.shift().isBlank() ? ShiftKind.WEEKLY
				: ShiftKind.parse(draft.shift().trim()).orElse(null);
		if (shift == null) {
			errors.put(at + ".shift", "must be daily, weekly or custom");
		}
		Duration length = null;
		if (shift == ShiftKind.CUSTOM) {
			length = Durations.parse(draft.length()).orElse(null);
			if (length == null || length.compareTo(MIN_LENGTH) < 0 || length.compareTo(MAX_LENGTH) > 0
					|| length.toSecondsPart() != 0) {
				errors.put(at + ".length", "must be whole minutes from 1h to 366d, e.g. 12h or 3d");
				length = null;
			}
		}
		DayOfWeek day = draft.handoffDay() == null || draft.handoffDay().isBlank() ? DayOfWeek.MONDAY
				: day(draft.handoffDay()).orElse(null);
		if (day == null) {
			errors.put(at + ".handoffDay", "must be a day of the week such as monday");
		}
		LocalTime handoff = time(
				draft.handoffTime() == null || draft.handoffTime().isBlank() ? DEFAULT_HANDOFF : draft.handoffTime())
			.orElse(null);
		if (handoff == null) {
			errors.put(at + ".handoffTime", "must be a time of day such as 09:00");
		}
		LocalDate start = draft.startDate() == null || draft.startDate().isBlank() ? today
				: date(draft.startDate()).orElse(null);
		if (start == null || start.isBefore(EARLIEST) || start.isAfter(LATEST)) {
			errors.put(at + ".startDate", "must be a date (yyyy-mm-dd) from 2000 to 2100");
			start = null;
		}
		List<Restriction> restrictions = restrictions(draft.restrictions(), at, errors);
		if (errors.size() > before) {
			return Optional.empty();
		}
		var rotation = new Rotation(participants, shift, length, day, handoff, start);
		if (zone != null) {
			checkGaps(rotation, zone, today, at, errors);
		}
		return Optional.of(new Layer(name, rotation, restrictions));
	}

	static String defaultName(int index) {
		return switch (index) {
			case 0 -> "Primary";
			case 1 -> "Secondary";
			default -> "Layer " + (index + 1);
		};
	}

	/** Refuses a rotation with a hand-off that would fall in a daylight-saving gap. */
	static void checkGaps(Rotation rotation, ZoneId zone, LocalDate today, String at, Map<String, String> errors) {
		LocalDateTime anchor = rotation.anchor();
		LocalDate from = anchor.toLocalDate().isAfter(today) ? anchor.toLocalDate() : today;
		LocalDateTime until = from.plusYears(GAP_HORIZON_YEARS).atStartOfDay();
		WallClock.firstInGap(anchor, rotation.shiftLength(), zone, until)
			.ifPresent(gap -> errors.put(at + ".handoffTime",
					"the hand-off at " + gap.toLocalTime() + " on " + gap.toLocalDate() + " does not exist in "
							+ zone.getId() + " (the clocks skip it for daylight saving); choose another time"));
	}

	private static List<UserId> participants(List<String> ids, String at, Predicate<UserId> userExists,
			Map<String, String> errors) {
		List<String> values = ids == null ? List.of() : ids;
		if (values.isEmpty() || values.size() > MAX_PARTICIPANTS) {
			errors.put(at + ".participants", "must name 1 to " + MAX_PARTICIPANTS + " users");
			return List.of();
		}
		List<UserId> participants = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			Optional<UserId> user = uuid(values.get(i)).map(UserId::new);
			if (user.isEmpty() || !userExists.test(user.get())) {
				errors.put(at + ".participants[" + i + "]", "no user " + values.get(i));
			}
			else {
				participants.add(user.get());
			}
		}
		return participants;
	}

	private static List<Restriction> restrictions(List<ScheduleDraft.RestrictionDraft> drafts, String at,
			Map<String, String> errors) {
		List<ScheduleDraft.RestrictionDraft> values = drafts == null ? List.of() : drafts;
		if (values.size() > MAX_RESTRICTIONS) {
			errors.put(at + ".restrictions", "must be at most " + MAX_RESTRICTIONS);
			return List.of();
		}
		List<Restriction> restrictions = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			String path = at + ".restrictions[" + i + "]";
			ScheduleDraft.RestrictionDraft draft = values.get(i);
			if (draft == null) {
				errors.put(path, "must be a window");
				continue;
			}
			Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
			List<String> names = draft.days() == null ? List.of() : draft.days();
			for (String name : names) {
				day(name).ifPresentOrElse(days::add, () -> errors.put(path + ".days",
						"must be days of the week such as monday; " + name + " is not"));
			}
			if (names.isEmpty()) {
				errors.put(path + ".days", "must name at least one day");
			}
			Optional<LocalTime> start = time(draft.start());
			Optional<LocalTime> end = time(draft.end());
			if (start.isEmpty()) {
				errors.put(path + ".start", "must be a time of day such as 09:00");
			}
			if (end.isEmpty()) {
				errors.put(path + ".end", "must be a time of day such as 17:00");
			}
			if (start.isPresent() && end.isPresent() && !days.isEmpty()) {
				restrictions.add(new Restriction(days, start.get(), end.get()));
			}
		}
		return restrictions;
	}

	static Optional<ZoneId> zone(String id) {
		if (id == null || !ZoneId.getAvailableZoneIds().contains(id)) {
			return Optional.empty();
		}
		return Optional.of(ZoneId.of(id));
	}

	static Optional<DayOfWeek> day(String name) {
		if (name == null || name.isBlank()) {
			return Optional.empty();
		}
		String value = name.trim().toUpperCase(Locale.ROOT);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.name().equals(value) || (value.length() == 3 && day.name().startsWith(value))) {
				return Optional.of(day);
			}
		}
		return Optional.empty();
	}

	static Optional<LocalTime> time(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalTime.parse(text.trim(), TIME));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	static Optional<LocalDate> date(String text) {
		try {
			return Optional.of(LocalDate.parse(text.trim()));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	static Optional<UUID> uuid(String text) {
		if (text == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(text.trim()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
