package dev.watchkeeper.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps what the browser showed when a test failed: a full-page screenshot and the page's
 * HTML in {@code target/screenshots/<TestClass>.<test>.png|html}, named in the failure
 * output. Runs before {@code @AfterEach} closes the page.
 */
final class ScreenshotOnFailure implements AfterTestExecutionCallback {

	static final Path DIRECTORY = Path.of("target", "screenshots");

	@Override
	public void afterTestExecution(ExtensionContext context) throws IOException {
		if (context.getExecutionException().isEmpty()
				|| !(context.getRequiredTestInstance() instanceof BrowserTest test) || test.page == null
				|| test.page.isClosed()) {
			return;
		}
		String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
		Files.createDirectories(DIRECTORY);
		Path screenshot = DIRECTORY.resolve(name + ".png");
		Path html = DIRECTORY.resolve(name + ".html");
		try {
			test.page.screenshot(new Page.ScreenshotOptions().setPath(screenshot).setFullPage(true));
			Files.writeString(html, test.page.content(), StandardCharsets.UTF_8);
			System.err.println("Browser at " + test.page.url() + " when " + name + " failed; screenshot: "
					+ screenshot.toAbsolutePath() + ", HTML: " + html.toAbsolutePath());
		}
		catch (PlaywrightException ex) {
			System.err.println("No screenshot of " + name + ": " + ex.getMessage());
		}
	}

}
