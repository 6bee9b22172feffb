package dev.watchkeeper.alerting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.AuditableEvent;
import dev.watchkeeper.platform.DomainException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Silences: scheduled ahead or effective now, expiring by themselves at their end. An
 * alert that a silence matches stays visible, marked as silenced.
 */
@Service
public class Silences {

	private static final TypeReference<List<Matcher>> MATCHERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Silences(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A silence to create.
	 *
	 * @param matchers all must match
	 * @param startsAt when it starts; now when null
	 * @param endsAt when it ends
	 * @param comment why
	 */
	public record SilenceDraft(List<Matcher> matchers, Instant startsAt, Instant endsAt, String comment) {
	}

	@Transactional
	public Silence create(SilenceDraft draft) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant start = draft.startsAt() == null || draft.startsAt().isBefore(now) ? now
				: draft.startsAt().truncatedTo(ChronoUnit.MICROS);
		Map<String, String> errors = new LinkedHashMap<>();
		if (draft.matchers() == null || draft.matchers().isEmpty()) {
			errors.put("matchers", "at least one matcher is needed");
		}
		else if (draft.matchers().stream().allMatch(Matcher::matchesEmpty)) {
			errors.put("matchers",
					"at least one matcher must not match an empty label, or it would silence everything");
		}
		if (draft.endsAt() == null || !draft.endsAt().isAfter(start)) {
			errors.put("endsAt", "must be after the start");
		}
		if (draft.comment() == null || draft.comment().isBlank()) {
			errors.put("comment", "say why, so the next person on call knows");
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		var silence = new Silence(UUID.randomUUID(), List.copyOf(draft.matchers()), start,
				draft.endsAt().truncatedTo(ChronoUnit.MICROS), Actor.current().name(), draft.comment().trim(), now);
		jdbc.sql(
				"""
						INSERT INTO alerting_silences (id, matchers, starts_at, ends_at, created_by, comment, created_at, updated_at)
						VALUES (:id, CAST(:matchers AS jsonb), :startsAt, :endsAt, :createdBy, :comment, :now, :now)""")
			.param("id", silence.id())
			.param("matchers", json.writeValueAsString(silence.matchers()))
			.param("startsAt", Timestamp.from(silence.startsAt()))
			.param("endsAt", Timestamp.from(silence.endsAt()))
			.param("createdBy", silence.createdBy())
			.param("comment", silence.comment())
			.param("now", Timestamp.from(now))
			.update();
		events.publishEvent(new SilenceChanged("silence.created", silence));
		return silence;
	}

	/** Ends a silence now; a pending one never starts. */
	@Transactional
	public Silence expire(UUID id) {
		Silence silence = find(id).orElseThrow(() -> DomainException.notFound("Silence", id));
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		if ("expired".equals(silence.stateAt(now))) {
			throw DomainException.conflict("silence-expired", "The silence has already expired");
		}
		Instant start = silence.startsAt().isAfter(now) ? now : silence.startsAt();
		jdbc.sql("UPDATE alerting_silences SET starts_at = :start, ends_at = :now, updated_at = :now WHERE id = :id")
			.param("id", id)
			.param("start", Timestamp.from(start))
			.param("now", Timestamp.from(now))
			.update();
		Silence expired = find(id).orElseThrow();
		events.publishEvent(new SilenceChanged("silence.expired", expired));
		return expired;
	}

	public Optional<Silence> find(UUID id) {
		return jdbc.sql("SELECT * FROM alerting_silences WHERE id = :id").param("id", id).query(this::row).optional();
	}

	/** Pending and active silences first, then the most recently ended. */
	public List<Silence> list(int limit) {
		return jdbc.sql("""
				SELECT * FROM alerting_silences ORDER BY (ends_at > :now) DESC, ends_at DESC LIMIT :limit""")
			.param("now", Timestamp.from(clock.instant()))
			.param("limit", Math.min(Math.max(limit, 1), 1000))
			.query(this::row)
			.list();
	}

	/** The silences in force now, to match many alerts against. */
	public List<Silence> active() {
		return jdbc.sql("SELECT * FROM alerting_silences WHERE starts_at <= :now AND ends_at > :now")
			.param("now", Timestamp.from(clock.instant()))
			.query(this::row)
			.list();
	}

	/** Ids of the silences in force now that mute these labels. */
	public List<UUID> silencing(Map<String, String> labels, List<Silence> active) {
		Instant now = clock.instant();
		return active.stream().filter(s -> s.silences(labels, now)).map(Silence::id).toList();
	}

	private Silence row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Silence(rs.getObject("id", UUID.class), json.readValue(rs.getString("matchers"), MATCHERS),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				rs.getString("created_by"), rs.getString("comment"), rs.getTimestamp("created_at").toInstant());
	}

	public record SilenceChanged(String action, Silence silence) implements AuditableEvent {

		public String targetType() {
			return "silence";
		}

		public String targetId() {
			return silence.id().toString();
		}

		public String summary() {
			return ("silence.created".equals(action) ? "Created" : "Expired") + " silence "
					+ silence.matchers().stream().map(Matcher::toString).toList() + ": " + silence.comment();
		}

		public Map<String, Object> after() {
			return Map.of("matchers", silence.matchers().stream().map(Matcher::toString).toList(), "starts_at",
					silence.startsAt().toString(), "ends_at", silence.endsAt().toString());
		}

	}

}
