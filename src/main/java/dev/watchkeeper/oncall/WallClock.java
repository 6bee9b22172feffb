package dev.watchkeeper.oncall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;

/**
 * Local wall time to instants, the one place that decides what daylight-saving changes
 * do: a wall time in the autumn overlap (it happens twice) takes the earlier offset, so
 * the first occurrence; a wall time in the spring gap (it never happens) becomes the end
 * of the gap. Hand-offs in a gap are refused when a rotation is saved, so the second rule
 * only matters for restriction windows and for gaps that a time-zone database update
 * introduces later.
 */
final class WallClock {

	private WallClock() {
	}

	static Instant instant(LocalDateTime local, ZoneId zone) {
		ZoneRules rules = zone.getRules();
		List<ZoneOffset> offsets = rules.getValidOffsets(local);
		if (offsets.isEmpty()) {
			return rules.getTransition(local).getInstant();
		}
		Instant earliest = local.toInstant(offsets.get(0));
		for (ZoneOffset offset : offsets) {
			Instant candidate = local.toInstant(offset);
			if (candidate.isBefore(earliest)) {
				earliest = candidate;
			}
		}
		return earliest;
	}

	static LocalDateTime local(Instant instant, ZoneId zone) {
		return LocalDateTime.ofInstant(instant, zone);
	}

	/**
	 * The first wall time of the sequence {@code anchor + k × step} (k ≥ 0) that falls in
	 * a daylight-saving gap between {@code anchor} and {@code until}, if any.
	 */
	static Optional<LocalDateTime> firstInGap(LocalDateTime anchor, Duration step, ZoneId zone, LocalDateTime until) {
		ZoneRules rules = zone.getRules();
		Instant cursor = instant(anchor, zone).minusSeconds(1);
		Instant end = instant(until, zone);
		long stepSeconds = step.getSeconds();
		// a few transitions a year: bounded by the horizon, and by a hard cap besides
		for (int i = 0; i < 10_000; i++) {
			ZoneOffsetTransition transition = rules.nextTransition(cursor);
			if (transition == null || transition.getInstant().isAfter(end)) {
				return Optional.empty();
			}
			cursor = transition.getInstant();
			if (!transition.isGap()) {
				continue;
			}
			LocalDateTime gapStart = transition.getDateTimeBefore();
			LocalDateTime gapEnd = transition.getDateTimeAfter();
			long fromAnchor = Duration.between(anchor, gapStart).getSeconds();
			long k = fromAnchor <= 0 ? 0 : Math.ceilDiv(fromAnchor, stepSeconds);
			LocalDateTime candidate = anchor.plusSeconds(k * stepSeconds);
			if (!candidate.isBefore(gapStart) && candidate.isBefore(gapEnd)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
