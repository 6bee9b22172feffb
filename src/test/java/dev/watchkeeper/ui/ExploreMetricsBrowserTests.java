package dev.watchkeeper.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A viewer runs PromQL on the explore page, sees a chart and the latest values, and a
 * parse error.
 */
class ExploreMetricsBrowserTests extends BrowserTest {

	@Autowired
	IdentityFixtures fixtures;

	@Test
	void aViewerChartsAnExpressionAndSeesWhereAnInvalidOneBreaks() throws Exception {
		long now = System.currentTimeMillis();
		StringBuilder body = new StringBuilder();
		for (int i = 10; i >= 0; i--) {
			long t = now - i * 15_000L;
			body.append("explore_requests_total{job=\"shop\",status=\"500\"} ")
				.append(100 - i * 3)
				.append(' ')
				.append(t)
				.append('\n');
			body.append("explore_requests_total{job=\"shop\",status=\"200\"} ")
				.append(1000 - i * 30)
				.append(' ')
				.append(t)
				.append('\n');
		}
		var imported = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(baseUrl() + "/prometheus/api/v1/import/prometheus"))
			.header("Authorization", "Bearer " + fixtures.integrationKey())
			.header("Content-Type", "text/plain")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString()))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		org.assertj.core.api.Assertions.assertThat(imported.statusCode()).isEqualTo(204);

		signIn(fixtures.user(Role.VIEWER).email(), IdentityFixtures.PASSWORD);
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Explore metrics"))
			.click();
		page.getByLabel("PromQL expression").fill("sum by (status) (explore_requests_total)");
		page.getByLabel("Range").selectOption("15m");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run")).click();
		assertThat(page.locator("table")).containsText("{status=\"500\"}");
		assertThat(page.locator("table")).containsText("100");
		assertThat(page.locator("table")).containsText("1000");
		assertThat(page.locator("#explore-chart")).isVisible();

		page.getByLabel("PromQL expression").fill("sum(rate(explore_requests_total[5m])))");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run")).click();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("1:38: parse error: unexpected \")\"");
	}

}
