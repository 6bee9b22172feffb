package dev.watchkeeper.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.watchkeeper.catalog.ServiceDraft;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A responder asks for maintenance too soon, reads the policy's refusal, asks for
 * emergency work instead; a manager approves it, and it shows in the calendar.
 */
class MaintenanceBrowserTests extends BrowserTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	Services services;

	@Autowired
	Clock clock;

	@Test
	void aResponderIsToldWhyWorkTooSoonIsRefusedAndAManagerApprovesItAsEmergencyWork() {
		String unique = UUID.randomUUID().toString().substring(0, 6);
		var service = services.create(
				new ServiceDraft("billing-" + unique, "Billing " + unique, null, null, 2, null, List.of(), List.of()));
		User responder = fixtures.user(Role.RESPONDER);
		User manager = fixtures.user(Role.MANAGER);
		LocalDateTime start = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
			.plusHours(2)
			.truncatedTo(ChronoUnit.MINUTES);

		signIn(responder.email(), IdentityFixtures.PASSWORD);
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Maintenance").setExact(true))
			.click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Schedule maintenance")).click();
		assertThat(page.locator("#policy")).containsText("at most 4 h");
		page.getByLabel("Title").fill("Billing database failover " + unique);
		page.getByLabel("Affected services")
			.selectOption(new SelectOption().setLabel(service.name() + " (" + service.slug() + ")"));
		page.getByLabel("Once: starts (UTC)").fill(start.toString());
		page.getByLabel("Once: ends (UTC)").fill(start.plus(Duration.ofHours(1)).toString());
		page.getByLabel("Rollback plan").fill("Fail back to the old primary");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save window")).click();

		assertThat(page.locator("#errors")).containsText("inside the 48 h notice");
		assertThat(page.getByLabel("Title")).hasValue("Billing database failover " + unique);

		page.getByLabel("This is emergency maintenance").check();
		page.getByLabel("Why it cannot wait").fill("The disk fills up tonight");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save window")).click();
		assertThat(page.locator("#state")).hasText("awaiting approval");
		assertThat(page.locator("#approve")).containsText("Ask a manager or admin");
		String detail = page.url();
		signOut();

		signIn(manager.email(), IdentityFixtures.PASSWORD);
		page.navigate(detail);
		page.getByLabel("Note (recorded)").fill("CHG-77");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
		assertThat(page.locator("#state")).hasText("scheduled");
		assertThat(page.locator("#approval")).containsText("CHG-77");
		assertThat(page.locator("#follow-up")).containsText("open");

		page.navigate("/maintenance/calendar?month=" + start.toLocalDate().toString().substring(0, 7));
		assertThat(page.locator("#month")).containsText("Billing database failover " + unique);
	}

}
