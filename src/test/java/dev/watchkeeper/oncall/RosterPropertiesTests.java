package dev.watchkeeper.oncall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import dev.watchkeeper.identity.UserId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotation arithmetic, property by property, in Europe/Berlin, Europe/London,
 * America/New_York and America/Los_Angeles, with windows around the daylight-saving
 * changes of 2026 and 2027. The expected answers come from plain java.time walks, not
 * from the code under test.
 */
class RosterPropertiesTests {

	record Case(ZoneId zone, Rotation rotation, Instant from, Instant to, long seed) {

		Layer layer() {
			return new Layer("Primary", rotation, List.of());
		}

		/**
		 * Instants in the window, the window's ends, and instants next to every hand-off.
		 */
		List<Instant> samples() {
			Random random = new Random(seed);
			List<Instant> samples = new ArrayList<>(List.of(from, to.minusNanos(1)));
			long span = Duration.between(from, to).getSeconds();
			for (int i = 0; i < 40; i++) {
				samples.add(from.plusSeconds(Math.floorMod(random.nextLong(), span)));
			}
			for (long k = 0; k < 2_000; k++) {
				Instant handoff = RotationArbitraries.handoff(rotation, zone, k);
				if (handoff.isAfter(to)) {
					break;
				}
				if (handoff.isAfter(from)) {
					samples.add(handoff);
					samples.add(handoff.minusNanos(1));
				}
			}
			samples.sort(null);
			return samples;
		}

	}

	@Provide
	Arbitrary<Case> cases() {
		return RotationArbitraries.zones()
			.flatMap(zone -> Combinators
				.combine(
						RotationArbitraries.rotations()
							.filter(rotation -> !RotationArbitraries.handsOffInAGap(rotation, zone)),
						RotationArbitraries.windowsAroundATransition(zone), Arbitraries.longs())
				.as((rotation, window, seed) -> new Case(zone, rotation, window[0], window[1], seed)));
	}

	/**
	 * Walks the hand-offs from the first: who java.time says holds the shift at each
	 * sample.
	 */
	private static List<Optional<UserId>> expected(Case c, List<Instant> samples) {
		List<Optional<UserId>> expected = new ArrayList<>();
		long k = -1;
		for (Instant sample : samples) {
			while (!RotationArbitraries.handoff(c.rotation(), c.zone(), k + 1).isAfter(sample)) {
				k++;
			}
			List<UserId> people = c.rotation().participants();
			expected.add(k < 0 ? Optional.empty() : Optional.of(people.get((int) (k % people.size()))));
		}
		return expected;
	}

	@Property(tries = 300)
	void everyInstantHasExactlyTheExpectedParticipant(@ForAll("cases") Case c) {
		var roster = new Roster(UUID.randomUUID(), c.zone(), List.of(c.layer()), List.of());
		List<Instant> samples = c.samples();
		List<Optional<UserId>> expected = expected(c, samples);
		for (int i = 0; i < samples.size(); i++) {
			assertThat(roster.onCall(1, samples.get(i))).as("on call at %s", samples.get(i)).isEqualTo(expected.get(i));
		}
	}

	@Property(tries = 300)
	void shiftsTileTheWindowAndStartAtTheLocalHandoffWallTime(@ForAll("cases") Case c) {
		var roster = new Roster(UUID.randomUUID(), c.zone(), List.of(c.layer()), List.of());
		List<Shift> shifts = roster.shifts(c.from(), c.to());
		Instant first = RotationArbitraries.handoff(c.rotation(), c.zone(), 0);
		Instant cursor = first.isAfter(c.from()) ? first : c.from();
		if (!cursor.isBefore(c.to())) {
			assertThat(shifts).isEmpty();
			return;
		}
		assertThat(shifts).isNotEmpty();
		for (Shift shift : shifts) {
			assertThat(shift.start()).as("no gap, no overlap").isEqualTo(cursor);
			assertThat(shift.end()).isAfter(shift.start());
			cursor = shift.end();
			if (!shift.start().equals(c.from())) {
				LocalDateTime local = LocalDateTime.ofInstant(shift.start(), c.zone());
				if (c.rotation().shift() != ShiftKind.CUSTOM) {
					assertThat(local.toLocalTime()).as("hand-off wall time").isEqualTo(c.rotation().handoffTime());
				}
				if (c.rotation().shift() == ShiftKind.WEEKLY) {
					assertThat(local.getDayOfWeek()).isEqualTo(c.rotation().handoffDay());
				}
				long wallMinutes = Duration.between(c.rotation().anchor(), local).toMinutes();
				assertThat(wallMinutes % c.rotation().shiftLength().toMinutes()).as("a whole number of shifts")
					.isZero();
			}
			assertThat(roster.onCall(1, shift.start())).contains(shift.userId());
			assertThat(roster.onCall(1, shift.end().minusNanos(1))).contains(shift.userId());
		}
		assertThat(cursor).isEqualTo(c.to());
	}

