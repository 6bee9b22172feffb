package dev.watchkeeper.alerting.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written reader agrees with {@link Instant#parse} on every text. */
class Rfc3339PropertiesTests {

	@Property(tries = 3000)
	void readsWhatSendersWriteExactlyAsTheJdkDoes(@ForAll("senderTimes") String text) {
		assertThat(Rfc3339.parse(text)).as(text).isEqualTo(Instant.parse(text));
	}

	@Property(tries = 3000)
	void acceptsAndRejectsWhatTheJdkDoes(@ForAll("mangledTimes") String text) {
		assertThat(outcome(() -> Rfc3339.parse(text))).as(text).isEqualTo(outcome(() -> Instant.parse(text)));
	}

	@Property(tries = 2000)
	void agreesOnArbitraryShortTexts(@ForAll @StringLength(min = 18, max = 30) @CharRange(from = '0',
			to = '9') @Chars({ '-', ':', 'T', 'Z', '.', '+', 'z' }) String text) {
		assertThat(outcome(() -> Rfc3339.parse(text))).as(text).isEqualTo(outcome(() -> Instant.parse(text)));
	}

	@Example
	void readsTheFormsPrometheusAndAlertmanagerSend() {
		assertThat(Rfc3339.parse("2026-11-24T10:15:30Z")).isEqualTo(Instant.ofEpochSecond(1_795_515_330L));
		assertThat(Rfc3339.parse("2026-11-24T10:15:30.5Z"))
			.isEqualTo(Instant.ofEpochSecond(1_795_515_330L, 500_000_000));
		assertThat(Rfc3339.parse("2026-11-24T11:15:30.000000001+01:00"))
			.isEqualTo(Instant.ofEpochSecond(1_795_515_330L, 1));
		assertThat(Rfc3339.parse("0001-01-01T00:00:00Z")).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
	}

	@Example
	void leavesRareFormsToTheJdk() {
		assertThat(Rfc3339.parse("2026-11-24T24:00:00Z")).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
		assertThat(Rfc3339.parse("2026-11-24T23:59:60Z")).isEqualTo(Instant.parse("2026-11-24T23:59:59Z"));
		assertThat(Rfc3339.parse("2026-11-24t10:15:30z")).isEqualTo(Instant.parse("2026-11-24T10:15:30Z"));
		assertThat(Rfc3339.parse("2026-11-24T10:15:30.Z")).isEqualTo(Instant.parse("2026-11-24T10:15:30Z"));
	}

	@Example
	void rejectsImpossibleDatesAndTimes() {
		for (String text : new String[] { "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-24T24:01:00Z",
				"2026-11-24T10:60:00Z", "2026-11-24T10:15:30.1234567890Z", "2026-11-24T10:15:30+25:00",
				"2026-11-24 10:15:30Z", "2026-11-24T10:15:30" }) {
			assertThatThrownBy(() -> Rfc3339.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
		}
	}

	@Provide
	Arbitrary<String> senderTimes() {
		Arbitrary<Long> seconds = Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L);
		Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999),
				Arbitraries.integers().between(0, 999_999_999));
		Arbitrary<Integer> offsetMinutes = Arbitraries.oneOf(Arbitraries.just(0),
				Arbitraries.integers().between(-18 * 60, 18 * 60));
		Arbitrary<Integer> fractionDigits = Arbitraries.integers().between(-1, 9);
		Arbitrary<Boolean> zulu = Arbitraries.of(true, false);
		return Combinators.combine(seconds, nanos, offsetMinutes, fractionDigits, zulu)
			.as(Rfc3339PropertiesTests::format)
			.filter(text -> text != null);
	}

	@Provide
	Arbitrary<String> mangledTimes() {
		Arbitrary<String> valid = senderTimes();
		Arbitrary<Integer> position = Arbitraries.integers().between(0, 40);
		Arbitrary<Character> replacement = Arbitraries.of('0', '1', '2', '3', '5', '9', '-', ':', 'T', 't', 'Z', 'z',
				'.', '+', ' ');
		Arbitrary<Integer> action = Arbitraries.integers().between(0, 2);
		return Combinators.combine(valid, position, replacement, action).as((text, at, c, how) -> {
			int i = Math.min(at, text.length() - 1);
			return switch (how) {
				case 0 -> text.substring(0, i) + c + text.substring(i + 1);
				case 1 -> text.substring(0, i) + c + text.substring(i);
				default -> text.substring(0, i) + text.substring(i + 1);
			};
		});
	}

	/** RFC 3339 text of an instant, or null when the year does not fit four digits. */
	private static String format(long seconds, int nanos, int offsetMinutes, int fractionDigits, boolean zulu) {
		ZoneOffset offset = zulu ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
		OffsetDateTime time = Instant.ofEpochSecond(seconds, nanos).atOffset(offset);
		if (time.getYear() < 1 || time.getYear() > 9999) {
			return null;
		}
		StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", time.getYear(),
				time.getMonthValue(), time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond()));
		if (fractionDigits > 0) {
			String all = String.format("%09d", time.getNano());
			text.append('.').append(all, 0, fractionDigits);
		}
		if (zulu) {
			text.append('Z');
		}
		else {
			int total = offset.getTotalSeconds() / 60;
			text.append(total < 0 ? '-' : '+')
				.append(String.format("%02d:%02d", Math.abs(total) / 60, Math.abs(total) % 60));
		}
		return text.toString();
	}

	private static Object outcome(java.util.function.Supplier<Instant> parse) {
		try {
			return parse.get();
		}
		catch (DateTimeParseException ex) {
			return "rejected";
		}
	}

}
