package dev.watchkeeper.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.platform.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy of handbook 003 applied to drafts, with the messages people read. */
class WindowRulesTests {

	static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	static final UUID CHECKOUT = UUID.fromString("00000000-0000-0000-0000-00000000c0de");

	static final MaintenancePolicy POLICY = new MaintenancePolicy(Duration.ofHours(4), Duration.ofHours(48),
			Duration.ofHours(24), Duration.ofHours(48), ScheduleTests.FIRST_SUNDAY, NOW, "handbook 003");

	static Optional<UUID> lookup(String ref) {
		return "checkout".equals(ref) ? Optional.of(CHECKOUT) : Optional.empty();
	}

	static WindowDraft once(Instant start, Instant end) {
		return new WindowDraft("Database upgrade", "", "Promote the old primary", List.of("checkout"), start, end, null,
				null, null, null, null, null, null, false, null);
	}

	static Map<String, String> refusal(WindowDraft draft) {
		var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(DomainException.class,
				() -> WindowRules.check(draft, POLICY, WindowRulesTests::lookup, NOW, null, null));
		assertThat(thrown).as("refused").isNotNull();
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		thrown.fieldErrors().forEach(e -> errors.put(e.field(), e.message()));
		return errors;
	}

	@Test
	void scheduledWorkWithEnoughNoticeAndAtMostFourHoursPasses() {
		var checked = WindowRules.check(
				once(NOW.plus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(3)).plus(Duration.ofHours(4))), POLICY,
				WindowRulesTests::lookup, NOW, null, null);

		assertThat(checked.serviceIds()).containsExactly(CHECKOUT);
		assertThat(checked.kind()).isEqualTo("one_off");
	}

	@Test
	void aWindowThatEndsBeforeItStartsIsRefused() {
		Instant start = NOW.plus(Duration.ofDays(3));
		assertThat(refusal(once(start, start.minus(Duration.ofHours(1))))).containsEntry("endsAt",
				"must be after startsAt (Fri 27 Nov 2026 10:00 UTC)");
	}

	@Test
	void aWindowLongerThanFourHoursIsRefusedSayingWhy() {
		Instant start = NOW.plus(Duration.ofDays(3));
		assertThat(refusal(once(start, start.plus(Duration.ofHours(5)))).get("endsAt")).contains("lasts 5 h")
			.contains("at most 4 h (handbook 003)");
	}

	@Test
	void scheduledWorkInsideTheNoticePeriodIsRefusedNamingTheEarliestStart() {
		Instant start = NOW.plus(Duration.ofHours(3));
		assertThat(refusal(once(start, start.plus(Duration.ofHours(1)))).get("startsAt"))
			.contains("inside the 48 h notice")
			.contains("Start at Thu 26 Nov 2026 10:00 UTC or later")
			.contains("emergency maintenance");
	}

	@Test
	void emergencyWorkMayStartAtOnceButMustSayWhy() {
		Instant start = NOW.plus(Duration.ofMinutes(10));
		var emergency = new WindowDraft("Certificate swap", "", "Put the old certificate back", List.of("checkout"),
				start, start.plus(Duration.ofHours(1)), null, null, null, null, null, null, null, true, " ");
		assertThat(refusal(emergency)).containsKey("emergencyReason").doesNotContainKey("startsAt");

		var explained = new WindowDraft("Certificate swap", "", "Put the old certificate back", List.of("checkout"),
				start, start.plus(Duration.ofHours(1)), null, null, null, null, null, null, null, true,
				"The certificate expires in six hours");
		assertThat(WindowRules.check(explained, POLICY, WindowRulesTests::lookup, NOW, null, null).startsAt())
			.isEqualTo(start);
	}

	@Test
	void unknownServicesAMissingRollbackPlanAndNoServicesAreRefused() {
		Instant start = NOW.plus(Duration.ofDays(3));
		var draft = new WindowDraft("Upgrade", "", " ", List.of("checkout", "nope"), start,
				start.plus(Duration.ofHours(1)), null, null, null, null, null, null, null, false, null);
		var errors = refusal(draft);
		assertThat(errors).containsEntry("services[1]", "no service 'nope' in the catalog");
		assertThat(errors.get("rollbackPlan")).contains("rollback plan");

		var none = new WindowDraft("Upgrade", "", "Undo", List.of(), start, start.plus(Duration.ofHours(1)), null, null,
				null, null, null, null, null, false, null);
		assertThat(refusal(none)).containsKey("services");
	}

	@Test
	void aRecurringWindowStartsOnceTheNoticeIsOverUnlessToldOtherwise() {
		var draft = new WindowDraft("Monthly", "", "Undo", List.of("checkout"), null, null, ScheduleTests.FIRST_SUNDAY,
				null, null, null, null, null, null, false, null);

		var checked = WindowRules.check(draft, POLICY, WindowRulesTests::lookup, NOW, null, null);

		assertThat(checked.from()).isEqualTo(NOW.plus(Duration.ofHours(48)));
		assertThat(checked.schedule().slots(NOW, NOW.plus(Duration.ofDays(30)))).extracting(Schedule.Slot::start)
			.containsExactly(Instant.parse("2026-12-06T02:00:00Z"));
	}

	@Test
	void aRecurringWindowWhoseOccurrenceLastsLongerOnTheDayClocksGoBackIsRefused() {
		// 01:00-05:00 in Berlin is four hours, but five on 31 October 2027
		var draft = new WindowDraft("Weekly", "", "Undo", List.of("checkout"), null, null,
				List.of(Map.of("weekdays", List.of("sunday"), "times",
						List.of(Map.of("start_time", "01:00", "end_time", "05:00")), "location", "Europe/Berlin")),
				null, null, null, null, null, null, false, null);

		assertThat(refusal(draft).get("timeIntervals")).contains("Sat 30 Oct 2027 23:00 UTC").contains("lasts 5 h");
	}

	@Test
	void aBadRruleAndMissingRulePartsAreNamed() {
		var draft = new WindowDraft("Monthly", "", "Undo", List.of("checkout"), null, null, null, "FREQ=SOMETIMES",
				null, "Mars/Olympus", null, null, null, false, null);

		assertThat(refusal(draft)).containsKeys("rrule", "rruleStart", "duration", "timeZone");
	}

	@Test
	void anRruleWindowIsCheckedLikeAnyOther() {
		var draft = new WindowDraft("Monthly", "", "Undo", List.of("checkout"), null, null, null,
				"RRULE:FREQ=MONTHLY;BYDAY=1SU", LocalDateTime.parse("2026-12-06T02:00"), "UTC", Duration.ofHours(6),
				null, null, false, null);

		assertThat(refusal(draft).get("duration")).contains("lasts 6 h");
	}

}
