package dev.watchkeeper.oncall;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.platform.AuditableEvent;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.SecretKeyring;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * iCal feeds of shifts behind secret links: one per schedule, one per user. A link's
 * token is 256 random bits; only its SHA-256 hash is looked up, the token itself is kept
 * sealed so its owner can copy the link again. Rotating makes a new link and kills the
 * old one.
 */
@Service
public class Feeds {

	static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final FeedStore store;

	private final Schedules schedules;

	private final Users users;

	private final SecretKeyring keyring;

	private final FeedThrottle throttle;

	private final OncallSettings settings;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final Clock clock;

	Feeds(FeedStore store, Schedules schedules, Users users, SecretKeyring keyring, FeedThrottle throttle,
			OncallSettings settings, org.springframework.context.ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.schedules = schedules;
		this.users = users;
		this.keyring = keyring;
		this.throttle = throttle;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A feed's secret link token and when it was made.
	 *
	 * @param token the token for {@code /oncall/ical/<token>.ics}
	 * @param createdAt when it was made
	 */
	public record FeedLink(String token, Instant createdAt) {
	}

	/** The schedule's current link, if one was made (and can still be read). */
	public Optional<FeedLink> ofSchedule(UUID scheduleId) {
		schedules.get(scheduleId);
		return link("schedule", scheduleId);
	}

	public Optional<FeedLink> ofUser(UserId user) {
		return link("user", user.value());
	}

	@Transactional
	public FeedLink rotateSchedule(UUID scheduleId) {
		Schedule schedule = schedules.get(scheduleId);
		FeedLink link = rotate("schedule", scheduleId);
		events.publishEvent(new FeedRotated("schedule", scheduleId.toString(), "schedule " + schedule.name()));
		return link;
	}

	@Transactional
	public FeedLink rotateUser(UserId userId) {
		User user = users.get(userId);
		FeedLink link = rotate("user", userId.value());
		events.publishEvent(new FeedRotated("user", userId.toString(), user.email()));
		return link;
	}

	/**
	 * The calendar behind a link, from {@code feedDaysBehind} days ago to
	 * {@code feedWeeksAhead} weeks ahead. Unknown links are counted per address; past the
	 * limit they are refused with RATE_LIMITED before any lookup.
	 */
	@Transactional
	public Optional<String> calendar(String token, String address) {
		if (throttle.throttled(address)) {
			throw new DomainException(DomainException.Kind.RATE_LIMITED, "too-many-requests",
					"Too many unknown calendar links from this address; try again later", List.of(),
					settings.feedFailureWindow());
		}
		Optional<FeedStore.Feed> feed = token != null && TOKEN.matcher(token).matches() ? store.byHash(hash(token))
				: Optional.empty();
		if (feed.isEmpty()) {
			throw miss(address);
		}
		Instant now = clock.instant();
		store.used(hash(token), now);
		Instant from = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(settings.feedDaysBehind()));
		Instant to = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(7L * settings.feedWeeksAhead()));
		return "schedule".equals(feed.get().kind()) ? scheduleCalendar(feed.get().subjectId(), from, to, now)
				: userCalendar(new UserId(feed.get().subjectId()), from, to, now);
	}

	private DomainException miss(String address) {
		throttle.miss(address);
		return DomainException.notFound("Calendar", "link");
	}

	private Optional<String> scheduleCalendar(UUID id, Instant from, Instant to, Instant now) {
		Optional<Schedule> schedule = schedules.find(id);
		if (schedule.isEmpty()) {
			return Optional.empty();
		}
		List<Shift> shifts = new ArrayList<>();
		for (Instant start = from; start
			.isBefore(to); start = start.plus(Duration.ofDays(7L * OncallSettings.MAX_WEEKS))) {
			Instant end = start.plus(Duration.ofDays(7L * OncallSettings.MAX_WEEKS));
			shifts.addAll(schedules.calendar(id, start, end.isAfter(to) ? to : end).shifts());
		}
		Map<UserId, String> names = names(shifts);
		List<ICalendar.Event> events = shifts.stream()
			.map(shift -> event(shift,
					names.getOrDefault(shift.userId(), "a deleted user") + " on call (" + shift.layerName() + ")",
					schedule.get().name()))
			.toList();
		return Optional.of(ICalendar.write("On call: " + schedule.get().name(), now, events));
	}

	private Optional<String> userCalendar(UserId user, Instant from, Instant to, Instant now) {
		Optional<User> found = users.find(user);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		List<Shift> shifts = new ArrayList<>();
		for (Instant start = from; start
			.isBefore(to); start = start.plus(Duration.ofDays(7L * OncallSettings.MAX_WEEKS))) {
			Instant end = start.plus(Duration.ofDays(7L * OncallSettings.MAX_WEEKS));
			shifts.addAll(schedules.shiftsOf(user, start, end.isAfter(to) ? to : end));
		}
		Map<UUID, String> scheduleNames = new HashMap<>();
		schedules.findAll(shifts.stream().map(Shift::scheduleId).distinct().toList())
			.forEach(s -> scheduleNames.put(s.id(), s.name()));
		List<ICalendar.Event> events = shifts.stream().map(shift -> {
			String schedule = scheduleNames.getOrDefault(shift.scheduleId(), "a schedule");
			return event(shift, "On call: " + schedule + " (" + shift.layerName() + ")", schedule);
		}).toList();
		return Optional.of(ICalendar.write("My on-call shifts (" + found.get().name() + ")", now, events));
	}

	private static ICalendar.Event event(Shift shift, String summary, String schedule) {
		String uid = shift.scheduleId() + "-" + shift.layer() + "-" + shift.start().getEpochSecond() + "-"
				+ shift.userId() + (shift.overrideId() == null ? "" : "-" + shift.overrideId()) + "@watchkeeper";
		String description = "Schedule: " + schedule + "\nLayer: " + shift.layerName()
				+ (shift.overrideId() == null ? "" : "\nAn override covers this shift.");
		return new ICalendar.Event(uid, shift.start(), shift.end(), summary, description);
	}

	private Map<UserId, String> names(List<Shift> shifts) {
		Map<UserId, String> names = new HashMap<>();
		users.findAll(List.copyOf(new LinkedHashSet<>(shifts.stream().map(Shift::userId).toList())))
			.forEach(user -> names.put(user.id(), user.name()));
		return names;
	}

	private Optional<FeedLink> link(String kind, UUID subject) {
		return store.of(kind, subject).flatMap(feed -> {
			try {
				return Optional.of(new FeedLink(keyring.decrypt(feed.tokenSealed()), feed.createdAt()));
			}
			catch (IllegalStateException ex) {
				// sealed with another SECRET_KEY: the link works, but cannot be shown;
				// rotate
				return Optional.empty();
			}
		});
	}

	private FeedLink rotate(String kind, UUID subject) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		store.replace(kind, subject, hash(token), keyring.encrypt(token), now);
		return new FeedLink(token, now);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A feed link was made or replaced; the old one no longer works. */
	public record FeedRotated(String kind, String subjectId, String subject) implements AuditableEvent {

		public String action() {
			return "calendar_feed.rotated";
		}

		public String targetType() {
			return kind;
		}

		public String targetId() {
			return subjectId;
		}

		public String summary() {
			return "Made a new calendar feed link for " + subject + "; the previous link no longer works";
		}

	}

}
