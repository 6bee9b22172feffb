package dev.watchkeeper.maintenance.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.maintenance.MaintenanceWindow;
import dev.watchkeeper.maintenance.WindowDraft;
import dev.watchkeeper.platform.DomainException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The create/edit form as the browser posts it: times as {@code datetime-local} in UTC,
 * recurring ranges as JSON, the duration in minutes.
 */
record MaintenanceForm(String title, String description, String rollbackPlan, List<String> services, String kind,
		String startsAt, String endsAt, String timeIntervals, String rrule, String rruleStart, String timeZone,
		String durationMinutes, String from, String until, Boolean emergency, String emergencyReason) {

	private static final TypeReference<List<Map<String, Object>>> RANGES = new TypeReference<>() {
	};

	MaintenanceForm {
		services = services == null ? List.of() : List.copyOf(services);
		emergency = Boolean.TRUE.equals(emergency);
	}

	static MaintenanceForm empty(List<Map<String, Object>> defaultWindow, JsonMapper json) {
		return new MaintenanceForm("", "", "", List.of(), "one_off", "", "", json.writeValueAsString(defaultWindow), "",
				"", "UTC", "", "", "", false, "");
	}

	static MaintenanceForm of(MaintenanceWindow w, JsonMapper json) {
		return new MaintenanceForm(w.title(), w.description(), w.rollbackPlan(),
				w.serviceIds().stream().map(Object::toString).toList(), w.kind(), local(w.startsAt()),
				local(w.endsAt()), w.timeIntervals() == null ? "" : json.writeValueAsString(w.timeIntervals()),
				w.rrule() == null ? "" : w.rrule(), w.rruleStart() == null ? "" : w.rruleStart().toString(),
				w.timeZone() == null ? "UTC" : w.timeZone(),
				w.duration() == null ? "" : String.valueOf(w.duration().toMinutes()), local(w.from()), local(w.until()),
				w.emergency(), w.emergencyReason() == null ? "" : w.emergencyReason());
	}

	/**
	 * The draft, or a problem naming each field the browser sent in a shape we cannot
	 * read.
	 */
	WindowDraft draft(JsonMapper json) {
		Map<String, String> errors = new LinkedHashMap<>();
		String chosen = kind == null ? "one_off" : kind;
		boolean once = "one_off".equals(chosen);
		Instant start = once ? instant(startsAt, "startsAt", errors) : null;
		Instant end = once ? instant(endsAt, "endsAt", errors) : null;
		List<Map<String, Object>> ranges = null;
		if ("time_intervals".equals(chosen)) {
			try {
				ranges = blank(timeIntervals) ? List.of() : json.readValue(timeIntervals, RANGES);
			}
			catch (JacksonException ex) {
				errors.put("timeIntervals", "write a JSON list of ranges, e.g. [{\"weekdays\":[\"sunday\"],"
						+ "\"times\":[{\"start_time\":\"02:00\",\"end_time\":\"04:00\"}]}]");
			}
			if (ranges != null && ranges.isEmpty()) {
				errors.put("timeIntervals", "give at least one range");
			}
		}
		boolean rule = "rrule".equals(chosen);
		if (rule && blank(rrule)) {
			errors.put("rrule", "give a rule, e.g. FREQ=MONTHLY;BYDAY=1SU");
		}
		LocalDateTime ruleStart = rule ? local(rruleStart, "rruleStart", errors) : null;
		Duration duration = null;
		if (rule && !blank(durationMinutes)) {
			try {
				duration = Duration.ofMinutes(Long.parseLong(durationMinutes.trim()));
			}
			catch (NumberFormatException ex) {
				errors.put("durationMinutes", "give whole minutes, e.g. 240");
			}
		}
		Instant seriesFrom = once ? null : instant(from, "from", errors);
		Instant seriesUntil = once ? null : instant(until, "until", errors);
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		return new WindowDraft(title, description, rollbackPlan, services, start, end, ranges, rule ? rrule : null,
				ruleStart, rule ? timeZone : null, duration, seriesFrom, seriesUntil, emergency, emergencyReason);
	}

	/** Errors keyed by this form's field names. */
	Map<String, String> formErrors(List<DomainException.FieldError> errors) {
		Map<String, String> map = new LinkedHashMap<>();
		for (var error : errors) {
			String field = error.field();
			if (field.startsWith("services[")) {
				field = "services";
			}
			else if (field.startsWith("timeIntervals")) {
				field = "timeIntervals";
			}
			else if (field.equals("duration")) {
				field = "durationMinutes";
			}
			String message = field.equals(error.field()) ? error.message() : error.field() + ": " + error.message();
			map.merge(field, message, (a, b) -> a + "; " + b);
		}
		return map;
	}

	private static Instant instant(String value, String field, Map<String, String> errors) {
		if (blank(value)) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.trim()).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "give a date and time in UTC, e.g. 2026-12-06T02:00");
			return null;
		}
	}

	private static LocalDateTime local(String value, String field, Map<String, String> errors) {
		if (blank(value)) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "give a local date and time, e.g. 2026-12-06T02:00");
			return null;
		}
	}

	private static String local(Instant instant) {
		return instant == null ? ""
				: LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
