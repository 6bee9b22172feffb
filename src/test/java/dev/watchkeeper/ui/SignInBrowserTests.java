package dev.watchkeeper.ui;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Signing in with a password in Chromium: success, a wrong password, and the lockout. */
class SignInBrowserTests extends BrowserTest {

	@Autowired
	IdentityFixtures fixtures;

	@Test
	void theRightPasswordOpensTheOverview() {
		User user = fixtures.user(Role.RESPONDER);

		signIn(user.email(), IdentityFixtures.PASSWORD);

		assertThat(page).hasURL(baseUrl() + "/");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Overview");
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("Welcome, " + user.name());
	}

	@Test
	void aWrongPasswordShowsAnErrorAndStaysOnTheSignInPage() {
		User user = fixtures.user(Role.RESPONDER);

		signIn(user.email(), "not the password");

		assertThat(page).hasURL(baseUrl() + "/login");
		assertThat(page.getByRole(AriaRole.ALERT)).hasText("The email, password or code is wrong");
		assertThat(page.locator("#email")).hasValue(user.email());
		assertThat(page.locator("#password")).isEmpty();
		assertNotSignedIn();
	}

	@Test
	void sixWrongPasswordsLockTheAccountAndThenTheRightPasswordIsRefused() {
		User user = fixtures.user(Role.RESPONDER);
		for (int attempt = 1; attempt <= 5; attempt++) {
			signIn(user.email(), "wrong password " + attempt);
			assertThat(page.getByRole(AriaRole.ALERT)).hasText("The email, password or code is wrong");
		}

		signIn(user.email(), "wrong password 6");
		assertThat(page).hasURL(baseUrl() + "/login");
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("This account is locked");

		signIn(user.email(), IdentityFixtures.PASSWORD);
		assertThat(page).hasURL(baseUrl() + "/login");
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("This account is locked");
		assertNotSignedIn();
	}

	private void assertNotSignedIn() {
		page.navigate("/");
		assertThat(page).hasURL(baseUrl() + "/login");
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).hasCount(0);
	}

}
