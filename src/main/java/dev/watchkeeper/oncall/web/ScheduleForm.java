package dev.watchkeeper.oncall.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.oncall.Durations;
import dev.watchkeeper.oncall.Layer;
import dev.watchkeeper.oncall.Restriction;
import dev.watchkeeper.oncall.Schedule;
import dev.watchkeeper.oncall.ScheduleDraft;
import dev.watchkeeper.oncall.ShiftKind;
import dev.watchkeeper.platform.DomainException;

import org.springframework.util.MultiValueMap;

/**
 * The schedule editor as the browser posts it: one block of fields per layer
 * ({@code layer0.name} …), participants as emails one per line, restrictions one window
 * per line ({@code mon-fri 09:00-17:00}). A layer left without participants is dropped.
 *
 * @param name name
 * @param description description
 * @param teamId team id or empty
 * @param timeZone zone
 * @param layers the layers, one blank extra for adding
 */
record ScheduleForm(String name, String description, String teamId, String timeZone, List<LayerForm> layers) {

	static final int MAX_LAYERS = 5;

	private static final Pattern WINDOW = Pattern
		.compile("\\s*([a-z,\\- ]+?)\\s+(\\d{1,2}:\\d{2})\\s*[-–]\\s*(\\d{1,2}:\\d{2})\\s*");

	private static final List<DayOfWeek> WEEK = Arrays.asList(DayOfWeek.values());

	/**
	 * One layer's fields.
	 *
	 * @param name layer name
	 * @param participants emails, one per line, in turn order
	 * @param shift daily, weekly or custom
	 * @param length custom length
	 * @param handoffDay weekly hand-off day
	 * @param handoffTime hand-off time
	 * @param startDate first day
	 * @param restrictions one window per line
	 */
	record LayerForm(String name, String participants, String shift, String length, String handoffDay,
			String handoffTime, String startDate, String restrictions) {

		static LayerForm blank(String today) {
			return new LayerForm("", "", "weekly", "", "monday", "09:00", today, "");
		}

		public boolean isBlank() {
			return participants == null || participants.isBlank();
		}

	}

	static ScheduleForm empty(String today) {
		return new ScheduleForm("", "", "", "Europe/Berlin",
				List.of(new LayerForm("Primary", "", "weekly", "", "monday", "09:00", today, ""),
						new LayerForm("Secondary", "", "weekly", "", "monday", "09:00", today, "")));
	}

	static ScheduleForm of(Schedule schedule, Map<UserId, User> users, String today) {
		List<LayerForm> layers = new ArrayList<>();
		for (Layer layer : schedule.layers()) {
			var rotation = layer.rotation();
			layers.add(new LayerForm(layer.name(),
					String.join("\n",
							rotation.participants()
								.stream()
								.map(id -> users.containsKey(id) ? users.get(id).email() : id.toString())
								.toList()),
					rotation.shift().value(),
					rotation.shift() == ShiftKind.CUSTOM ? Durations.format(rotation.length()) : "",
					rotation.handoffDay() == null ? "monday" : ScheduleView.day(rotation.handoffDay()),
					rotation.handoffTime().toString(), rotation.startDate().toString(),
					String.join("\n", layer.restrictions().stream().map(ScheduleForm::line).toList())));
		}
		if (layers.size() < MAX_LAYERS) {
			layers.add(LayerForm.blank(today));
		}
		return new ScheduleForm(schedule.name(), schedule.description() == null ? "" : schedule.description(),
				schedule.teamId() == null ? "" : schedule.teamId().toString(), schedule.timeZone(), layers);
	}

	static ScheduleForm read(MultiValueMap<String, String> params) {
		List<LayerForm> layers = new ArrayList<>();
		for (int i = 0; i < MAX_LAYERS; i++) {
			String prefix = "layer" + i + ".";
			if (!params.containsKey(prefix + "name") && !params.containsKey(prefix + "participants")) {
				continue;
			}
			layers.add(new LayerForm(value(params, prefix + "name"), value(params, prefix + "participants"),
					value(params, prefix + "shift"), value(params, prefix + "length"),
					value(params, prefix + "handoffDay"), value(params, prefix + "handoffTime"),
					value(params, prefix + "startDate"), value(params, prefix + "restrictions")));
		}
		return new ScheduleForm(value(params, "name"), value(params, "description"), value(params, "teamId"),
				value(params, "timeZone"), layers);
	}

