package dev.watchkeeper.oncall;

import java.time.Duration;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One rule of how a user is reached when paged.
 *
 * @param kind the contact method kind: email, sms, voice, slack or webhook
 * @param address one address of that kind from the profile; null for every address of it
 * @param delay how long after the page starts
 */
public record NotificationRule(String kind, String address, Duration delay) {

	/**
	 * A rule as written by people.
	 *
	 * @param kind email, sms, voice, slack or webhook
	 * @param address one of the profile's addresses of that kind; empty for all of them
	 * @param delay e.g. 0m, 5m or PT10M
	 */
	@Schema(example = """
			{"kind":"sms","address":"+49 151 2345678","delay":"5m"}""")
	public record Draft(String kind, String address, String delay) {
	}

}
