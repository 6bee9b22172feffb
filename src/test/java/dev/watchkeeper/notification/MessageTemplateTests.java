package dev.watchkeeper.notification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTemplateTests {

	private static final ChannelConfig DEFAULTS = new ChannelConfig(null, null, null, null, null, null, null);

	@Test
	void defaultSubjectIsAlertmanagerStyle() {
		assertThat(Messages.subject(NotificationFixtures.firing("g", null)))
			.isEqualTo("[FIRING:2] HighErrorRate checkout-api");
		assertThat(Messages.subject(NotificationFixtures.resolved("g")))
			.isEqualTo("[RESOLVED] HighErrorRate checkout-api");
	}

	@Test
	void overridesRenderNoticeAndAlertFields() {
		var config = new ChannelConfig(null, null, null, null, null, "{{STATUS}} on {{commonLabels.service}}",
				"{{#alerts}}{{labels.instance}}:{{runbook}};{{/alerts}} see {{link}}");
		var message = Messages.render(NotificationFixtures.firing("g", "https://rb.example.com/x"), config, false);
		assertThat(message.subject()).isEqualTo("FIRING on checkout-api");
		assertThat(message.text()).isEqualTo(
				"a:https://rb.example.com/x;b:https://rb.example.com/x; see http://localhost:8000/alerts?group=g");
	}

	@Test
	void testSendsAreMarkedInTheSubject() {
		assertThat(Messages.render(NotificationFixtures.firing("g", null), DEFAULTS, true).subject())
			.startsWith("[TEST] [FIRING:2]");
	}

	@Test
	void resolvedAlertsAreListedUnderResolved() {
		var message = Messages.render(NotificationFixtures.resolved("g"), DEFAULTS, false);
		assertThat(message.text()).contains("[RESOLVED] HighErrorRate ended 2026-11-24T05:30:00Z")
			.doesNotContain("[FIRING]");
	}

	@Test
	void htmlEscapesAlertContent() {
		var notice = NotificationFixtures.firing("g", "https://rb.example.com/?a=<script>");
		assertThat(Messages.render(notice, DEFAULTS, false).html()).doesNotContain("<script>")
			.contains("&lt;script&gt;");
	}

	@Test
	void templatesAreCheckedWhenSaved() {
		assertThatThrownBy(() -> MessageTemplate.parse("{{nope}}"))
			.hasMessageContaining("unknown placeholder {{nope}}");
		assertThatThrownBy(() -> MessageTemplate.parse("{{summary}}")).hasMessageContaining("alert fields only inside");
		assertThatThrownBy(() -> MessageTemplate.parse("{{#alerts}}x")).hasMessageContaining("is not closed");
		assertThatThrownBy(() -> MessageTemplate.parse("{{/alerts}}")).hasMessageContaining("closes no open section");
		assertThatThrownBy(() -> MessageTemplate.parse("{{#alerts}}{{#firing}}{{/firing}}{{/alerts}}"))
			.hasMessageContaining("cannot be nested");
		assertThatThrownBy(() -> MessageTemplate.parse("{{ T(java.lang.Runtime) }}"))
			.hasMessageContaining("not a valid placeholder");
		assertThat(MessageTemplate.parse(Messages.DEFAULT_BODY)).isNotNull();
	}

	@Test
	void retryAfterIsReadAsSecondsOrHttpDate() {
		var now = java.time.Instant.parse("2026-11-24T05:00:00Z");
		assertThat(Backoff.retryAfter("120", now)).isEqualTo(java.time.Duration.ofSeconds(120));
		assertThat(Backoff.retryAfter("Tue, 24 Nov 2026 05:01:30 GMT", now))
			.isEqualTo(java.time.Duration.ofSeconds(90));
		assertThat(Backoff.retryAfter("soon", now)).isNull();
	}

	@Test
	void backoffDoublesWithJitterAndIsCapped() {
		var base = java.time.Duration.ofSeconds(5);
		var max = java.time.Duration.ofMinutes(10);
		for (int i = 0; i < 50; i++) {
			assertThat(Backoff.after(1, base, max)).isBetween(java.time.Duration.ofMillis(2500), base);
			assertThat(Backoff.after(3, base, max)).isBetween(java.time.Duration.ofSeconds(10),
					java.time.Duration.ofSeconds(20));
			assertThat(Backoff.after(40, base, max)).isBetween(java.time.Duration.ofMinutes(5), max);
		}
	}

}
