package dev.watchkeeper.oncall.web;

import java.time.Duration;
import java.time.Instant;

import dev.watchkeeper.oncall.OncallSettings;
import dev.watchkeeper.platform.DomainException;

/**
 * The period a calendar or shift list covers: from an instant, a number of weeks long.
 */
record Periods(Instant from, Instant to) {

	static Periods of(Instant from, Integer weeks, Instant now, OncallSettings settings) {
		int count = weeks == null ? settings.calendarWeeks() : weeks;
		if (count < 1 || count > OncallSettings.MAX_WEEKS) {
			throw DomainException.invalid("weeks", "must be 1 to " + OncallSettings.MAX_WEEKS);
		}
		Instant start = from == null ? now : from;
		return new Periods(start, start.plus(Duration.ofDays(7L * count)));
	}

}
