package dev.watchkeeper.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.watchkeeper.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.fail;

/**
 * Base of real-browser tests: Debian's Chromium driven by Playwright against the running
 * app. One browser per test class (starting it takes about two seconds), a fresh context
 * (cookies, storage) and page per test. A failing test leaves a full-page screenshot in
 * {@code target/screenshots/}.
 */
@ExtendWith(ScreenshotOnFailure.class)
public abstract class BrowserTest extends IntegrationTest {

	/**
	 * Chromium is a test dependency like PostgreSQL: missing means failing, not skipping.
	 */
	static final String CHROMIUM_PATH = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");

	private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
			"--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
			"--disable-sync", "--disable-quic", "--no-first-run");

	private static Playwright playwright;

	private static Browser browser;

	BrowserContext context;

	/** The page of the current test, in a fresh browser context. */
	protected Page page;

	@BeforeAll
	static void startBrowser() {
		Path chromium = Path.of(CHROMIUM_PATH);
		if (!Files.isExecutable(chromium)) {
			fail("Browser tests need Chromium at " + chromium + " (install the Debian package: "
					+ "apt-get install -y chromium) or set CHROMIUM_PATH to its binary");
		}
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
				.setHeadless(true)
				.setArgs(CHROMIUM_ARGS));
	}

	@AfterAll
	static void stopBrowser() {
		if (playwright != null) {
			playwright.close();
			playwright = null;
			browser = null;
		}
	}

	@BeforeEach
	void openPage() {
		context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl()).setViewportSize(1280, 800));
		context.setDefaultTimeout(10_000);
		page = context.newPage();
	}

	@AfterEach
	void closePage() {
		if (context != null) {
			context.close();
		}
	}

	protected String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	/** Fills in and submits the sign-in form at /login. */
	protected void signIn(String email, String password) {
		page.navigate("/login");
		page.locator("#email").fill(email);
		page.locator("#password").fill(password);
		page.locator("form[action='/login'] button[type=submit]").click();
		page.waitForLoadState();
	}

	/** Signs out with the button in the navigation. */
	protected void signOut() {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
		page.waitForURL("**/login?signedOut");
	}

	/** The code an authenticator app would show now for this base32 secret. */
	protected static String currentTotpCode(String base32Secret) {
		return Totp.codeAt(base32Secret, Instant.now());
	}

	/**
	 * The code of the previous 30-second step, still accepted for clock drift. Enrolling
	 * with it leaves the current code unused for the next sign-in, since each code is
	 * accepted once.
	 */
	protected static String previousTotpCode(String base32Secret) {
		return Totp.codeAt(base32Secret, Instant.now().minusSeconds(30));
	}

}
