package dev.watchkeeper.incident;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelNamesTests {

	private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

	@Test
	void theChannelIsTheHandbooksNameWithASlugOfTheTitle() {
		assertThat(ChannelNames.of(DAY, "Checkout: payments fail!", "sev-1"))
			.isEqualTo("#incident-2026-11-25-checkout-payments-fail");
		assertThat(ChannelNames.of(DAY, "Zürich DC — Überlast", "sev-1"))
			.isEqualTo("#incident-2026-11-25-zurich-dc-uberlast");
	}

	@Test
	void aTitleWithoutLettersOrDigitsFallsBackAndLongTitlesAreCutAtAWord() {
		assertThat(ChannelNames.of(DAY, "!!!", "SEV-2")).isEqualTo("#incident-2026-11-25-sev-2");
		String channel = ChannelNames.of(DAY,
				"The primary database cluster in eu-west-1 refuses connections from every application server", "x");
		assertThat(channel).hasSizeLessThanOrEqualTo(80)
			.isEqualTo("#incident-2026-11-25-the-primary-database-cluster-in-eu-west-1");
	}

	@Test
	void theSecondIncidentOfADayWithTheSameTitleIsNumbered() {
		assertThat(ChannelNames.numbered("#incident-2026-11-25-x", 1)).isEqualTo("#incident-2026-11-25-x");
		assertThat(ChannelNames.numbered("#incident-2026-11-25-x", 2)).isEqualTo("#incident-2026-11-25-x-2");
	}

}
