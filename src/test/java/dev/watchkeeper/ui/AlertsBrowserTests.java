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

class AlertsBrowserTests extends BrowserTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	Alerts alerts;

	@Test
	void aResponderSeesAFiringAlertFlaggedWithoutRunbookAndSilencesItFromItsPage() {
		String run = "ui-" + UUID.randomUUID().toString().substring(0, 8);
		alerts.receive(List.of(new PostableAlert(Map.of("alertname", "QueueBacklog", "run", run, "severity", "warning"),
				Map.of("summary", "backlog above 10k"), null, null, null)), "api");
		User responder = fixtures.user(Role.RESPONDER);
		signIn(responder.email(), IdentityFixtures.PASSWORD);

		page.navigate("/alerts?label=run=" + run);
		assertThat(page.locator("#alerts")).containsText("QueueBacklog");
		assertThat(page.locator("#alerts")).containsText("medium");
		assertThat(page.locator("#alerts")).containsText("no runbook");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("QueueBacklog")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Silence this alert")).click();
		assertThat(page.getByLabel("Matchers")).containsText("run=\"" + run + "\"");
		page.getByLabel("Why").fill("draining the queue by hand");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create silence")).click();
		assertThat(page.locator("#silences")).containsText("draining the queue by hand");

		page.navigate("/alerts?label=run=" + run);
		assertThat(page.locator("#alerts")).containsText("silenced");

		var refused = page.navigate("/audit");
		org.assertj.core.api.Assertions.assertThat(refused.status()).as("an admin page for a responder").isEqualTo(403);

		var missing = page.navigate("/services/no-such-service-" + run);
		org.assertj.core.api.Assertions.assertThat(missing.status()).as("a page for an unknown thing").isEqualTo(404);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("404 Not Found");
	}

}
