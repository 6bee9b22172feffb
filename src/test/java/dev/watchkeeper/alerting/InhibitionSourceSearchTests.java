package dev.watchkeeper.alerting;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher reads only the firing alerts that could inhibit a group's members, not
 * every firing alert.
 */
class InhibitionSourceSearchTests {

	@Test
	void aRegexOnlySourceIsSearchedByTheGroupsValuesOfTheEqualLabels() {
		var rule = new InhibitRule(Matcher.parse("severity=~\"critical\""), Matcher.parse("severity=~\"high\""),
				List.of("alertname", "service"));

		assertThat(AlertDispatcher.sourceSearch(rule, Map.of("alertname", "HighErrorRate", "service", "checkout")))
			.containsOnly(Map.entry("alertname", "HighErrorRate"), Map.entry("service", "checkout"));
	}

	@Test
	void equalLabelsTheGroupDoesNotCarryDoNotNarrowTheSearch() {
		var rule = new InhibitRule(Matcher.parse("alertname=\"DatabaseUnavailable\""),
				Matcher.parse("alertname=\"HighErrorRate\""), List.of("service", "region"));

		assertThat(AlertDispatcher.sourceSearch(rule, Map.of("alertname", "HighErrorRate", "service", "")))
			.containsOnly(Map.entry("alertname", "DatabaseUnavailable"));
		assertThat(AlertDispatcher.sourceSearch(rule, Map.of("alertname", "HighErrorRate", "service", "checkout")))
			.containsOnly(Map.entry("alertname", "DatabaseUnavailable"), Map.entry("service", "checkout"));
	}

}
