package dev.watchkeeper.oncall;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ICalendarTests {

	private static final String LONG_NAME = "Zoë Ünterberg-Łukasiewicz; on call, \"primary\"\\backup " + "€".repeat(30);

	private final String text = ICalendar.write("On call: Core, platform", Instant.parse("2026-11-24T08:00:00Z"),
			List.of(new ICalendar.Event("uid-1@watchkeeper", Instant.parse("2026-11-30T08:00:00Z"),
					Instant.parse("2026-12-07T08:00:00Z"), LONG_NAME, "Schedule: Core\nLayer: Primary")));

	@Test
	void everyLineEndsInCrlfAndNoneIsLongerThanSeventyFiveOctets() {
		assertThat(text).endsWith("END:VCALENDAR\r\n");
		assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
		for (String line : text.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
	}

	@Test
	void aCalendarReaderGetsBackTheTextAndTheTimesUnchanged() throws Exception {
		Calendar calendar = new CalendarBuilder().build(new StringReader(text));
		calendar.validate();
		VEvent event = (VEvent) calendar.getComponents(Component.VEVENT).get(0);
		assertThat(event.getSummary().getValue()).as("folding never splits a character").isEqualTo(LONG_NAME);
		assertThat(event.getDescription().getValue()).isEqualTo("Schedule: Core\nLayer: Primary");
		assertThat(Instant.from(event.<java.time.temporal.Temporal>getDateTimeStart().getDate()))
			.isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
		assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("On call: Core, platform");
	}

}
