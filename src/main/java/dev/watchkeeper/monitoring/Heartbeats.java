package dev.watchkeeper.monitoring;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Heartbeat pings with the Healthchecks.io semantics: a success (or exit status 0) is a
 * good run, {@code /fail} or a non-zero exit status a failed one, {@code /start} marks a
 * run's start (paired with its finish by {@code rid}, else by being the latest), and
 * {@code /log} only records. After each ping the "late" deadline is set: the next
 * expected ping (period, or the next cron time in its zone) plus the grace time, or,
 * while a run is going, its start plus the grace time. A late, failed or too-short run
 * takes the check down at once.
 */
@Component
public class Heartbeats {

	private final CheckStore checks;

	private final PingStore pings;

	private final CheckOutcomes outcomes;

	private final HeartbeatDeadlines deadlines;

	private final MonitoringSettings settings;

	private final Clock clock;

	Heartbeats(CheckStore checks, PingStore pings, CheckOutcomes outcomes, HeartbeatDeadlines deadlines,
			MonitoringSettings settings, Clock clock) {
		this.checks = checks;
		this.pings = pings;
		this.outcomes = outcomes;
		this.deadlines = deadlines;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Whether a signal is one of the ping API's: empty (success), {@code start},
	 * {@code fail}, {@code log} or an exit status 0 to 255.
	 */
	public static boolean isSignal(String signal) {
		return signal.isEmpty() || signal.equals("start") || signal.equals("fail") || signal.equals("log")
				|| (signal.matches("\\d{1,3}") && Integer.parseInt(signal) <= 255);
	}

	/**
	 * Records a ping.
	 * @param key the check's ping key
	 * @param signal as {@link #isSignal(String)} accepts
	 * @param rid the run id, if sent
	 * @param body the request body, at most the configured limit plus one byte (more is
	 * cut off)
	 * @param method the HTTP method
	 * @param address the sender's address
	 * @return false when no check has that key (or it is paused)
	 */
	@Transactional
	public boolean ping(UUID key, String signal, UUID rid, byte[] body, String method, String address) {
		if (!isSignal(signal)) {
			throw new IllegalArgumentException("not a ping signal: " + signal);
		}
		Optional<Check> found = checks.lockByPingKey(key);
		if (found.isEmpty() || !found.get().enabled()) {
			return false;
		}
		Check check = found.get();
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		int limit = (int) settings.pingBodyLimit().toBytes();
		boolean truncated = body.length > limit;
		String text = new String(body, 0, Math.min(body.length, limit), StandardCharsets.UTF_8).replace("\u0000", "");
		Integer exit = signal.matches("\\d+") ? Integer.valueOf(signal) : null;
		String kind = switch (signal) {
			case "start", "log", "fail" -> signal;
			case "" -> "success";
			default -> exit == 0 ? "success" : "fail";
		};
		CheckState state = check.state();
		if (kind.equals("log")) {
			pings.insert(new Ping(0, check.id(), now, kind, null, rid, null, text, truncated, method, address));
			return true;
		}
		if (kind.equals("start")) {
			pings.insert(new Ping(0, check.id(), now, kind, null, rid, null, text, truncated, method, address));
			pings.heartbeat(check.id(), state.lastPingAt(), now, state.lastDurationMs());
			deadlines.schedule(check.id(), now.plusSeconds(check.heartbeat().graceSeconds()));
			return true;
		}
		Optional<Instant> started = rid != null ? pings.startOf(check.id(), rid)
				: Optional.ofNullable(state.lastStartAt())
					.filter(start -> state.lastPingAt() == null || start.isAfter(state.lastPingAt()));
		Long duration = started.map(start -> Duration.between(start, now).toMillis()).orElse(null);
		pings.insert(new Ping(0, check.id(), now, kind, exit, rid, duration, text, truncated, method, address));
		pings.heartbeat(check.id(), now, state.lastStartAt(), duration != null ? duration : state.lastDurationMs());
		outcomes.record(List.of(outcome(check, kind, exit, duration, now)));
		deadlines.schedule(check.id(), expected(check, now).plusSeconds(check.heartbeat().graceSeconds()));
		return true;
	}

	private static Outcome outcome(Check check, String kind, Integer exit, Long duration, Instant now) {
		Double latency = duration == null ? null : duration.doubleValue();
		String took = duration == null ? "" : " after " + Durations.text(duration);
		if (kind.equals("fail")) {
			return Outcome.failure(check.id(), now, latency,
					exit == null ? "the job reported failure" + took : "the job exited with status " + exit + took);
		}
		int minimum = check.heartbeat().minDurationSeconds();
		if (minimum > 0 && duration != null && duration < minimum * 1000L) {
			return new Outcome(check.id(), now, false, latency, "the run took " + Durations.text(duration)
					+ ", shorter than the minimum " + Durations.text(minimum * 1000L), null, List.of(), true);
		}
		return Outcome.success(check.id(), now, latency, "ping received" + took);
	}

	/** When the next ping is expected after a finished run at {@code last}. */
	static Instant expected(Check check, Instant last) {
		CheckSettings.Heartbeat heartbeat = check.heartbeat();
		if (heartbeat.cron() == null) {
			return last.plusSeconds(heartbeat.periodSeconds());
		}
		ZonedDateTime next = CheckRules.cron(heartbeat.cron())
			.next(ZonedDateTime.ofInstant(last, ZoneId.of(heartbeat.timeZone())));
		return next == null ? last.plus(Duration.ofDays(3650)) : next.toInstant();
	}

	/** When the check is late, from its state; empty when it expects nothing yet. */
	static Optional<Instant> deadline(Check check) {
		CheckState state = check.state();
		Duration grace = Duration.ofSeconds(check.heartbeat().graceSeconds());
		boolean running = state.lastStartAt() != null
				&& (state.lastPingAt() == null || state.lastStartAt().isAfter(state.lastPingAt()));
		if (running) {
			return Optional.of(state.lastStartAt().plus(grace));
		}
		if (state.lastPingAt() == null) {
			return Optional.empty();
		}
		return Optional.of(expected(check, state.lastPingAt()).plus(grace));
	}

	/**
	 * The late deadline passed: the check goes down (or its alert is refreshed while it
	 * stays down), unless a ping moved the deadline meanwhile.
	 * @return when to look again, empty to drop the deadline
	 */
	@Transactional
	public Optional<Instant> deadlinePassed(UUID checkId) {
		Optional<Check> found = checks.lock(checkId);
		if (found.isEmpty() || !found.get().enabled() || found.get().kind() != CheckKind.HEARTBEAT) {
			return Optional.empty();
		}
		Check check = found.get();
		Optional<Instant> deadline = deadline(check);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (deadline.isEmpty()) {
			return Optional.empty();
		}
		if (deadline.get().isAfter(now)) {
			return deadline;
		}
		boolean running = check.state().lastStartAt() != null && (check.state().lastPingAt() == null
				|| check.state().lastStartAt().isAfter(check.state().lastPingAt()));
		String message = running ? "the run started at " + check.state().lastStartAt() + " has not finished"
				: "late: expected a ping by " + deadline.get().truncatedTo(ChronoUnit.SECONDS) + " (last ping "
						+ check.state().lastPingAt().truncatedTo(ChronoUnit.SECONDS) + ")";
		outcomes.record(List.of(new Outcome(check.id(), now, false, null, message, null, List.of(), true)));
		return Optional.of(now.plus(settings.alertRefresh()));
	}

	/** The latest pings of a check, newest first. */
	public List<Ping> pings(UUID checkId, int limit) {
		return pings.recent(checkId, Math.max(1, Math.min(limit, 500)));
	}

}
