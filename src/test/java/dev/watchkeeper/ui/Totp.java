package dev.watchkeeper.ui;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 TOTP as an authenticator app computes it (HMAC-SHA1, 30-second steps, six
 * digits), written out here so that browser tests check the production verifier against
 * an independent implementation rather than against itself.
 */
final class Totp {

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Totp() {
	}

	static String codeAt(String base32Secret, Instant time) {
		return code(base32Decode(base32Secret), Math.floorDiv(time.getEpochSecond(), 30), 6);
	}

	/** RFC 4226 HOTP with dynamic truncation. */
	static String code(byte[] key, long counter, int digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			int code = binary % (int) Math.pow(10, digits);
			return String.format(Locale.ROOT, "%0" + digits + "d", code);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** RFC 4648 base32, case-insensitive, padding and spaces ignored. */
	static byte[] base32Decode(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
			if (c == '=' || c == ' ') {
				continue;
			}
			int value = BASE32.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("not base32: " + c);
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

}
