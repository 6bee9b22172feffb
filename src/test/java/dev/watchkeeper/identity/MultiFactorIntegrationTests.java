package dev.watchkeeper.identity;

import java.time.Instant;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.platform.DomainException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MultiFactorIntegrationTests extends IntegrationTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	MultiFactor multiFactor;

	@Autowired
	Users users;

	private static String code(String secret, long step) throws Exception {
		return new DefaultCodeGenerator().generate(secret, step);
	}

	private static long now() {
		return Instant.now().getEpochSecond() / 30;
	}

	@Test
	void enrolmentNeedsTheCurrentCodeAndReturnsTenRecoveryCodes() throws Exception {
		User user = fixtures.user(Role.RESPONDER);
		var enrolment = multiFactor.start(user.id());
		assertThat(enrolment.otpauthUri()).startsWith("otpauth://totp/")
			.contains("secret=" + enrolment.secret())
			.contains("issuer=Watchkeeper");
		assertThat(enrolment.qrCodeDataUri()).startsWith("data:image/png;base64,");
		assertThatExceptionOfType(DomainException.class).isThrownBy(() -> multiFactor.confirm(user.id(), "000000"));
		assertThat(users.get(user.id()).mfaEnabled()).isFalse();

		var recoveryCodes = multiFactor.confirm(user.id(), code(enrolment.secret(), now()));
		assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
		assertThat(users.get(user.id()).mfaEnabled()).isTrue();
	}

	@Test
	void aCodeIsAcceptedOnlyOnce() throws Exception {
		User user = fixtures.user(Role.ADMIN);
		var enrolment = multiFactor.start(user.id());
		multiFactor.confirm(user.id(), code(enrolment.secret(), now() - 1));
		String current = code(enrolment.secret(), now());
		assertThat(multiFactor.verify(user.id(), current)).isTrue();
		assertThat(multiFactor.verify(user.id(), current)).as("replayed").isFalse();
		assertThat(multiFactor.verify(user.id(), code(enrolment.secret(), now() - 1))).as("an older step").isFalse();
		assertThat(multiFactor.verify(user.id(), code(enrolment.secret(), now() + 5))).as("far future").isFalse();
	}

	@Test
	void eachRecoveryCodeWorksOnce() throws Exception {
		User user = fixtures.user(Role.MANAGER);
		var enrolment = multiFactor.start(user.id());
		var recoveryCodes = multiFactor.confirm(user.id(), code(enrolment.secret(), now()));
		assertThat(multiFactor.verify(user.id(), recoveryCodes.get(3))).isTrue();
		assertThat(multiFactor.verify(user.id(), recoveryCodes.get(3))).isFalse();
		assertThat(multiFactor.verify(user.id(), "aaaaa-bbbbb")).isFalse();
	}

	@Test
	void theSecretIsEncryptedAtRest(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		User user = fixtures.user(Role.VIEWER);
		var enrolment = multiFactor.start(user.id());
		String stored = jdbc.sql("SELECT totp_secret FROM identity_users WHERE id = :id")
			.param("id", user.id().value())
			.query(String.class)
			.single();
		assertThat(stored).startsWith("v1:").doesNotContain(enrolment.secret());
	}

}
