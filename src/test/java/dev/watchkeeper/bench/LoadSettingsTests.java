package dev.watchkeeper.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LoadSettingsTests {

	@Test
	void acceptsLoopbackTargetsWithDefaults() {
		var settings = LoadSettings.parse("--url", "http://127.0.0.1:8000/api/v1/services");
		assertThat(settings.rate()).isEqualTo(200);
		assertThat(settings.durationSeconds()).isEqualTo(60);
		assertThat(settings.warmupSeconds()).isEqualTo(10);
		assertThat(LoadSettings.parse("--url", "http://localhost:8000/").url().getHost()).isEqualTo("localhost");
		assertThat(LoadSettings.parse("--url", "http://[::1]:8000/").url().getPort()).isEqualTo(8000);
	}

	@Test
	void refusesToSendAnywhereButThisMachine() {
		for (String url : new String[] { "http://example.com/", "http://10.0.0.1:8000/", "http://127.0.0.2/",
				"http://127.0.0.1.example.com/", "http://user@127.0.0.1/", "ftp://127.0.0.1/", "https://127.0.0.1/",
				"127.0.0.1:8000" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> LoadSettings.parse("--url", url))
				.withMessageContaining("--url");
		}
	}

	@Test
	void boundsDurationRateAndWarmUp() {
		String url = "http://127.0.0.1:8000/";
		assertThatIllegalArgumentException().isThrownBy(() -> LoadSettings.parse("--url", url, "--duration", "301"))
			.withMessageContaining("--duration");
		assertThatIllegalArgumentException().isThrownBy(() -> LoadSettings.parse("--url", url, "--rate", "0"))
			.withMessageContaining("--rate");
		assertThatIllegalArgumentException().isThrownBy(() -> LoadSettings.parse("--url", url, "--rate", "1e9"))
			.withMessageContaining("--rate");
		assertThatIllegalArgumentException().isThrownBy(() -> LoadSettings.parse("--url", url, "--warmup", "-1"))
			.withMessageContaining("--warmup");
		assertThatIllegalArgumentException().isThrownBy(() -> LoadSettings.parse("--url", url, "--concurrency"))
			.withMessageContaining("needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> LoadSettings.parse("--rate", "10"))
			.withMessageContaining("--url is required");
	}

}
