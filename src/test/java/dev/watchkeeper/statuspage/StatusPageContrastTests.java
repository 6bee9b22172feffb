package dev.watchkeeper.statuspage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The public page's colours meet WCAG AA on its white background, and a brand colour that
 * would not is refused.
 */
class StatusPageContrastTests {

	private static final Pattern VARIABLE = Pattern.compile("--(text|bar)-([a-z0-9_]+):\\s*(#[0-9a-fA-F]{6})");

	@Test
	void everyTextColourHasFourAndAHalfToOneAndEveryBarThreeToOneOnWhite() throws Exception {
		String template = Files.readString(Path.of("src/main/resources/templates/statuspage/status.html"));
		Matcher matcher = VARIABLE.matcher(template);
		int text = 0;
		int bars = 0;
		while (matcher.find()) {
			double ratio = Contrast.ratio(matcher.group(3), "#ffffff");
			if (matcher.group(1).equals("text")) {
				text++;
				assertThat(ratio).as("text colour --text-%s %s", matcher.group(2), matcher.group(3))
					.isGreaterThanOrEqualTo(Contrast.AA_TEXT);
			}
			else {
				bars++;
				assertThat(ratio).as("bar colour --bar-%s %s", matcher.group(2), matcher.group(3))
					.isGreaterThanOrEqualTo(Contrast.AA_GRAPHICS);
			}
		}
		assertThat(text).as("status text colours found").isGreaterThanOrEqualTo(7);
		assertThat(bars).as("uptime bar colours found").isEqualTo(5);
	}

	@Test
	void contrastRatiosMatchWcagsFormula() {
		assertThat(Contrast.ratio("#000000", "#ffffff")).isEqualTo(21.0);
		assertThat(Contrast.ratio("#767676", "#ffffff")).isBetween(4.5, 4.6);
	}

	@Test
	void aBrandColourTooLightForWhiteHeaderTextIsRefusedAtStartUp() {
		assertThatThrownBy(() -> settings("#ffcc00")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("brand-color #ffcc00")
			.hasMessageContaining("4.5:1");
		assertThatThrownBy(() -> settings("blue")).hasMessageContaining("#rrggbb");
		assertThat(settings("#1f4e8c").brandColor()).isEqualTo("#1f4e8c");
	}

	private static StatuspageSettings settings(String brand) {
		return new StatuspageSettings("Status", "https://status.example.com/status/", "", brand, List.of(), "UTC",
				Duration.ofSeconds(10), 90, 30, 5, Duration.ofHours(48));
	}

}