	@Provide
	Arbitrary<ScheduleOverride> overrides() {
		return Combinators
			.combine(Arbitraries.longs().between(-3L * 86_400, 45L * 86_400),
					Arbitraries.longs().between(60, 10L * 86_400), Arbitraries.integers().between(-1, 5))
			.as((offset, length, covered) -> new ScheduleOverride(UUID.randomUUID(), null, 1, UserId.random(),
					covered < 0 ? null : new UserId(new UUID(0, covered)), Instant.ofEpochSecond(offset),
					Instant.ofEpochSecond(offset + length), null, "test", Instant.EPOCH));
	}

	@Property(tries = 300)
	void anOverrideTakesPrecedenceExactlyWithinItsBounds(@ForAll("cases") Case c,
			@ForAll("overrides") ScheduleOverride shape) {
		// place the override relative to the window, covering one of the participants or
		// everyone
		Instant start = c.from().plusSeconds(shape.start().getEpochSecond());
		Instant end = c.from().plusSeconds(shape.end().getEpochSecond());
		List<UserId> people = c.rotation().participants();
		UserId covered = shape.coveredUserId() == null ? null
				: people.get((int) (shape.coveredUserId().value().getLeastSignificantBits() % people.size()));
		var override = new ScheduleOverride(shape.id(), null, 1, shape.userId(), covered, start, end, null, "test",
				Instant.EPOCH);
		var plain = new Roster(UUID.randomUUID(), c.zone(), List.of(c.layer()), List.of());
		var overridden = new Roster(UUID.randomUUID(), c.zone(), List.of(c.layer()), List.of(override));
		List<Instant> samples = new ArrayList<>(c.samples());
		samples.addAll(List.of(start, start.minusNanos(1), end, end.minusNanos(1)));
		for (Instant at : samples) {
			Optional<UserId> base = plain.onCall(1, at);
			boolean inside = !at.isBefore(start) && at.isBefore(end);
			boolean replaced = inside && (covered == null || base.equals(Optional.of(covered)));
			assertThat(overridden.onCall(1, at)).as("at %s (override %s–%s)", at, start, end)
				.isEqualTo(replaced ? Optional.of(shape.userId()) : base);
		}
		assertShiftsAgreeWithOnCall(overridden, 1, c.from(), c.to(), samples);
	}

	@Property(tries = 300)
	void aRestrictedLayerIsOnCallExactlyInsideItsLocalWindows(@ForAll("cases") Case c,
			@ForAll("restrictionLists") List<Restriction> restrictions) {
		var layer = new Layer("Business hours", c.rotation(), restrictions);
		var restricted = new Roster(UUID.randomUUID(), c.zone(), List.of(layer), List.of());
		var plain = new Roster(UUID.randomUUID(), c.zone(), List.of(c.layer()), List.of());
		List<Instant> samples = c.samples();
		int checked = 0;
		for (Instant at : samples) {
			LocalDateTime local = LocalDateTime.ofInstant(at, c.zone());
			// on the days the clocks change, wall-clock windows and elapsed time part
			// ways;
			// the example tests pin those days down
			if (changesClocks(c.zone(), local.toLocalDate())
					|| changesClocks(c.zone(), local.toLocalDate().minusDays(1))) {
				continue;
			}
			checked++;
			boolean inside = restrictions.stream().anyMatch(r -> inWindow(r, local));
			assertThat(restricted.onCall(1, at)).as("at %s (%s)", at, local)
				.isEqualTo(inside ? plain.onCall(1, at) : Optional.empty());
		}
		Assume.that(checked > 0);
		assertShiftsAgreeWithOnCall(restricted, 1, c.from(), c.to(), samples);
	}

