package dev.watchkeeper.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.identity.UserId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of rotations, restrictions and windows around the daylight-saving changes.
 */
final class RotationArbitraries {

	static final List<String> ZONES = List.of("Europe/Berlin", "Europe/London", "America/New_York",
			"America/Los_Angeles");

	private RotationArbitraries() {
	}

	static Arbitrary<ZoneId> zones() {
		return Arbitraries.of(ZONES).map(ZoneId::of);
	}

	static Arbitrary<List<UserId>> participants() {
		return Arbitraries.integers()
			.between(1, 6)
			.map(n -> java.util.stream.IntStream.range(0, n).mapToObj(i -> UserId.random()).toList());
	}

	/**
	 * Daily, weekly and custom rotations starting in 2025–2027; some hand off in a gap.
	 */
	static Arbitrary<Rotation> rotations() {
		Arbitrary<ShiftKind> kinds = Arbitraries.of(ShiftKind.values());
		Arbitrary<Duration> lengths = Arbitraries.integers()
			.between(4, 960)
			.map(quarters -> Duration.ofMinutes(15L * quarters));
		Arbitrary<DayOfWeek> days = Arbitraries.of(DayOfWeek.values());
		Arbitrary<LocalTime> times = Arbitraries.integers().between(0, 95).map(q -> LocalTime.of(q / 4, (q % 4) * 15));
		Arbitrary<LocalDate> starts = Arbitraries.integers()
			.between(0, 900)
			.map(d -> LocalDate.of(2025, 9, 1).plusDays(d));
		return Combinators.combine(participants(), kinds, lengths, days, times, starts)
			.as((people, kind, length, day, time, start) -> new Rotation(people, kind,
					kind == ShiftKind.CUSTOM ? length : null, day, time, start));
	}

	static boolean handsOffInAGap(Rotation rotation, ZoneId zone) {
		Map<String, String> errors = new LinkedHashMap<>();
		ScheduleRules.checkGaps(rotation, zone, LocalDate.of(2025, 1, 1), "layers[0]", errors);
		return !errors.isEmpty();
	}

	static Arbitrary<Restriction> restrictions() {
		Arbitrary<java.util.Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.values())
			.set()
			.ofMinSize(1)
			.ofMaxSize(7)
			.map(set -> EnumSet.copyOf(set));
		Arbitrary<LocalTime> times = Arbitraries.integers().between(0, 95).map(q -> LocalTime.of(q / 4, (q % 4) * 15));
		return Combinators.combine(days, times, times).as(Restriction::new);
	}

	/** The daylight-saving changes of 2026 and 2027 in the zone. */
	static List<Instant> transitions(ZoneId zone) {
		List<Instant> transitions = new ArrayList<>();
		Instant cursor = Instant.parse("2026-01-01T00:00:00Z");
		for (ZoneOffsetTransition t = zone.getRules().nextTransition(cursor); t != null && t.getInstant()
			.isBefore(Instant.parse("2028-01-01T00:00:00Z")); t = zone.getRules().nextTransition(t.getInstant())) {
			transitions.add(t.getInstant());
		}
		return transitions;
	}

	/**
	 * A window [from, to) of up to six weeks that starts up to three weeks before a
	 * change.
	 */
	static Arbitrary<Instant[]> windowsAroundATransition(ZoneId zone) {
		List<Instant> transitions = transitions(zone);
		return Combinators
			.combine(Arbitraries.of(transitions), Arbitraries.longs().between(0, 21L * 86_400),
					Arbitraries.longs().between(3_600, 42L * 86_400))
			.as((transition, before, length) -> new Instant[] { transition.minusSeconds(before),
					transition.minusSeconds(before).plusSeconds(length) });
	}

	/**
	 * Independent of the code under test: java.time's own overlap rule (earlier offset).
	 */
	static Instant handoff(Rotation rotation, ZoneId zone, long k) {
		return ZonedDateTime.ofLocal(rotation.anchor().plus(rotation.shiftLength().multipliedBy(k)), zone, null)
			.toInstant();
	}

	static UUID id() {
		return UUID.randomUUID();
	}

}
