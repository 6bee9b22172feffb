package dev.watchkeeper.ui;

import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.MultiFactor;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An admin with TOTP creates a team and a service through the UI and finds them in the
 * lists.
 */
class TeamAndServiceBrowserTests extends BrowserTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	MultiFactor multiFactor;

	private Locator mainNavigation() {
		return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
	}

	@Test
	void anAdminSignsInWithTotpCreatesATeamAndAServiceAndSeesThemListed() {
		User admin = fixtures.user(Role.ADMIN);
		String secret = multiFactor.start(admin.id()).secret();
		multiFactor.confirm(admin.id(), previousTotpCode(secret));
		String unique = UUID.randomUUID().toString().substring(0, 6);

		signIn(admin.email(), IdentityFixtures.PASSWORD);
		assertThat(page).hasURL(baseUrl() + "/login/mfa");
		page.locator("#code").fill(currentTotpCode(secret));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
		assertThat(page).hasURL(baseUrl() + "/");

		mainNavigation().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Teams").setExact(true))
			.click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New team")).click();
		page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Core Platform " + unique);
		page.getByLabel("Slug").fill("core-platform-" + unique);
		page.getByLabel("Team lead").selectOption(admin.id().toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create team")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Created team Core Platform " + unique);
		assertThat(page.locator("#members")).containsText(admin.email());

		page.navigate("/teams");
		assertThat(page.locator("#teams")).containsText("Core Platform " + unique);

		mainNavigation().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Services").setExact(true))
			.click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New service")).click();
		page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Checkout " + unique);
		page.getByLabel("Slug").fill("not a slug");
		page.getByLabel("Owner team")
			.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Core Platform " + unique));
		page.getByLabel("Tier").selectOption("1");
		page.getByLabel("Runbook URL").fill("https://runbooks.example.com/checkout");
		page.getByLabel("Tags").fill("payments, customer-facing");
		page.getByLabel("Production").fill("https://api.example.com/checkout");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create service")).click();
		assertThat(page.locator("#slug-error")).containsText("lower-case letters");
		assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).hasValue("Checkout " + unique);

		page.getByLabel("Slug").fill("checkout-" + unique);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create service")).click();
		assertThat(page).hasURL(baseUrl() + "/services/checkout-" + unique);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Checkout " + unique);

		page.navigate("/services?q=" + unique);
		assertThat(page.locator("#services")).containsText("Checkout " + unique);
		assertThat(page.locator("#services")).containsText("Core Platform " + unique);
		assertThat(page.locator("#services")).containsText("customer-facing");
	}

}
