package dev.watchkeeper.oncall;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceDraft;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.OrgRoles;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.Team;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.platform.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The facades other modules call: whom targets page, which policy applies, how people are
 * reached.
 */
class OnCallIntegrationTests extends IntegrationTest {

	private static final Instant TUESDAY_NOON = Instant.parse("2030-01-08T11:00:00Z");

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	Teams teams;

	@Autowired
	Users users;

	@Autowired
	OrgRoles orgRoles;

	@Autowired
	Services services;

	@Autowired
	Schedules schedules;

	@Autowired
	OnCall onCall;

	@Autowired
	EscalationPolicies policies;

	@Autowired
	NotificationRules rules;

	@Autowired
	NotificationRuleStore ruleStore;

	private User ada;

	private User bob;

	private User lead;

	private User manager;

	private Team team;

	private Schedule schedule;

	@BeforeEach
	void setUp() {
		ada = fixtures.user(Role.RESPONDER);
		bob = fixtures.user(Role.RESPONDER);
		lead = fixtures.user(Role.MANAGER);
		manager = fixtures.user(Role.MANAGER);
		String slug = "pay-" + UUID.randomUUID().toString().substring(0, 8);
		team = teams.create(new Teams.TeamDraft(slug, "Payments " + slug, null, lead.id(), manager.id(), List.of()));
		schedule = schedules.create(new ScheduleDraft("Payments", null, team.id().toString(), "Europe/Berlin",
				List.of(layer("Primary", ada), layer("Secondary", bob))));
	}

	private static ScheduleDraft.LayerDraft layer(String name, User who) {
		return new ScheduleDraft.LayerDraft(name, List.of(who.id().toString()), "weekly", null, "monday", "09:00",
				"2030-01-07", List.of());
	}

	@Test
	void targetsNameTheTeamsPeopleAndSkipThoseWhoCannotBeReached() {
		assertThat(onCall.onCall(schedule.id(), TUESDAY_NOON)).containsExactly(ada.id(), bob.id());
		assertThat(onCall.resolve(new EscalationTarget("team_role", "on_call"), team.id(), TUESDAY_NOON))
			.containsExactly(ada.id());
		assertThat(onCall.resolve(new EscalationTarget("team_role", "lead"), team.id(), TUESDAY_NOON))
			.containsExactly(lead.id());
		assertThat(onCall.resolve(new EscalationTarget("team_role", "manager"), team.id(), TUESDAY_NOON))
			.containsExactly(manager.id());
		assertThat(onCall.resolve(new EscalationTarget("team_role", "lead"), null, TUESDAY_NOON)).isEmpty();
		assertThat(onCall.resolve(new EscalationTarget("schedule", schedule.id() + "#2"), null, TUESDAY_NOON))
			.containsExactly(bob.id());

		users.update(ada.id(), new Users.UserDraft(ada.email(), ada.name(), null, null, true, null));
		assertThat(onCall.resolve(new EscalationTarget("schedule", schedule.id().toString()), null, TUESDAY_NOON))
			.as("the primary is disabled: the secondary is paged")
			.containsExactly(bob.id());
		assertThat(onCall.onCall(schedule.id(), TUESDAY_NOON)).as("the schedule still says who is scheduled")
			.containsExactly(ada.id(), bob.id());

		User cto = fixtures.user(Role.VIEWER);
		orgRoles.assign("CTO", cto.id(), null);
		assertThat(onCall.resolve(new EscalationTarget("org_role", "cto"), team.id(), TUESDAY_NOON))
			.containsExactly(cto.id());
		assertThat(onCall.onCall(UUID.randomUUID(), TUESDAY_NOON)).isEmpty();
	}

	@Test
	void aServiceUsesItsOwnPolicyElseItsTeamsElseTheHandbookDefault() {
		Service checkout = services.create(new ServiceDraft("checkout-" + UUID.randomUUID().toString().substring(0, 8),
				"Checkout", null, team.id().value(), 1, null, List.of(), List.of()));
		assertThat(policies.policyForService(checkout.id().value())).isEqualTo(policies.defaultPolicy());

		EscalationPolicy teamPolicy = policies.create(policy("Team " + team.slug()));
		policies.assignToTeam(team.id(), teamPolicy.id());
		assertThat(policies.policyForService(checkout.id().value()).policyId()).isEqualTo(teamPolicy.id());

		EscalationPolicy servicePolicy = policies.create(policy("Service " + checkout.slug()));
		policies.assignToService(checkout.id().value(), servicePolicy.id());
		EscalationPolicySnapshot snapshot = policies.policyForService(checkout.id().value());
		assertThat(snapshot.policyId()).isEqualTo(servicePolicy.id());

		policies.update(servicePolicy.id(),
				new EscalationPolicyDraft("Service " + checkout.slug(), null, 3, policy("x").steps()));
		assertThat(snapshot.repeat()).as("a snapshot does not change with the policy").isZero();
		assertThat(policies.snapshot(servicePolicy.id()).orElseThrow().repeat()).isEqualTo(3);

		services.delete(checkout.slug());
		assertThat(policies.assignments()).noneMatch(a -> a.subjectId().equals(checkout.id().value()));
		policies.delete(servicePolicy.id());
	}

	@Test
	void aTeamWithSchedulesCannotBeDeletedAndADeletedUsersRulesGoWithThem() {
		assertThatThrownBy(() -> teams.delete(team.id())).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.getMessage()).contains("on-call schedule").contains("Payments"));

		User leaving = fixtures.user(Role.RESPONDER);
		rules.replace(leaving.id(), List.of(new NotificationRule.Draft("email", null, "5m")));
		assertThat(rules.plan(leaving.id()))
			.containsExactly(new PlannedContact(java.time.Duration.ofMinutes(5), "email", leaving.email()));
		users.delete(leaving.id(), new UserId(UUID.randomUUID()));
		assertThat(rules.plan(leaving.id())).isEmpty();
		assertThat(ruleStore.of(leaving.id())).as("no rows left behind").isEmpty();
	}

	private EscalationPolicyDraft policy(String name) {
		return new EscalationPolicyDraft(name, null, 0, List.of(new EscalationPolicyDraft.StepDraft(
				List.of(new EscalationTarget("schedule", schedule.id().toString())), "5m")));
	}

}
