package dev.watchkeeper.ui;

import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A manager creates a webhook channel in the UI, sends a test and follows it to success
 * in the delivery log.
 */
class ChannelsBrowserTests extends BrowserTest {

	@Autowired
	IdentityFixtures fixtures;

	private final WireMockServer peer = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	@AfterEach
	void stopPeer() {
		peer.stop();
	}

	@Test
	void aManagerCreatesAWebhookChannelSendsATestAndSeesItSucceedInTheLog() {
		peer.start();
		peer.stubFor(post("/ui-hook").willReturn(aResponse().withStatus(204)));
		String name = "ui-hook-" + UUID.randomUUID().toString().substring(0, 6);
		User manager = fixtures.user(Role.MANAGER);
		signIn(manager.email(), IdentityFixtures.PASSWORD);

		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
			.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Channels"))
			.click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New channel")).click();
		page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
		page.getByLabel("Kind").selectOption("webhook");
		page.getByLabel("URL", new Page.GetByLabelOptions().setExact(true)).fill("not a url");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create channel")).click();
		assertThat(page.locator("#url-error")).containsText("absolute http or https URL");

		page.getByLabel("URL", new Page.GetByLabelOptions().setExact(true))
			.fill("http://127.0.0.1:" + peer.port() + "/ui-hook");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create channel")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(name);
		assertThat(page.locator("#signing-secret")).containsText("whsec_");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("[TEST]");
		for (int i = 0; i < 20 && !"succeeded".equals(page.locator("#delivery-status").textContent()); i++) {
			page.waitForTimeout(250);
			page.reload();
		}
		assertThat(page.locator("#delivery-status")).hasText("succeeded");
		assertThat(page.locator("#attempts")).containsText("204");

		page.navigate("/deliveries?channel=" + name);
		assertThat(page.locator("#deliveries")).containsText(name);
		assertThat(page.locator("#deliveries")).containsText("succeeded");
		peer.verify(1, postRequestedFor(urlEqualTo("/ui-hook")));

		page.navigate("/channels");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit")).click();
		assertThat(page.getByLabel("URL", new Page.GetByLabelOptions().setExact(true)))
			.hasValue("http://127.0.0.1:" + peer.port() + "/****");
		page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name + "-renamed");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText(name + "-renamed");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test")).click();
		for (int i = 0; i < 20 && !"succeeded".equals(page.locator("#delivery-status").textContent()); i++) {
			page.waitForTimeout(250);
			page.reload();
		}
		// the masked URL kept its stored value
		assertThat(page.locator("#delivery-status")).hasText("succeeded");

		page.navigate("/channels");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name + "-renamed")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete channel")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Deleted channel " + name + "-renamed");
		assertThat(page.locator("#channels")).not().containsText(name + "-renamed");
	}

}
