package dev.watchkeeper.alerting;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A named set of time ranges in Alertmanager's syntax: a moment is inside the interval
 * when any range contains it, and a range contains it when every field it sets does.
 *
 * @param name the name routes refer to
 * @param ranges the ranges; any may match
 */
public record TimeInterval(String name, List<Range> ranges) {

	static final List<String> WEEKDAYS = List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
			"saturday");

	static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july", "august",
			"september", "october", "november", "december");

	public TimeInterval {
		ranges = List.copyOf(ranges);
	}

	public boolean contains(Instant instant) {
		return ranges.stream().anyMatch(r -> r.contains(instant));
	}

	/**
	 * Inclusive bounds, as written; for times, minutes of the day with an exclusive end.
	 */
	public record Span(int start, int end) {
	}

	/**
	 * One range: every field that is set must contain the moment.
	 *
	 * @param times minutes of the day, end exclusive; empty: any time
	 * @param weekdays 0 = Sunday … 6 = Saturday; empty: any day
	 * @param daysOfMonth 1…31 or -31…-1 counted from the month's end; empty: any day
	 * @param months 1…12; empty: any month
	 * @param years years; empty: any year
	 * @param location the zone the fields are read in; UTC when not given
	 * @param source the range as written, for display and storage
	 */
	public record Range(List<Span> times, List<Span> weekdays, List<Span> daysOfMonth, List<Span> months,
			List<Span> years, ZoneId location, Map<String, Object> source) {

		public boolean contains(Instant instant) {
			ZonedDateTime t = instant.atZone(location);
			if (!times.isEmpty()) {
				int minute = t.getHour() * 60 + t.getMinute();
				if (times.stream().noneMatch(s -> minute >= s.start() && minute < s.end())) {
					return false;
				}
			}
			if (!daysOfMonth.isEmpty()) {
				int length = YearMonth.from(t).lengthOfMonth();
				int day = t.getDayOfMonth();
				boolean in = false;
				for (Span s : daysOfMonth) {
					int begin = s.start() < 0 ? length + s.start() + 1 : s.start();
					int end = s.end() < 0 ? length + s.end() + 1 : s.end();
					if (begin > length) {
						continue;
					}
					end = Math.min(end, length);
					if (day >= begin && day <= end) {
						in = true;
						break;
					}
				}
				if (!in) {
					return false;
				}
			}
			int weekday = t.getDayOfWeek().getValue() % 7;
			return within(weekdays, weekday) && within(months, t.getMonthValue()) && within(years, t.getYear());
		}

		/**
		 * Whether the range's day fields (weekdays, days of month, months, years) hold on
		 * this date in its location; its times are not looked at.
		 */
		public boolean containsDate(java.time.LocalDate date) {
			if (!daysOfMonth.isEmpty()) {
				int length = date.lengthOfMonth();
				int day = date.getDayOfMonth();
				boolean in = false;
				for (Span s : daysOfMonth) {
					int begin = s.start() < 0 ? length + s.start() + 1 : s.start();
					int end = Math.min(s.end() < 0 ? length + s.end() + 1 : s.end(), length);
					if (begin <= length && day >= begin && day <= end) {
						in = true;
						break;
					}
				}
				if (!in) {
					return false;
				}
			}
			int weekday = date.getDayOfWeek().getValue() % 7;
			return within(weekdays, weekday) && within(months, date.getMonthValue()) && within(years, date.getYear());
		}

		private static boolean within(List<Span> spans, int value) {
			return spans.isEmpty() || spans.stream().anyMatch(s -> value >= s.start() && value <= s.end());
		}

	}

	/**
	 * Reads ranges written as in Alertmanager's {@code time_intervals} (a list of objects
	 * with {@code times}, {@code weekdays}, {@code days_of_month}, {@code months},
	 * {@code years}, {@code location}), for other modules that take the same syntax.
	 * @param name the interval's name
	 * @param ranges the list as read from JSON or YAML
	 * @param path the field the list was given in, e.g. {@code timeIntervals}
	 * @param errors gets one message per bad field, keyed {@code path[i].field}
	 * @return the interval; empty when {@code errors} got a message
	 */
	public static java.util.Optional<TimeInterval> parse(String name, Object ranges, String path,
			Map<String, String> errors) {
		int before = errors.size();
		var list = ConfigDocument.list(ranges, path, errors);
		List<Range> parsed = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			Range range = parseRange(list.get(i), path + "[" + i + "]", errors);
			if (range != null) {
				parsed.add(range);
			}
		}
		if (errors.size() == before && parsed.isEmpty()) {
			errors.put(path, "give at least one range, e.g. {\"weekdays\": [\"sunday\"], \"times\": "
					+ "[{\"start_time\": \"02:00\", \"end_time\": \"06:00\"}]}");
		}
		return errors.size() > before ? java.util.Optional.empty()
				: java.util.Optional.of(new TimeInterval(name, parsed));
	}

	/**
	 * Reads one range from its document form, adding an error per bad field under
	 * {@code path}.
	 */
	static Range parseRange(Object raw, String path, Map<String, String> errors) {
		if (!(raw instanceof Map<?, ?> map)) {
			errors.put(path, "must be an object with times, weekdays, days_of_month, months, years or location");
			return null;
		}
		Map<String, Object> source = new LinkedHashMap<>();
		int before = errors.size();
		List<Span> times = new ArrayList<>();
		List<Span> weekdays = new ArrayList<>();
		List<Span> days = new ArrayList<>();
		List<Span> months = new ArrayList<>();
		List<Span> years = new ArrayList<>();
		ZoneId zone = ZoneOffset.UTC;
		for (var entry : map.entrySet()) {
			String key = String.valueOf(entry.getKey());
			String at = path + "." + key;
			Object value = entry.getValue();
			switch (key) {
				case "times" -> {
					var list = ConfigDocument.list(value, at, errors);
					List<Object> kept = new ArrayList<>();
					for (int i = 0; i < list.size(); i++) {
						Span span = time(list.get(i), at + "[" + i + "]", errors);
						if (span != null) {
							times.add(span);
							kept.add(Map.of("start_time", hhmm(span.start()), "end_time", hhmm(span.end())));
						}
					}
					source.put(key, kept);
				}
				case "weekdays" -> source.put(key, spans(value, at, errors, weekdays, Kind.WEEKDAY));
				case "days_of_month" -> source.put(key, spans(value, at, errors, days, Kind.DAY_OF_MONTH));
				case "months" -> source.put(key, spans(value, at, errors, months, Kind.MONTH));
				case "years" -> source.put(key, spans(value, at, errors, years, Kind.YEAR));
				case "location" -> {
					try {
						zone = "Local".equals(value) ? ZoneOffset.UTC : ZoneId.of(String.valueOf(value));
						source.put(key, String.valueOf(value));
					}
					catch (DateTimeException ex) {
						errors.put(at, "unknown time zone '" + value + "'; use an IANA name such as Europe/Berlin");
					}
				}
				default -> errors.put(at, "unknown field; use times, weekdays, days_of_month, months, years, location");
			}
		}
		if (errors.size() > before) {
			return null;
		}
		return new Range(List.copyOf(times), List.copyOf(weekdays), List.copyOf(days), List.copyOf(months),
				List.copyOf(years), zone, source);
	}

	private enum Kind {

		WEEKDAY, DAY_OF_MONTH, MONTH, YEAR

	}

	private static List<String> spans(Object value, String at, Map<String, String> errors, List<Span> into, Kind kind) {
		var list = ConfigDocument.list(value, at, errors);
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			String text = String.valueOf(list.get(i)).trim().toLowerCase(Locale.ROOT);
			String item = at + "[" + i + "]";
			String[] parts = text.split(":", -1);
			if (parts.length > 2) {
				errors.put(item, "write one value or a range start:end");
				continue;
			}
			Integer start = value(parts[0], kind);
			Integer end = parts.length == 2 ? value(parts[1], kind) : start;
			if (start == null || end == null) {
				errors.put(item, switch (kind) {
					case WEEKDAY -> "'" + text + "' is not a weekday (monday … sunday)";
					case DAY_OF_MONTH -> "'" + text + "' is not a day of the month (1 … 31, or -31 … -1 from the end)";
					case MONTH -> "'" + text + "' is not a month (january … december, or 1 … 12)";
					case YEAR -> "'" + text + "' is not a year";
				});
				continue;
			}
			int trueStart = kind == Kind.DAY_OF_MONTH && start < 0 ? 30 + start : start;
			int trueEnd = kind == Kind.DAY_OF_MONTH && end < 0 ? 30 + end : end;
			if (trueStart > trueEnd) {
				errors.put(item, "the start of '" + text + "' is after its end");
				continue;
			}
			into.add(new Span(start, end));
			kept.add(text);
		}
		return kept;
	}

	private static Integer value(String text, Kind kind) {
		if (kind == Kind.WEEKDAY) {
			int index = WEEKDAYS.indexOf(text);
			return index < 0 ? null : index;
		}
		if (kind == Kind.MONTH && MONTHS.contains(text)) {
			return MONTHS.indexOf(text) + 1;
		}
		if (!text.matches("-?\\d{1,5}")) {
			return null;
		}
		int n = Integer.parseInt(text);
		return switch (kind) {
			case DAY_OF_MONTH -> n != 0 && n >= -31 && n <= 31 ? n : null;
			case MONTH -> n >= 1 && n <= 12 ? n : null;
			case YEAR -> n >= 1 && n <= 9999 ? n : null;
			case WEEKDAY -> null;
		};
	}

	private static Span time(Object raw, String at, Map<String, String> errors) {
		if (!(raw instanceof Map<?, ?> map)) {
			errors.put(at, "write {start_time: \"09:00\", end_time: \"17:00\"}");
			return null;
		}
		Integer start = minutes(map.get("start_time"));
		Integer end = minutes(map.get("end_time"));
		if (start == null || start >= 24 * 60) {
			errors.put(at + ".start_time", "use HH:MM between 00:00 and 23:59");
			return null;
		}
		if (end == null) {
			errors.put(at + ".end_time", "use HH:MM between 00:01 and 24:00");
			return null;
		}
		if (end <= start) {
			errors.put(at + ".end_time", "must be after start_time (ranges do not cross midnight; split them)");
			return null;
		}
		return new Span(start, end);
	}

	private static Integer minutes(Object raw) {
		if (raw == null) {
			return null;
		}
		String text = raw.toString().trim();
		if (!text.matches("\\d{2}:\\d{2}")) {
			return null;
		}
		int hours = Integer.parseInt(text.substring(0, 2));
		int minutes = Integer.parseInt(text.substring(3));
		if (minutes > 59 || hours > 24 || (hours == 24 && minutes > 0)) {
			return null;
		}
		return hours * 60 + minutes;
	}

	static String hhmm(int minutes) {
		return "%02d:%02d".formatted(minutes / 60, minutes % 60);
	}

	/** The document form, as the configuration API shows it. */
	Map<String, Object> document() {
		return Map.of("name", name, "time_intervals", ranges.stream().map(Range::source).toList());
	}

}
