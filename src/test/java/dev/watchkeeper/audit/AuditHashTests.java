package dev.watchkeeper.audit;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditHashTests {

	private static AuditEntry entry(String actorName, String action, String summary, String ip) {
		return new AuditEntry(1, Instant.parse("2026-11-22T09:00:00.123456Z"), "user", "u-1", actorName, "u-1", action,
				"service", "checkout", summary, "{}", "{\"name\":\"Checkout\"}", ip, "curl/8", "req-1",
				AuditHash.GENESIS, null);
	}

	@Test
	void theSameEntryAlwaysHashesTheSame() {
		assertThat(AuditHash.of(AuditHash.GENESIS, entry("ada", "service.created", "Created", "127.0.0.1")))
			.isEqualTo(AuditHash.of(AuditHash.GENESIS, entry("ada", "service.created", "Created", "127.0.0.1")))
			.hasSize(64);
	}

	@Test
	void anyChangedFieldChangesTheHash() {
		String original = AuditHash.of(AuditHash.GENESIS, entry("ada", "service.created", "Created", "127.0.0.1"));
		assertThat(AuditHash.of(AuditHash.GENESIS, entry("eve", "service.created", "Created", "127.0.0.1")))
			.isNotEqualTo(original);
		assertThat(AuditHash.of(AuditHash.GENESIS, entry("ada", "service.created", "Created!", "127.0.0.1")))
			.isNotEqualTo(original);
		assertThat(AuditHash.of("1".repeat(64), entry("ada", "service.created", "Created", "127.0.0.1")))
			.as("a different predecessor")
			.isNotEqualTo(original);
	}

	@Test
	void fieldBoundariesCannotBeShifted() {
		assertThat(AuditHash.of(AuditHash.GENESIS, entry("ab", "c", "Created", "127.0.0.1")))
			.isNotEqualTo(AuditHash.of(AuditHash.GENESIS, entry("a", "bc", "Created", "127.0.0.1")));
	}

	@Test
	void aMissingValueDiffersFromAnEmptyOne() {
		assertThat(AuditHash.of(AuditHash.GENESIS, entry("ada", "x", "s", null)))
			.isNotEqualTo(AuditHash.of(AuditHash.GENESIS, entry("ada", "x", "s", "")));
	}

}
