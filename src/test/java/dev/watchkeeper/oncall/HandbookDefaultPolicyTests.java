package dev.watchkeeper.oncall;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.platform.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandbookDefaultPolicyTests {

	@Test
	void theShippedDefaultIsTheHandbooksPathWithItsTimings() {
		EscalationPolicySnapshot policy = DefaultEscalationPolicy.load(EscalationPolicies.DEFAULT_POLICY_ID).snapshot();
		assertThat(policy.policyId()).isEqualTo(EscalationPolicies.DEFAULT_POLICY_ID);
		assertThat(policy.steps()).extracting(step -> step.targets().get(0))
			.containsExactly(new EscalationTarget("team_role", "on_call"), new EscalationTarget("team_role", "lead"),
					new EscalationTarget("team_role", "manager"), new EscalationTarget("org_role", "CTO"));
		assertThat(policy.steps()).extracting(EscalationStep::timeout)
			.containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15),
					Duration.ofMinutes(30));
		assertThat(policy.steps()).extracting(EscalationStep::index).containsExactly(0, 1, 2, 3);
		Duration onePass = policy.steps().stream().map(EscalationStep::timeout).reduce(Duration.ZERO, Duration::plus);
		assertThat(onePass.multipliedBy(1 + policy.repeat())).as("ends at the SEV-1 resolution target")
			.isEqualTo(Duration.ofHours(2));
	}

	@Test
	void aDefaultThatNamedAParticularUserWouldNotLoad() {
		String yaml = """
				name: Broken
				repeat: 0
				steps:
				  - targets: [{kind: user, ref: %s}]
				    timeout: 5m
				""".formatted(UUID.randomUUID());
		assertThatThrownBy(() -> DefaultEscalationPolicy.parse(UUID.randomUUID(), yaml)).isInstanceOfSatisfying(
				DomainException.class,
				ex -> assertThat(ex.fieldErrors().get(0).field()).isEqualTo("steps[0].targets[0].ref"));
	}

	@Test
	void scheduleTargetsMayNameOneLayer() {
		UUID schedule = UUID.randomUUID();
		assertThat(PolicyRules.ScheduleRef.parse(schedule + "#2")).contains(new PolicyRules.ScheduleRef(schedule, 2));
		assertThat(PolicyRules.ScheduleRef.parse(schedule.toString()))
			.contains(new PolicyRules.ScheduleRef(schedule, null));
		assertThat(PolicyRules.ScheduleRef.parse(schedule + "#0")).isEmpty();
		assertThat(PolicyRules.ScheduleRef.parse("core#1")).isEmpty();
		var lookups = new PolicyRules.Lookups(user -> true, id -> Optional.of(1), Optional::of);
		var draft = new EscalationPolicyDraft("Layers", null, 0, List
			.of(new EscalationPolicyDraft.StepDraft(List.of(new EscalationTarget("schedule", schedule + "#2")), "5m")));
		assertThatThrownBy(() -> PolicyRules.parse(draft, lookups)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.fieldErrors().get(0).message()).contains("has no layer 2"));
	}

	@Test
	void durationsReadTheWaysPeopleWriteThem() {
		assertThat(Durations.parse("5m")).contains(Duration.ofMinutes(5));
		assertThat(Durations.parse("1h30m")).contains(Duration.ofMinutes(90));
		assertThat(Durations.parse("PT15M")).contains(Duration.ofMinutes(15));
		assertThat(Durations.parse("2w")).contains(Duration.ofDays(14));
		assertThat(Durations.parse("-5m")).isEmpty();
		assertThat(Durations.parse("-PT5M")).contains(Duration.ofMinutes(-5));
		assertThat(Durations.parse("soon")).isEmpty();
		assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
		assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7d");
	}

}
