package dev.watchkeeper.ui;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.watchkeeper.alerting.Alerts;
import dev.watchkeeper.alerting.PostableAlert;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class RoutingBrowserTests extends BrowserTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	Alerts alerts;

	@Test
	void aManagerReadsTheTreeTestsARouteAndFixesAnInvalidConfigurationBeforeSaving() {
		String run = "ui-" + UUID.randomUUID().toString().substring(0, 8);
		User manager = fixtures.user(Role.MANAGER);
		signIn(manager.email(), IdentityFixtures.PASSWORD);

		page.navigate("/alerting/routing");
		assertThat(page.locator(".route-tree").first()).containsText("route.routes[0]");
		assertThat(page.locator(".route-tree").first()).containsText("page");
		assertThat(page.locator("#receivers")).containsText("No channels yet");

		page.getByLabel("Labels").fill("alertname=\"ServiceDown\", service=\"checkout\", severity=\"critical\"");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Test")).click();
		assertThat(page.locator("#route-test")).containsText("route.routes[0]");
		assertThat(page.locator("#route-test")).containsText("wait 0s");
		assertThat(page.locator("#route-test")).containsText("no channels: nothing is sent");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit configuration")).click();
		page.getByLabel("Configuration").fill("""
				receivers: [{name: team}]
				route:
				  receiver: team
				  routes:
				    - matchers: ['service=~"check(out"']
				""");
		var refused = page.waitForResponse(r -> r.url().endsWith("/alerting/config"),
				() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save new version")).click());
		org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(422);
		assertThat(page.locator("#config-errors")).containsText("route.routes[0].matchers[0]");

		page.getByLabel("Configuration").fill("""
				receivers: [{name: team}]
				route:
				  receiver: team
				  routes:
				    - matchers: ['run="%s"']
				      group_wait: 1m
				""".formatted(run));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save new version")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved routing configuration version");
		assertThat(page.locator(".route-tree").first()).containsText("run=\"" + run + "\"");

		alerts.receive(
				List.of(new PostableAlert(Map.of("alertname", "QueueBacklog", "run", run), Map.of(), null, null, null)),
				"api");
		page.navigate("/alerts?label=run=" + run);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("QueueBacklog")).click();
		assertThat(page.locator("#history")).containsText("fired");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Which routes does this alert take?"))
			.click();
		assertThat(page.locator("#route-test")).containsText("route.routes[0]");
	}

}
