package dev.watchkeeper.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Tokens for links that let a person act without signing in, such as "acknowledge" in a
 * page: what to do (purpose and claims) and until when, signed with the installation's
 * key. Whoever holds the link may act, so a link is short-lived and the page it opens
 * asks for confirmation and acts only on POST; a mail scanner that follows links acts on
 * nothing.
 *
 * <p>
 * A token is {@code <payload>.<signature>}, both base64url: the payload is JSON with the
 * purpose, the claims and the expiry in epoch seconds; the signature is HMAC-SHA256 over
 * the payload with a key derived from {@code SECRET_KEY}, so changing that key voids
 * every link.
 */
@Component
public class SignedLinks {

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final SecretKeyring keyring;

	private final JsonMapper json;

	private final Clock clock;

	SignedLinks(SecretKeyring keyring, JsonMapper json, Clock clock) {
		this.keyring = keyring;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * What a valid token says.
	 *
	 * @param purpose what the link is for, e.g. {@code incident-action}
	 * @param claims what it names, e.g. the incident, the action and the person
	 * @param expiresAt when it stops working
	 */
	public record Link(String purpose, Map<String, String> claims, Instant expiresAt) {

		public String claim(String name) {
			return claims.get(name);
		}

	}

	/** A token for {@code purpose} with these claims, valid for {@code lifetime}. */
	public String sign(String purpose, Map<String, String> claims, Duration lifetime) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("p", purpose);
		payload.put("c", claims);
		payload.put("e", clock.instant().plus(lifetime).getEpochSecond());
		String body = ENCODER.encodeToString(json.writeValueAsBytes(payload));
		return body + "." + signature(body);
	}

	/**
	 * The link a token stands for.
	 * @throws DomainException {@code link-invalid} when the token was not made here for
	 * this purpose or was altered; {@code link-expired} when its time has passed
	 */
	public Link verify(String token, String purpose) {
		int dot = token == null ? -1 : token.indexOf('.');
		if (dot <= 0 || !MessageDigest.isEqual(signature(token.substring(0, dot)).getBytes(StandardCharsets.US_ASCII),
				token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
			throw invalid();
		}
		Map<String, Object> payload;
		try {
			payload = json.readValue(Base64.getUrlDecoder().decode(token.substring(0, dot)), MAP);
		}
		catch (RuntimeException ex) {
			throw invalid();
		}
		if (!purpose.equals(payload.get("p")) || !(payload.get("c") instanceof Map<?, ?> raw)
				|| !(payload.get("e") instanceof Number expiry)) {
			throw invalid();
		}
		Instant expiresAt = Instant.ofEpochSecond(expiry.longValue());
		if (!clock.instant().isBefore(expiresAt)) {
			throw new DomainException(DomainException.Kind.FORBIDDEN, "link-expired",
					"This link expired at " + expiresAt + "; open the item in Watchkeeper to act on it");
		}
		Map<String, String> claims = new LinkedHashMap<>();
		raw.forEach((k, v) -> claims.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
		return new Link(purpose, Map.copyOf(claims), expiresAt);
	}

	private String signature(String body) {
		return ENCODER.encodeToString(java.util.HexFormat.of().parseHex(keyring.sign("link:" + body)));
	}

	private static DomainException invalid() {
		return new DomainException(DomainException.Kind.FORBIDDEN, "link-invalid",
				"This link is not valid: it was altered, cut short or made by another installation");
	}

}
