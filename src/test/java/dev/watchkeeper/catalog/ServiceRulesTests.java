package dev.watchkeeper.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceRulesTests {

	private static ServiceDraft draft(String slug, Integer tier, List<Service.Environment> environments) {
		return new ServiceDraft(slug, "Checkout", null, null, tier, "https://runbooks.example.com/x",
				List.of("payments", "tier:1"), environments);
	}

	@Test
	void acceptsAWellFormedService() {
		assertThat(ServiceRules
			.check(draft("checkout-2", 1, List.of(new Service.Environment("production", "https://api.example.com")))))
			.isEmpty();
	}

	@Test
	void slugsAreLowerCaseAndUrlSafe() {
		assertThat(ServiceRules.check(draft("Checkout", 1, List.of()))).containsKey("slug");
		assertThat(ServiceRules.check(draft("-checkout", 1, List.of()))).containsKey("slug");
		assertThat(ServiceRules.check(draft("a".repeat(64), 1, List.of()))).containsKey("slug");
	}

	@Test
	void anEnvironmentIsOneOfTheHandbooksThreeAndListedOnce() {
		var errors = ServiceRules.check(draft("x", 1, List.of(new Service.Environment("production", null),
				new Service.Environment("production", null), new Service.Environment("qa", null))));
		assertThat(errors).containsOnlyKeys("environments[1].name", "environments[2].name");
	}

	@Test
	void tiersRunFromOneToFour() {
		assertThat(ServiceRules.check(draft("x", 0, List.of()))).containsKey("tier");
		assertThat(ServiceRules.check(draft("x", 5, List.of()))).containsKey("tier");
		assertThat(ServiceRules.check(draft("x", null, List.of()))).isEmpty();
	}

	@Test
	void urlsMustBeAbsoluteWebUrls() {
		assertThat(ServiceRules.isWebUrl("https://example.com/runbook")).isTrue();
		assertThat(ServiceRules.isWebUrl("javascript:alert(1)")).isFalse();
		assertThat(ServiceRules.isWebUrl("/relative")).isFalse();
		assertThat(ServiceRules.isWebUrl("ftp://example.com")).isFalse();
	}

}
