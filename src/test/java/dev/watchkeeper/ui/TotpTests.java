package dev.watchkeeper.ui;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser tests' own TOTP agrees with the SHA-1 test vectors of RFC 6238 appendix B.
 */
class TotpTests {

	/** "12345678901234567890" in base32. */
	private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void matchesTheRfcTestVectors(long epochSecond, String eightDigits) {
		assertThat(Totp.code(Totp.base32Decode(RFC_SECRET), epochSecond / 30, 8)).isEqualTo(eightDigits);
		assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(epochSecond))).isEqualTo(eightDigits.substring(2));
	}

	@ParameterizedTest
	@CsvSource({ "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "gezdgnbvgy3tqojqgezdgnbvgy3tqojq",
			"GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ" })
	void decodesBase32AsAuthenticatorAppsAcceptIt(String secret) {
		assertThat(new String(Totp.base32Decode(secret), StandardCharsets.US_ASCII)).isEqualTo("12345678901234567890");
	}

}
