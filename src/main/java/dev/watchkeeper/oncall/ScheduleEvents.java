package dev.watchkeeper.oncall;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.platform.AuditableEvent;

/** Changes to schedules and overrides, recorded in the audit trail. */
public final class ScheduleEvents {

	private ScheduleEvents() {
	}

	/** A schedule was created, changed or deleted. */
	public record ScheduleChanged(String action, Schedule previous, Schedule schedule,
			int overridesRemoved) implements AuditableEvent {

		public String targetType() {
			return "schedule";
		}

		public String targetId() {
			return (schedule != null ? schedule : previous).id().toString();
		}

		public String summary() {
			String name = (schedule != null ? schedule : previous).name();
			return switch (action) {
				case "schedule.created" -> "Created schedule " + name;
				case "schedule.deleted" -> "Deleted schedule " + name;
				default -> "Updated schedule " + name + (overridesRemoved > 0
						? " and removed " + overridesRemoved + " override(s) of dropped layers" : "");
			};
		}

		public Map<String, Object> before() {
			return fields(previous);
		}

		public Map<String, Object> after() {
			return fields(schedule);
		}

		private static Map<String, Object> fields(Schedule schedule) {
			if (schedule == null) {
				return Map.of();
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("name", schedule.name());
			fields.put("team", schedule.teamId() == null ? "" : schedule.teamId().toString());
			fields.put("time_zone", schedule.timeZone());
			fields.put("layers", schedule.layers().stream().map(ScheduleChanged::layer).toList());
			return fields;
		}

		private static String layer(Layer layer) {
			Rotation rotation = layer.rotation();
			String when = switch (rotation.shift()) {
				case WEEKLY -> "weekly " + rotation.handoffDay().name().toLowerCase() + " " + rotation.handoffTime();
				case DAILY -> "daily " + rotation.handoffTime();
				case CUSTOM -> "every " + Durations.format(rotation.length()) + " from " + rotation.handoffTime();
			};
			List<String> people = rotation.participants().stream().map(Object::toString).toList();
			return layer.name() + ": " + when + " from " + rotation.startDate() + ", " + people
					+ (layer.restrictions().isEmpty() ? "" : ", " + layer.restrictions().size() + " restriction(s)");
		}

	}

	/** An override was created or deleted. */
	public record OverrideChanged(String action, Schedule schedule,
			ScheduleOverride override) implements AuditableEvent {

		public String targetType() {
			return "override";
		}

		public String targetId() {
			return override.id().toString();
		}

		public String summary() {
			String verb = "override.created".equals(action) ? "Created" : "Deleted";
			return verb + " an override of " + schedule.name() + " (" + layerName() + ") from " + override.start()
					+ " to " + override.end();
		}

		private String layerName() {
			return override.layer() <= schedule.layers().size() ? schedule.layer(override.layer()).name()
					: "layer " + override.layer();
		}

		public Map<String, Object> before() {
			return "override.deleted".equals(action) ? fields() : Map.of();
		}

		public Map<String, Object> after() {
			return "override.created".equals(action) ? fields() : Map.of();
		}

		private Map<String, Object> fields() {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("schedule", schedule.id().toString());
			fields.put("layer", override.layer());
			fields.put("user", override.userId().toString());
			fields.put("covered_user", override.coveredUserId() == null ? "" : override.coveredUserId().toString());
			fields.put("start", override.start().toString());
			fields.put("end", override.end().toString());
			fields.put("note", override.note() == null ? "" : override.note());
			return fields;
		}

	}

}
