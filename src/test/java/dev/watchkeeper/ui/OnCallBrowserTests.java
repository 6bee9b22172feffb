package dev.watchkeeper.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.Team;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A manager sets up a schedule in the editor (after being told that 02:30 does not exist
 * on the day the clocks go forward), sees it on the calendar, and finds its person under
 * "on call now" on the dashboard.
 */
class OnCallBrowserTests extends BrowserTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	Teams teams;

	@Test
	void aManagerCreatesAScheduleAndSeesTheCalendarAndWhoIsOnCallNow() {
		User manager = fixtures.user(Role.MANAGER);
		User backup = fixtures.user(Role.RESPONDER);
		String unique = UUID.randomUUID().toString().substring(0, 6);
		Team team = teams.create(new Teams.TeamDraft("platform-" + unique, "Platform " + unique, null, manager.id(),
				null, List.of(backup.id())));
		String yesterday = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1).toString();

		signIn(manager.email(), IdentityFixtures.PASSWORD);
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("On-call").setExact(true))
			.click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New schedule")).click();
		page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Platform " + unique);
		page.getByLabel("Team", new Page.GetByLabelOptions().setExact(true))
			.selectOption(new SelectOption().setLabel(team.name()));
		page.getByLabel("Time zone").fill("Europe/Berlin");
		page.locator("#layer0-participants").fill(manager.email() + "\n" + backup.email());
		page.locator("#layer0-shift").selectOption("daily");
		page.locator("#layer0-handoffTime").fill("02:30");
		page.locator("#layer0-startDate").fill(yesterday);
		page.locator("#layer1-participants").fill(backup.email());
		page.locator("#layer1-restrictions").fill("mon-fri 09:00-17:00");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create schedule")).click();
		assertThat(page.locator("#layer0-handoffTime-error")).containsText("daylight saving");
		assertThat(page.locator("#layer1-participants")).hasValue(backup.email());

		page.locator("#layer0-participants").fill(manager.email());
		page.locator("#layer0-handoffTime").fill("09:00");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create schedule")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Created schedule Platform " + unique);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Platform " + unique);
		assertThat(page.locator("#calendar thead")).containsText("Secondary");
		assertThat(page.locator("#calendar tbody tr")).hasCount(28);
		assertThat(page.locator("#calendar tbody")).containsText(manager.name());
		assertThat(page.locator("#calendar tbody")).containsText(backup.name());
		assertThat(page.locator("#warnings")).containsText("Nobody is on call");
		assertThat(page.locator("#on-call-now")).containsText("Primary: " + manager.name());

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Watchkeeper")).click();
		assertThat(page.locator("#on-call-now-panel")).containsText(team.name());
		assertThat(page.locator("#on-call-now-panel")).containsText(manager.name());
		page.locator("#on-call-now-panel")
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Platform " + unique))
			.click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Platform " + unique);
	}

}
