package dev.watchkeeper.oncall;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * On-call settings, bound from {@code watchkeeper.oncall.*}.
 *
 * @param calendarWeeks how many weeks a calendar shows when no number is asked for
 * (WATCHKEEPER_ONCALL_CALENDAR_WEEKS)
 * @param feedWeeksAhead how far ahead iCal feeds list shifts
 * (WATCHKEEPER_ONCALL_FEED_WEEKS_AHEAD)
 * @param feedDaysBehind how far back iCal feeds keep past shifts
 * (WATCHKEEPER_ONCALL_FEED_DAYS_BEHIND)
 * @param feedFailuresPerAddress unknown feed links one client address may ask for within
 * the window before it gets 429 (WATCHKEEPER_ONCALL_FEED_FAILURES_PER_ADDRESS)
 * @param feedFailureWindow the window those are counted in
 * (WATCHKEEPER_ONCALL_FEED_FAILURE_WINDOW)
 */
@ConfigurationProperties("watchkeeper.oncall")
public record OncallSettings(@DefaultValue("4") int calendarWeeks, @DefaultValue("12") int feedWeeksAhead,
		@DefaultValue("14") int feedDaysBehind, @DefaultValue("20") int feedFailuresPerAddress,
		@DefaultValue("15m") Duration feedFailureWindow) {

	/** Longest period a calendar or shift list covers in one request. */
	public static final int MAX_WEEKS = 26;

	public OncallSettings {
		calendarWeeks = Math.max(1, Math.min(MAX_WEEKS, calendarWeeks));
		feedWeeksAhead = Math.max(1, Math.min(MAX_WEEKS * 2, feedWeeksAhead));
		feedDaysBehind = Math.max(0, Math.min(366, feedDaysBehind));
		feedFailuresPerAddress = Math.max(1, feedFailuresPerAddress);
	}

}
