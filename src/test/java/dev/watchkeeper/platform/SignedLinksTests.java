package dev.watchkeeper.platform;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import dev.watchkeeper.platform.config.WatchkeeperSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignedLinksTests {

	@TempDir
	Path dir;

	private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

	private SignedLinks links(String secret, Instant now) {
		return new SignedLinks(new SecretKeyring(settings(secret)), JsonMapper.builder().build(),
				Clock.fixed(now, ZoneOffset.UTC));
	}

	private WatchkeeperSettings settings(String secret) {
		return new WatchkeeperSettings("test", secret, "INFO", dir, true, new WatchkeeperSettings.Database(null, 5),
				1_048_576);
	}

	@Test
	void aLinkCarriesItsClaimsUntilItExpires() {
		String token = links("k1-0123456789abcdef0123456789abcdef", NOW).sign("incident-action",
				Map.of("incident", "42", "action", "acknowledge"), Duration.ofHours(1));

		var link = links("k1-0123456789abcdef0123456789abcdef", NOW.plusSeconds(3599)).verify(token, "incident-action");
		assertThat(link.claim("incident")).isEqualTo("42");
		assertThat(link.claim("action")).isEqualTo("acknowledge");
		assertThat(link.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
		assertThat(token).doesNotContain("+", "/", "=");

		assertThatThrownBy(() -> links("k1-0123456789abcdef0123456789abcdef", NOW.plusSeconds(3600)).verify(token,
				"incident-action"))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.type()).isEqualTo("link-expired"));
	}

	@Test
	void anAlteredTokenAnotherPurposeOrAnotherKeyIsRefused() {
		SignedLinks here = links("k1-0123456789abcdef0123456789abcdef", NOW);
		String token = here.sign("incident-action", Map.of("action", "acknowledge"), Duration.ofHours(1));
		String forged = here.sign("incident-action", Map.of("action", "resolve"), Duration.ofHours(1));
		String spliced = forged.substring(0, forged.indexOf('.')) + token.substring(token.indexOf('.'));

		for (String bad : new String[] { spliced, token.substring(0, token.length() - 2), "", "no-dot", ".", null }) {
			assertThatThrownBy(() -> here.verify(bad, "incident-action")).isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.type()).isEqualTo("link-invalid"));
		}
		assertThatThrownBy(() -> here.verify(token, "ical-feed")).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> links("k2-0123456789abcdef0123456789abcdef", NOW).verify(token, "incident-action"))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.type()).isEqualTo("link-invalid"));
	}

}
