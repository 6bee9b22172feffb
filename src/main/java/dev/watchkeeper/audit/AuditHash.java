package dev.watchkeeper.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over the previous hash and every stored field of an entry. Each field is
 * written with its length first, so no two different entries encode alike (("ab","c") ≠
 * ("a","bc")), and null differs from empty.
 */
final class AuditHash {

	static final String GENESIS = "0".repeat(64);

	private AuditHash() {
	}

	static String of(String previousHash, AuditEntry entry) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String field : new String[] { previousHash, entry.occurredAt().toString(), entry.actorKind(),
					entry.actorId(), entry.actorName(), entry.actorUserId(), entry.action(), entry.targetType(),
					entry.targetId(), entry.summary(), entry.before(), entry.after(), entry.ipAddress(),
					entry.userAgent(), entry.requestId() }) {
				if (field == null) {
					digest.update("-1:".getBytes(StandardCharsets.UTF_8));
				}
				else {
					byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
					digest.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
					digest.update(bytes);
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
