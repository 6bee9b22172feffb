package dev.watchkeeper.ui;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceDraft;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A manager creates an HTTP check in the UI and watches it come up. */
class ChecksBrowserTests extends BrowserTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	Services services;

	private HttpServer target;

	@BeforeEach
	void startTarget() throws IOException {
		target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		target.createContext("/health", exchange -> {
			byte[] body = """
					{"status":"healthy","checks":{"database":"healthy"}}""".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		target.start();
	}

	@AfterEach
	void stopTarget() {
		target.stop(0);
	}

	@Test
	void aManagerCreatesAnHttpCheckAndSeesItGoUp() {
		String slug = "shop-" + UUID.randomUUID().toString().substring(0, 6);
		services.create(new ServiceDraft(slug, "Shop " + slug, null, null, 2, null, List.of(),
				List.of(new Service.Environment("production", "https://shop.example.com"))));
		User manager = fixtures.user(Role.MANAGER);
		signIn(manager.email(), IdentityFixtures.PASSWORD);

		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Checks").setExact(true))
			.click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New check")).click();
		page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("storefront");
		page.getByLabel("Service", new Page.GetByLabelOptions().setExact(true)).selectOption(slug);
		page.getByLabel("Interval (seconds, start to start)").fill("10");
		page.getByLabel("URL", new Page.GetByLabelOptions().setExact(true))
			.fill("http://127.0.0.1:" + target.getAddress().getPort() + "/health");
		page.getByLabel("Conditions (one per line)").fill("status == 200\nnot a condition");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create check")).click();
		assertThat(page.locator(".field-error").first()).containsText("must be");

		page.getByLabel("Conditions (one per line)").fill("status == 200\n$.checks.* == \"healthy\"");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create check")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("storefront");
		assertThat(page.locator("#check-status")).hasText("up",
				new LocatorAssertions.HasTextOptions().setTimeout(30_000));

		page.navigate("/checks?status=up");
		Locator row = page.locator("#checks tr[data-check='storefront']");
		assertThat(row).containsText(slug);
		assertThat(row).containsText("100.00 %");
		assertThat(row.locator("polyline")).hasCount(1);
	}

}
