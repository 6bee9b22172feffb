package dev.watchkeeper.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import dev.watchkeeper.alerting.Alert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certificate expiry against a TLS server on 127.0.0.1 with a self-signed certificate
 * valid for 20 days.
 */
class TlsCheckIntegrationTests extends MonitoringIntegrationTest {

	private static SSLServerSocket server;

	private static Thread acceptor;

	@BeforeAll
	static void startServer(@TempDir Path dir) throws Exception {
		Path store = dir.resolve("server.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
				"CN=expiring.test", "-validity", "20", "-keystore", store.toString(), "-storetype", "PKCS12",
				"-storepass", "changeit", "-keypass", "changeit")
			.redirectErrorStream(true)
			.start();
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(store)) {
			keys.load(in, "changeit".toCharArray());
		}
		KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		factory.init(keys, "changeit".toCharArray());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(factory.getKeyManagers(), null, null);
		server = (SSLServerSocket) context.getServerSocketFactory()
			.createServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
		acceptor = Thread.ofVirtual().start(() -> {
			while (!server.isClosed()) {
				try (SSLSocket socket = (SSLSocket) server.accept()) {
					socket.setSoTimeout(2000);
					socket.startHandshake();
				}
				catch (IOException ex) {
					// a probe that hung up, or the server closing
				}
			}
		});
	}

	@AfterAll
	static void stopServer() throws Exception {
		server.close();
		acceptor.join(Duration.ofSeconds(5));
	}

	@Test
	void aCertificateWithinTheWarningPeriodRaisesAMediumAlertNamingItsDaysLeft() throws Exception {
		String service = service();
		String id = create("""
				{"name":"cert","kind":"tls","service":"%s","environment":"production","intervalSeconds":1,
				 "timeoutMs":800,"failureThreshold":1,"tls":{"host":"127.0.0.1","port":%d}}""".formatted(service,
				server.getLocalPort()))
			.get("id")
			.asString();

		JsonNode down = awaitCheck(id, c -> status(c, "down"), "the certificate check to warn");
		assertThat(down.get("state").get("lastMessage").asString())
			.matches("certificate CN=expiring.test expires in (1[0-9]|20) days \\(1 in the chain\\)");
		JsonNode chain = get("/api/v1/checks/" + id + "/certificates");
		assertThat(chain).hasSize(1);
		assertThat(chain.get(0).get("subject").asString()).isEqualTo("CN=expiring.test");
		Instant notAfter = Instant.parse(chain.get(0).get("notAfter").asString());
		assertThat(notAfter).isBetween(Instant.now().plus(Duration.ofDays(19)),
				Instant.now().plus(Duration.ofDays(21)));
		assertThat(get("/api/v1/certificates").toString()).contains(id);

		Alert alert = alertsOf(service, "cert").get(0);
		assertThat(alert.labels()).containsEntry("alertname", "CertificateExpiring")
			.containsEntry("severity", "medium");
		assertThat(alert.annotations().get("summary")).contains("expires in");
	}

	@Test
	void aCertificateBeyondTheWarningPeriodIsUpAndWithinTheCriticalOneIsCritical() throws Exception {
		String service = service();
		String fine = create(
				"""
						{"name":"cert-fine","kind":"tls","service":"%s","environment":"production","intervalSeconds":1,
						 "timeoutMs":800,"failureThreshold":1,"tls":{"host":"127.0.0.1","port":%d,"warnDays":10,"criticalDays":5}}"""
					.formatted(service, server.getLocalPort()))
			.get("id")
			.asString();
		awaitCheck(fine, c -> status(c, "up"), "the certificate check to be up");
		String critical = create(
				"""
						{"name":"cert-critical","kind":"tls","service":"%s","environment":"production","intervalSeconds":1,
						 "timeoutMs":800,"failureThreshold":1,"tls":{"host":"127.0.0.1","port":%d,"warnDays":60,"criticalDays":25}}"""
					.formatted(service, server.getLocalPort()))
			.get("id")
			.asString();
		awaitCheck(critical, c -> status(c, "down"), "the certificate check to be critical");
		assertThat(alertsOf(service, "cert-critical").get(0).labels()).containsEntry("severity", "critical");
	}

}