	@Provide
	Arbitrary<List<Restriction>> restrictionLists() {
		return RotationArbitraries.restrictions().list().ofMinSize(1).ofMaxSize(3);
	}

	@Property(tries = 200)
	void twoLayersWithRestrictionsAndOverridesAgreeBetweenShiftsAndOnCall(@ForAll("cases") Case c,
			@ForAll("restrictionLists") List<Restriction> restrictions, @ForAll("overrides") ScheduleOverride shape) {
		var secondary = new Layer("Secondary", new Rotation(c.rotation().participants().reversed(), ShiftKind.DAILY,
				null, null, c.rotation().handoffTime(), c.rotation().startDate()), restrictions);
		var override = new ScheduleOverride(shape.id(), null, 2, shape.userId(), null,
				c.from().plusSeconds(shape.start().getEpochSecond()),
				c.from().plusSeconds(shape.end().getEpochSecond()), null, "test", Instant.EPOCH);
		Assume.that(!RotationArbitraries.handsOffInAGap(secondary.rotation(), c.zone()));
		var roster = new Roster(UUID.randomUUID(), c.zone(), List.of(c.layer(), secondary), List.of(override));
		List<Instant> samples = c.samples();
		assertShiftsAgreeWithOnCall(roster, 1, c.from(), c.to(), samples);
		assertShiftsAgreeWithOnCall(roster, 2, c.from(), c.to(), samples);
		for (Instant at : samples) {
			List<UserId> everyone = roster.onCall(at);
			Optional<UserId> primary = roster.onCall(1, at);
			if (primary.isPresent()) {
				assertThat(everyone).first().as("primary first").isEqualTo(primary.get());
			}
			assertThat(everyone).doesNotHaveDuplicates();
		}
		List<CalendarWarning> gaps = roster.warnings(c.from(), c.to(), UserId::toString)
			.stream()
			.filter(w -> w.kind().equals("gap"))
			.toList();
		for (Instant at : samples) {
			boolean inGap = gaps.stream().anyMatch(g -> !at.isBefore(g.start()) && at.isBefore(g.end()));
			assertThat(inGap).as("a gap warning exactly where nobody is on call, at %s", at)
				.isEqualTo(roster.onCall(at).isEmpty());
		}
	}

	private static void assertShiftsAgreeWithOnCall(Roster roster, int layer, Instant from, Instant to,
			List<Instant> samples) {
		List<Shift> shifts = roster.layerShifts(layer, from, to);
		for (int i = 1; i < shifts.size(); i++) {
			assertThat(shifts.get(i).start()).as("shifts of one layer never overlap")
				.isAfterOrEqualTo(shifts.get(i - 1).end());
		}
		for (Instant at : samples) {
			if (at.isBefore(from) || !at.isBefore(to)) {
				continue;
			}
			Optional<UserId> fromShifts = shifts.stream().filter(s -> s.contains(at)).map(Shift::userId).findFirst();
			assertThat(fromShifts).as("layer %s at %s", layer, at).isEqualTo(roster.onCall(layer, at));
		}
	}

	private static boolean inWindow(Restriction r, LocalDateTime local) {
		LocalTime time = local.toLocalTime();
		boolean today = r.days().contains(local.getDayOfWeek());
		boolean yesterday = r.days().contains(local.getDayOfWeek().minus(1));
		if (!r.overnight()) {
			return today && !time.isBefore(r.start()) && time.isBefore(r.end());
		}
		return (today && !time.isBefore(r.start())) || (yesterday && time.isBefore(r.end()));
	}

	private static boolean changesClocks(ZoneId zone, LocalDate day) {
		var rules = zone.getRules();
		Instant start = day.atStartOfDay(zone).toInstant();
		var next = rules.nextTransition(start.minusSeconds(1));
		return next != null && next.getInstant().isBefore(day.plusDays(1).atStartOfDay(zone).toInstant());
	}

}
