package dev.watchkeeper.ui;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.watchkeeper.catalog.Component;
import dev.watchkeeper.catalog.ComponentDraft;
import dev.watchkeeper.catalog.Components;
import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceDraft;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.incident.Incident;
import dev.watchkeeper.incident.IncidentDraft;
import dev.watchkeeper.incident.Incidents;
import dev.watchkeeper.maintenance.MaintenanceEvents;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.statuspage.StatuspagePeers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor on a phone opens the public status page during an incident and a maintenance
 * window and sees each component's state, then subscribes to one component and confirms
 * through the link in the email; a responder publishes the incident from its page.
 */
class StatusPageBrowserTests extends BrowserTest {

	@DynamicPropertySource
	static void peers(DynamicPropertyRegistry registry) {
		StatuspagePeers.register(registry);
	}

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	Services services;

	@Autowired
	Components components;

	@Autowired
	Incidents incidents;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 6);
	}

	private Component component(String name) {
		Service service = services.create(new ServiceDraft("svc-" + UUID.randomUUID().toString().substring(0, 8), name,
				null, null, 1, null, List.of(), List.of()));
		return components.create(new ComponentDraft(unique(name), null, null, service.slug(), List.of(), null, 0));
	}

	private Locator row(Component component) {
		return page.locator("[data-component='" + component.name() + "']");
	}

	@Test
	void aVisitorSeesIncidentAndMaintenanceStatesThenSubscribesAndConfirmsByEmail() throws Exception {
		Component checkout = component("Checkout");
		Component database = component("Database");
		Component search = component("Search");
		Incident incident = incidents.declare(new IncidentDraft(unique("Payments"), "SEV-1", null, null), Actor.SYSTEM);
		String publicTitle = unique("Card payments fail");

		// a responder publishes the incident and posts an update from the incident page
		User responder = fixtures.user(Role.RESPONDER);
		signIn(responder.email(), IdentityFixtures.PASSWORD);
		page.navigate("/incidents/" + incident.number());
		page.getByLabel("Public title").fill(publicTitle);
		page.getByLabel("Impact").selectOption("critical");
		page.getByLabel(checkout.name()).check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
		assertThat(page.locator("#publication-state")).containsText("impact critical");
		page.getByLabel("Template").selectOption("Investigating");
		page.getByLabel("Message").fill("<b>Card payments</b> time out.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post public update")).click();
		assertThat(page.locator("#public-updates")).containsText("<b>Card payments</b> time out.");

		// the components list with their manual status, and the settings page with its
		// preview
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Status page components"))
			.click();
		assertThat(page.locator("#components")).containsText(search.name());
		page.getByLabel("Manual status of " + search.name()).selectOption("degraded_performance");
		page.locator("tr", new Page.LocatorOptions().setHasText(search.name()))
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set"))
			.click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Set " + search.name() + " to degraded performance");
		page.getByLabel("Manual status of " + search.name()).selectOption("");
		page.locator("tr", new Page.LocatorOptions().setHasText(search.name()))
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set"))
			.click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Cleared the status override");
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Status page").setExact(true))
			.click();
		assertThat(page.locator("#settings")).containsText("WATCHKEEPER_STATUSPAGE_BRAND_COLOR");
		assertThat(page.locator("iframe[title='Status page preview']")).isVisible();
		assertThat(page.locator("#subscribers")).hasCount(0);
		signOut();

		Instant start = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		transactions
			.executeWithoutResult(tx -> events.publishEvent(new MaintenanceEvents.WindowStarted(UUID.randomUUID(),
					"Database upgrade", start, start.plus(Duration.ofHours(2)), List.of(database.serviceId()))));

		// a visitor on a phone, signed out
		page.setViewportSize(390, 844);
		boolean maintained = false;
		for (int attempt = 0; attempt < 40 && !maintained; attempt++) {
			page.navigate("/status");
			maintained = row(database).locator(".status").textContent().contains("Under maintenance");
			if (!maintained) {
				page.waitForTimeout(250);
			}
		}
		assertThat(maintained).as("the maintained component shows it within 10 s").isTrue();
		assertThat(row(checkout).locator(".status")).hasText("Major outage");
		assertThat(row(search).locator(".status")).hasText("Operational");
		assertThat(page.locator("#overall")).hasText("Major System Outage");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(publicTitle))).isVisible();
		assertThat(page.locator(".incident .update").first()).containsText("<b>Card payments</b> time out.");
		assertThat(page.locator("#maintenance-now-heading")).isVisible();
		Object width = page.evaluate("() => document.documentElement.scrollWidth");
		assertThat(((Number) width).intValue()).as("nothing scrolls sideways on a phone").isLessThanOrEqualTo(390);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Subscribe to updates")).click();
		String email = "visitor-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		page.getByLabel("Email address").fill("not an address");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();
		assertThat(page.locator("#email-error")).containsText("must be an email address");
		page.getByLabel("Email address").fill(email);
		page.locator("label", new Page.LocatorOptions().setHasText(checkout.name())).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your inbox")))
			.isVisible();

		assertThat(StatuspagePeers.await(Duration.ofSeconds(10), () -> !StatuspagePeers.mailsTo(email).isEmpty()))
			.as("the confirmation mail arrives")
			.isTrue();
		URI link = URI.create(StatuspagePeers.link(StatuspagePeers.mailsTo(email).get(0), "/subscriptions/confirm"));
		page.navigate(link.getRawPath() + "?" + link.getRawQuery());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm subscription")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Subscription confirmed")))
			.isVisible();
	}

}
