package dev.watchkeeper.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.Team;
import dev.watchkeeper.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A manager creates an integration key in the UI, copies its secret, posts an alert with
 * it, and revokes it; a viewer sees the keys but cannot create one.
 */
class IntegrationKeysBrowserTests extends BrowserTest {

	@Autowired
	IdentityFixtures fixtures;

	private int postAlert(String key) throws Exception {
		return send("POST", "/api/v1/alerts", key, "[{\"labels\":{\"alertname\":\"FromTheUiKey\"}}]").statusCode();
	}

	@Test
	void aManagerCreatesUsesAndRevokesAKeyAndAViewerOnlySeesIt() throws Exception {
		Team team = fixtures.team();
		User manager = fixtures.user(Role.MANAGER);
		signIn(manager.email(), IdentityFixtures.PASSWORD);
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Integration keys"))
			.click();

		page.getByLabel("Name").fill("ghost key");
		page.getByLabel("Service (slug), or").fill("no-such-service");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("service: no service with slug no-such-service");

		page.getByLabel("Name").fill("prometheus-" + team.slug());
		page.getByLabel("Service (slug), or").fill("");
		page.getByLabel("Team").selectOption(team.slug());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Created integration key prometheus-" + team.slug());
		String secret = page.locator("#key-secret").textContent().trim();
		assertThat(page.locator("#integration-keys")).containsText("team " + team.slug());
		org.assertj.core.api.Assertions.assertThat(secret).startsWith("wki_");
		org.assertj.core.api.Assertions.assertThat(postAlert(secret)).isEqualTo(200);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke prometheus-" + team.slug()))
			.click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Revoked the integration key");
		org.assertj.core.api.Assertions.assertThat(postAlert(secret)).isEqualTo(401);

		signOut();
		signIn(fixtures.user(Role.VIEWER).email(), IdentityFixtures.PASSWORD);
		page.navigate("/integration-keys");
		assertThat(page.locator("#integration-keys")).containsText("prometheus-" + team.slug());
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key"))).hasCount(0);
	}

}
