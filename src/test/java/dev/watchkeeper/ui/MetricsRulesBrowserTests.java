package dev.watchkeeper.ui;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A manager adds a scrape target and sees it up, finds the shipped rules with their
 * state, and sees where an invalid rule file breaks.
 */
class MetricsRulesBrowserTests extends BrowserTest {

	@Autowired
	IdentityFixtures fixtures;

	private Locator nav(String name) {
		return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
	}

	@Test
	void aManagerAddsAScrapeTargetSeesItUpAndEditsTheRules() throws Exception {
		HttpServer target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		target.createContext("/metrics", (exchange) -> {
			byte[] body = "browser_test_gauge 1\n".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		target.start();
		try {
			signIn(fixtures.user(Role.MANAGER).email(), IdentityFixtures.PASSWORD);
			nav("Scrape targets").click();
			String url = "http://127.0.0.1:" + target.getAddress().getPort() + "/metrics";
			page.getByLabel("URL", new Page.GetByLabelOptions().setExact(true)).fill(url);
			page.getByLabel("Job", new Page.GetByLabelOptions().setExact(true)).fill("browser-test");
			page.getByLabel("Interval", new Page.GetByLabelOptions().setExact(true)).fill("1s");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add")).click();
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("Added scrape target " + url);
			Locator row = page.locator("tr", new Page.LocatorOptions().setHasText("browser-test"));
			assertThat(row).containsText(url);
			for (int i = 0; i < 50 && !row.innerText().contains("samples"); i++) {
				Thread.sleep(200);
				page.reload();
			}
			assertThat(row).containsText("1 samples");
			assertThat(row.locator("td").nth(4)).hasText("up");

			page.getByLabel("URL", new Page.GetByLabelOptions().setExact(true)).fill("ftp://nowhere");
			page.getByLabel("Job", new Page.GetByLabelOptions().setExact(true)).fill("x");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add")).click();
			assertThat(page.locator("form.panel")).containsText("must be an http or https URL");

			row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove")).click();
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("Removed scrape target");

			nav("Alert rules").click();
			assertThat(page.locator("body")).containsText("SlowResponseTime");
			assertThat(page.locator("body")).containsText("These are the rules shipped with Watchkeeper.");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit the rule file")).click();
			page.getByLabel("Rule file").fill("""
					groups:
					  - name: broken
					    rules:
					      - alert: Broken
					        expr: sum(up
					        annotations: {runbook_url: "https://runbooks.example.com/x"}
					""");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("groups[0].rules[0].expr");
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("group \"broken\", rule \"Broken\": 1:");
		}
		finally {
			target.stop(0);
		}
	}

}