	/**
	 * The draft; emails are looked up with {@code byEmail}. Unreadable fields are refused
	 * here, by this form's field names.
	 */
	ScheduleDraft draft(Function<String, Optional<User>> byEmail) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<ScheduleDraft.LayerDraft> drafts = new ArrayList<>();
		for (int i = 0; i < layers.size(); i++) {
			LayerForm layer = layers.get(i);
			if (layer.isBlank()) {
				continue;
			}
			String at = "layer" + i + ".";
			List<String> ids = new ArrayList<>();
			for (String email : layer.participants().split("[\\s,;]+")) {
				if (email.isBlank()) {
					continue;
				}
				byEmail.apply(email.trim())
					.ifPresentOrElse(user -> ids.add(user.id().toString()),
							() -> errors.put(at + "participants", "no user with email " + email.trim()));
			}
			List<ScheduleDraft.RestrictionDraft> restrictions = new ArrayList<>();
			for (String line : (layer.restrictions() == null ? "" : layer.restrictions()).split("\\R")) {
				if (line.isBlank()) {
					continue;
				}
				restriction(line).ifPresentOrElse(restrictions::add, () -> errors.put(at + "restrictions",
						"write one window per line, e.g. mon-fri 09:00-17:00; \"" + line.trim() + "\" is not one"));
			}
			drafts.add(new ScheduleDraft.LayerDraft(layer.name(), ids, layer.shift(), layer.length(),
					layer.handoffDay(), layer.handoffTime(), layer.startDate(), restrictions));
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		return new ScheduleDraft(name, description, teamId, timeZone, drafts);
	}

	/**
	 * Maps the draft's field paths ({@code layers[1].handoffTime}) back to this form's
	 * fields ({@code layer1.handoffTime}); layers left blank are skipped in the draft.
	 */
	Map<String, String> formErrors(List<DomainException.FieldError> errors) {
		List<Integer> kept = new ArrayList<>();
		for (int i = 0; i < layers.size(); i++) {
			if (!layers.get(i).isBlank()) {
				kept.add(i);
			}
		}
		Map<String, String> mapped = new LinkedHashMap<>();
		for (var error : errors) {
			String field = error.field();
			Matcher matcher = Pattern.compile("layers\\[(\\d+)]\\.?([a-zA-Z]*).*").matcher(field);
			if (matcher.matches()) {
				int index = Integer.parseInt(matcher.group(1));
				String part = matcher.group(2).isEmpty() ? "participants" : matcher.group(2);
				field = index < kept.size() ? "layer" + kept.get(index) + "." + part : "layers";
			}
			mapped.putIfAbsent(field, error.message());
		}
		return mapped;
	}

	/**
	 * {@code mon-fri 09:00-17:00}, {@code sat,sun 10:00-14:00},
	 * {@code daily 22:00-06:00}.
	 */
	static Optional<ScheduleDraft.RestrictionDraft> restriction(String line) {
		Matcher matcher = WINDOW.matcher(line.toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			return Optional.empty();
		}
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		String spec = matcher.group(1).replace(" ", "");
		if (spec.equals("daily") || spec.equals("everyday")) {
			days.addAll(WEEK);
		}
		else {
			for (String part : spec.split(",")) {
				String[] range = part.split("-");
				Optional<DayOfWeek> from = day(range[0]);
				Optional<DayOfWeek> to = range.length > 1 ? day(range[1]) : from;
				if (from.isEmpty() || to.isEmpty() || range.length > 2) {
					return Optional.empty();
				}
				for (DayOfWeek day = from.get();; day = day.plus(1)) {
					days.add(day);
					if (day == to.get()) {
						break;
					}
				}
			}
		}
		return Optional.of(new ScheduleDraft.RestrictionDraft(days.stream().map(ScheduleView::day).toList(),
				matcher.group(2), matcher.group(3)));
	}

	private static Optional<DayOfWeek> day(String text) {
		return WEEK.stream()
			.filter(d -> text.length() >= 3 && d.name().toLowerCase(Locale.ROOT).startsWith(text))
			.findFirst();
	}

	static String line(Restriction restriction) {
		List<DayOfWeek> days = restriction.days().stream().sorted().toList();
		String spec;
		if (days.size() == 7) {
			spec = "daily";
		}
		else if (days.size() > 2 && days.get(days.size() - 1).getValue() - days.get(0).getValue() == days.size() - 1) {
			spec = abbreviation(days.get(0)) + "-" + abbreviation(days.get(days.size() - 1));
		}
		else {
			spec = String.join(",", days.stream().map(ScheduleForm::abbreviation).toList());
		}
		return spec + " " + time(restriction.start()) + "-" + time(restriction.end());
	}

	private static String abbreviation(DayOfWeek day) {
		return ScheduleView.day(day).substring(0, 3);
	}

	private static String time(LocalTime time) {
		return time.toString();
	}

	private static String value(MultiValueMap<String, String> params, String key) {
		String value = params.getFirst(key);
		return value == null ? "" : value;
	}

}
