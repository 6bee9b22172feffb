package dev.watchkeeper.alerting;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.platform.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TimeIntervalTests {

	private static TimeInterval interval(String yaml) {
		var document = ConfigDocument.read("""
				receivers: [{name: r}]
				route: {receiver: r}
				time_intervals:
				  - name: t
				    time_intervals:
				""" + yaml.indent(6));
		return AlertingConfig.parse(document, name -> true).timeIntervals().get(0);
	}

	private static Map<String, String> errors(String yaml) {
		var document = ConfigDocument.read("""
				receivers: [{name: r}]
				route: {receiver: r}
				time_intervals:
				  - name: t
				    time_intervals:
				""" + yaml.indent(6));
		try {
			AlertingConfig.parse(document, name -> true);
			return Map.of();
		}
		catch (DomainException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.fieldErrors().forEach(e -> errors.put(e.field(), e.message()));
			return errors;
		}
	}

	@Test
	void businessHoursAreWeekdaysFromNineToFiveWithTheEndExclusive() {
		var hours = interval("""
				- weekdays: ['monday:friday']
				  times: [{start_time: "09:00", end_time: "17:00"}]""");
		assertThat(hours.contains(Instant.parse("2026-11-23T09:00:00Z"))).as("Monday 09:00").isTrue();
		assertThat(hours.contains(Instant.parse("2026-11-23T16:59:59Z"))).as("Monday 16:59").isTrue();
		assertThat(hours.contains(Instant.parse("2026-11-23T17:00:00Z"))).as("Monday 17:00").isFalse();
		assertThat(hours.contains(Instant.parse("2026-11-23T08:59:00Z"))).as("Monday 08:59").isFalse();
		assertThat(hours.contains(Instant.parse("2026-11-27T12:00:00Z"))).as("Friday noon").isTrue();
		assertThat(hours.contains(Instant.parse("2026-11-28T12:00:00Z"))).as("Saturday noon").isFalse();
		assertThat(hours.contains(Instant.parse("2026-11-29T12:00:00Z"))).as("Sunday noon").isFalse();
	}

	@Test
	void theLocationDecidesWhichDayAndHourItIs() {
		var berlin = interval("""
				- weekdays: ['saturday', 'sunday']
				  location: Europe/Berlin""");
		// 23:30 UTC on Friday is 00:30 on Saturday in Berlin (UTC+1 in November)
		assertThat(berlin.contains(Instant.parse("2026-11-27T23:30:00Z"))).isTrue();
		assertThat(berlin.contains(Instant.parse("2026-11-27T22:30:00Z"))).isFalse();
		var nine = interval("""
				- times: [{start_time: "09:00", end_time: "10:00"}]
				  location: Europe/Berlin""");
		assertThat(nine.contains(Instant.parse("2026-07-01T07:30:00Z"))).as("summer time: UTC+2").isTrue();
		assertThat(nine.contains(Instant.parse("2026-12-01T08:30:00Z"))).as("winter time: UTC+1").isTrue();
		assertThat(nine.contains(Instant.parse("2026-12-01T07:30:00Z"))).isFalse();
	}

	@Test
	void negativeDaysOfMonthCountFromTheEndOfEachMonth() {
		var lastDay = interval("- days_of_month: ['-1']");
		assertThat(lastDay.contains(Instant.parse("2026-02-28T12:00:00Z"))).as("28 February 2026").isTrue();
		assertThat(lastDay.contains(Instant.parse("2028-02-28T12:00:00Z"))).as("not in a leap year").isFalse();
		assertThat(lastDay.contains(Instant.parse("2028-02-29T12:00:00Z"))).isTrue();
		assertThat(lastDay.contains(Instant.parse("2026-04-30T12:00:00Z"))).isTrue();
		assertThat(lastDay.contains(Instant.parse("2026-03-30T12:00:00Z"))).isFalse();
		var lastThree = interval("- days_of_month: ['-3:-1']");
		assertThat(lastThree.contains(Instant.parse("2026-11-28T00:00:00Z"))).isTrue();
		assertThat(lastThree.contains(Instant.parse("2026-11-27T23:59:00Z"))).isFalse();
		var firstFive = interval("- days_of_month: ['1:5']");
		assertThat(firstFive.contains(Instant.parse("2026-11-05T23:59:00Z"))).isTrue();
		assertThat(firstFive.contains(Instant.parse("2026-11-06T00:00:00Z"))).isFalse();
		var thirtyFirst = interval("- days_of_month: ['31']");
		assertThat(thirtyFirst.contains(Instant.parse("2026-11-30T12:00:00Z"))).as("November has no 31st").isFalse();
	}

	@Test
	void monthsAndYearsByNameNumberAndRange() {
		var quarter = interval("- months: ['january:march', '12']\n  years: ['2026:2027']");
		assertThat(quarter.contains(Instant.parse("2026-02-10T00:00:00Z"))).isTrue();
		assertThat(quarter.contains(Instant.parse("2026-12-10T00:00:00Z"))).isTrue();
		assertThat(quarter.contains(Instant.parse("2026-04-01T00:00:00Z"))).isFalse();
		assertThat(quarter.contains(Instant.parse("2028-02-10T00:00:00Z"))).as("2028 is outside the years").isFalse();
	}

	@Test
	void anyRangeOfAnIntervalMayMatchButEveryFieldOfARangeMust() {
		var either = interval("""
				- weekdays: [saturday]
				- weekdays: [monday]
				  times: [{start_time: "00:00", end_time: "24:00"}]""");
		assertThat(either.contains(Instant.parse("2026-11-28T03:00:00Z"))).isTrue();
		assertThat(either.contains(Instant.parse("2026-11-23T23:59:00Z"))).isTrue();
		assertThat(either.contains(Instant.parse("2026-11-24T00:00:00Z"))).isFalse();
	}

	@Test
	void badValuesAreRefusedWithTheirPath() {
		assertThat(errors("- weekdays: ['friday:monday']"))
			.containsKey("time_intervals[0].time_intervals[0].weekdays[0]");
		assertThat(errors("- weekdays: ['funday']")).containsKey("time_intervals[0].time_intervals[0].weekdays[0]");
		assertThat(errors("- days_of_month: ['0']"))
			.containsKey("time_intervals[0].time_intervals[0].days_of_month[0]");
		assertThat(errors("- days_of_month: ['-1:5']")).as("the 30th-from-last to the 5th is backwards")
			.containsKey("time_intervals[0].time_intervals[0].days_of_month[0]");
		assertThat(errors("- months: ['13']")).containsKey("time_intervals[0].time_intervals[0].months[0]");
		assertThat(errors("- times: [{start_time: \"17:00\", end_time: \"09:00\"}]"))
			.containsKey("time_intervals[0].time_intervals[0].times[0].end_time");
		assertThat(errors("- times: [{start_time: \"9:00\", end_time: \"10:00\"}]"))
			.containsKey("time_intervals[0].time_intervals[0].times[0].start_time");
		assertThat(errors("- location: Mars/Olympus")).containsKey("time_intervals[0].time_intervals[0].location");
		assertThat(errors("- weekdays: ['monday:friday']\n  times: [{start_time: \"09:00\", end_time: \"17:00\"}]"))
			.isEmpty();
	}

	@Test
	void unquotedTimesInYamlStayTimes() {
		var late = interval("- times: [{start_time: 17:00, end_time: 18:30}]");
		assertThat(late.ranges().get(0).times()).containsExactly(new TimeInterval.Span(17 * 60, 18 * 60 + 30));
		assertThat(late.ranges().get(0).source()).containsEntry("times",
				List.of(Map.of("start_time", "17:00", "end_time", "18:30")));
	}

}
