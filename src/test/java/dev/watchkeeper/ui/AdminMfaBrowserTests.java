package dev.watchkeeper.ui;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.MultiFactor;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handbook 003, admin access requires MFA, walked through in Chromium: an admin without
 * TOTP is sent to enrol, types the code an authenticator app would show, sees recovery
 * codes, opens the admin page, and from then on signs in with password and code.
 */
class AdminMfaBrowserTests extends BrowserTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	MultiFactor multiFactor;

	@Test
	void anAdminWithoutMfaEnrolsBeforeOpeningAdminPagesAndThenSignsInWithACode() {
		User admin = fixtures.user(Role.ADMIN);
		signIn(admin.email(), IdentityFixtures.PASSWORD);
		assertThat(page).hasURL(baseUrl() + "/");

		page.navigate(TestAdminPage.PATH);
		assertThat(page).hasURL(baseUrl() + "/account/mfa?required");
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Admin access requires multi-factor authentication");

		String secret = page.locator("#totp-secret").textContent().trim();
		assertThat(page.locator("#otpauth-uri")).containsText("secret=" + secret);
		page.locator("#code").fill(previousTotpCode(secret));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on")).click();

		assertThat(page.getByRole(AriaRole.STATUS)).hasText("Multi-factor authentication is on.");
		assertThat(page.locator("#recovery-codes li")).hasCount(10);
		assertThat(page.locator("#recovery-codes li").allTextContents())
			.allMatch(code -> code.matches("[a-z2-9]{5}-[a-z2-9]{5}"));

		page.locator("#continue").click();
		assertThat(page).hasURL(baseUrl() + TestAdminPage.PATH);
		assertThat(page.getByRole(AriaRole.HEADING)).hasText(TestAdminPage.HEADING);

		page.navigate("/");
		signOut();
		signIn(admin.email(), IdentityFixtures.PASSWORD);
		assertThat(page).hasURL(baseUrl() + "/login/mfa");
		page.locator("#code").fill(currentTotpCode(secret));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();

		assertThat(page).hasURL(baseUrl() + "/");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Overview");
		page.navigate(TestAdminPage.PATH);
		assertThat(page.getByRole(AriaRole.HEADING)).hasText(TestAdminPage.HEADING);
	}

	@Test
	void aMistypedCodeAtEnrolmentLeavesMfaOffAndTheNewSecretWorks() {
		User admin = fixtures.user(Role.ADMIN);
		signIn(admin.email(), IdentityFixtures.PASSWORD);
		page.navigate("/account/mfa");
		String secret = page.locator("#totp-secret").textContent().trim();

		page.locator("#code").fill(wrongCode(secret));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on")).click();

		assertThat(page.getByRole(AriaRole.ALERT)).containsText("not the current code");
		assertThat(page.locator("#recovery-codes")).hasCount(0);
		String shownNow = page.locator("#totp-secret").textContent().trim();
		page.locator("#code").fill(currentTotpCode(shownNow));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on")).click();
		assertThat(page.locator("#recovery-codes li")).hasCount(10);
	}

	@Test
	void aWrongCodeAtSignInShowsAnErrorAndDoesNotSignIn() {
		User admin = fixtures.user(Role.ADMIN);
		String secret = multiFactor.start(admin.id()).secret();
		multiFactor.confirm(admin.id(), previousTotpCode(secret));

		signIn(admin.email(), IdentityFixtures.PASSWORD);
		assertThat(page).hasURL(baseUrl() + "/login/mfa");
		page.locator("#code").fill(wrongCode(secret));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();

		assertThat(page).hasURL(baseUrl() + "/login/mfa");
		assertThat(page.getByRole(AriaRole.ALERT)).hasText("The email, password or code is wrong");
		page.navigate(TestAdminPage.PATH);
		assertThat(page).hasURL(baseUrl() + "/login");
	}

	/** Six digits that are none of the codes the verifier accepts around now. */
	private static String wrongCode(String secret) {
		Instant now = Instant.now();
		Set<String> accepted = Stream.of(-60, -30, 0, 30, 60)
			.map(offset -> Totp.codeAt(secret, now.plusSeconds(offset)))
			.collect(Collectors.toSet());
		return Stream.of("000000", "111111", "222222", "333333", "444444", "555555")
			.filter(code -> !accepted.contains(code))
			.findFirst()
			.orElseThrow();
	}

}
