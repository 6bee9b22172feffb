package dev.watchkeeper.ui;

import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceDraft;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A responder declares an incident in the UI, acknowledges it, takes command, writes a
 * note and sees it all on the timeline; a viewer sees the incident without the actions.
 */
class IncidentBrowserTests extends BrowserTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	Services services;

	@Test
	void aResponderDeclaresAcknowledgesAndSeesTheTimeline() {
		User responder = fixtures.user(Role.RESPONDER);
		String title = "Checkout payments fail " + UUID.randomUUID().toString().substring(0, 6);
		signIn(responder.email(), IdentityFixtures.PASSWORD);

		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Incidents").setExact(true))
			.click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Declare incident")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Declare incident")).click();
		assertThat(page.locator(".field-error")).containsText("must be 1 to 200 characters");

		page.getByLabel("Title").fill(title);
		page.getByLabel("Severity").selectOption("SEV-1");
		page.getByLabel("Summary").fill("Card payments time out since 09:00");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Declare incident")).click();

		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Declared INC-");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(title);
		assertThat(page.locator("#status-badge")).hasText("triggered");
		assertThat(page.locator("#channel")).containsText("#incident-");
		assertThat(page.locator("#sla-acknowledge")).containsText("Target 15 min");
		assertThat(page.locator("#sla-acknowledge [data-countdown]")).containsText("due in");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge")).click();
		assertThat(page.locator("#status-badge")).hasText("acknowledged");
		assertThat(page.locator("#sla-acknowledge")).containsText("Met: acknowledged after");

		page.getByLabel("Who is incident commander").selectOption(responder.id().toString());
		page.locator("#roles form").first().getByRole(AriaRole.BUTTON).click();
		assertThat(page.locator("#roles")).containsText(responder.name());

		page.getByLabel("Note").fill("Payment provider confirms an outage");
		page.getByLabel("This is a status update for stakeholders").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to timeline")).click();

		Locator timeline = page.locator("#timeline");
		assertThat(timeline).containsText("Declared SEV-1: " + title);
		assertThat(timeline).containsText("Acknowledged by " + responder.name());
		assertThat(timeline).containsText(responder.name() + " is now incident commander");
		assertThat(timeline).containsText("Payment provider confirms an outage");
		// the incident has no service: the default policy's first step finds nobody on
		// call
		assertThat(timeline).containsText("Escalating through policy");
		assertThat(timeline).containsText("nobody to page");
		assertThat(timeline).containsText("Escalation stopped: acknowledged by " + responder.name());
		assertThat(timeline.locator("li")).hasCount(7);

		signOut();
		User viewer = fixtures.user(Role.VIEWER);
		signIn(viewer.email(), IdentityFixtures.PASSWORD);
		page.navigate("/incidents?status=open&severity=SEV-1");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
		assertThat(page.locator("#timeline li")).hasCount(7);
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve"))).hasCount(0);
	}

	@Test
	void aManagerTurnsOnAutoResolveForAServiceAndAViewerSeesIt() {
		String slug = "autoresolve-" + UUID.randomUUID().toString().substring(0, 6);
		Service service = services.create(new ServiceDraft(slug, "Service " + slug, "A test service",
				fixtures.team().id().value(), 2, null, List.of(), null));
		signIn(fixtures.user(Role.MANAGER).email(), IdentityFixtures.PASSWORD);
		page.navigate("/incidents");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Incident settings")).click();
		Locator checkbox = page.getByLabel("Auto-resolve incidents of " + service.name());
		assertThat(checkbox).not().isChecked();
		checkbox.check();
		page.locator("#service-" + slug)
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
			.click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Auto-resolve is on.");
		assertThat(page.getByLabel("Auto-resolve incidents of " + service.name())).isChecked();

		signOut();
		signIn(fixtures.user(Role.VIEWER).email(), IdentityFixtures.PASSWORD);
		page.navigate("/incidents/settings");
		assertThat(page.locator("#service-" + slug)).containsText("on");
		assertThat(page.locator("#service-" + slug + " form")).hasCount(0);
	}

}
