package dev.watchkeeper.alerting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.User;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SecuritySignalAlertsIntegrationTests extends IntegrationTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	Alerts alerts;

	@Autowired
	JsonMapper json;

	@Test
	void sixFailedLoginsRaiseAFailedLoginsAlertForThatUser() throws Exception {
		User user = fixtures.user(Role.RESPONDER);
		var http = HttpClient.newHttpClient();
		for (int i = 0; i < 6; i++) {
			http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						json.writeValueAsString(Map.of("email", user.email(), "password", "wrong password " + i))))
				.build(), HttpResponse.BodyHandlers.discarding());
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(alerts.list(Map.of("alertname", "FailedLogins", "user", user.email()), true, 10))
						.singleElement()
						.satisfies(alert -> {
							assertThat(alert.severity()).isEqualTo("high");
							assertThat(alert.labels()).containsEntry("category", "security")
								.containsEntry("ip_address", "127.0.0.1");
							assertThat(alert.annotations().get("summary")).contains("6 failed logins");
							assertThat(alert.source()).isEqualTo("watchkeeper");
						}));
	}

	@Test
	void signalKindsBecomeAlertNames() {
		assertThat(SecuritySignalAlerts.alertName("failed_logins")).isEqualTo("FailedLogins");
		assertThat(SecuritySignalAlerts.alertName("address_throttled")).isEqualTo("AddressThrottled");
	}

}
