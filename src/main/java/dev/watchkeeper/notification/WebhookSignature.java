package dev.watchkeeper.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}
 * keyed with the base64-decoded part of {@code whsec_<base64>}.
 */
final class WebhookSignature {

	static final String PREFIX = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSignature() {
	}

	static String newSecret() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/** Null when the secret is valid, else what is wrong with it. */
	static String problem(String secret) {
		if (!secret.startsWith(PREFIX)) {
			return "must start with whsec_ followed by base64";
		}
		try {
			int length = Base64.getDecoder().decode(secret.substring(PREFIX.length())).length;
			return length < 24 || length > 64 ? "the key must be 24 to 64 bytes (base64 encoded)" : null;
		}
		catch (IllegalArgumentException ex) {
			return "must start with whsec_ followed by base64";
		}
	}

	static String sign(String secret, String id, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
			byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
