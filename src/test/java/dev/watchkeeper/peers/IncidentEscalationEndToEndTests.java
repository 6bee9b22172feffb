package dev.watchkeeper.peers;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.watchkeeper.TestClock;
import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceDraft;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.Team;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.incident.Incident;
import dev.watchkeeper.incident.IncidentFilter;
import dev.watchkeeper.incident.IncidentStatus;
import dev.watchkeeper.incident.Incidents;
import dev.watchkeeper.incident.Postmortem;
import dev.watchkeeper.incident.Postmortems;
import dev.watchkeeper.incident.TimelineEntry;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.PageQuery;
import dev.watchkeeper.ui.BrowserTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path from a metric to a post-mortem, with real peers and a stepped clock: a
 * real Prometheus fires a high-severity rule at Watchkeeper as its Alertmanager; the
 * handbook's routing opens a SEV-2 incident for the service, and its owner team's on-call
 * engineer gets an email with an acknowledgement link (GreenMail). Nobody acknowledges:
 * after the first step's timeout the team lead is paged, and at the SEV-2 target the
 * breach is on the timeline. The lead follows the link in a real Chromium, confirms, and
 * escalation stops. Resolving creates the post-mortem, due in 48 hours, with the timeline
 * prefilled.
 */
@Import(TestClock.Setup.class)
@TestPropertySource(properties = { "db-scheduler.polling-interval=100ms",
		"watchkeeper.notification.poll-interval=200ms", "watchkeeper.alerting.dispatch.poll-interval=200ms" })
class IncidentEscalationEndToEndTests extends BrowserTest {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));

	static {
		SMTP.start();
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("watchkeeper.notification.smtp.host", () -> "127.0.0.1");
		registry.add("watchkeeper.notification.smtp.port", () -> SMTP.getSmtp().getPort());
		registry.add("watchkeeper.notification.smtp.from", () -> "watchkeeper@example.com");
	}

	@AfterAll
	static void stopSmtp() {
		SMTP.stop();
	}

	@Autowired
	TestClock clock;

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	Teams teams;

	@Autowired
	Services services;

	@Autowired
	Incidents incidents;

	@Autowired
	Postmortems postmortems;

	@Test
	void anAlertPagesTheOnCallEngineerThenTheLeadWhoAcknowledgesFromTheEmailAndAPostmortemFollows() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		User engineer = fixtures.user(Role.RESPONDER);
		User lead = fixtures.user(Role.RESPONDER);
		User manager = fixtures.user(Role.MANAGER);
		Team team = teams.create(new Teams.TeamDraft("payments-" + run, "Payments " + run, "Owns checkout", lead.id(),
				manager.id(), List.of(engineer.id(), lead.id())));
		Service checkout = services.create(new ServiceDraft("checkout-" + run, "Checkout " + run, "Takes payments",
				team.id().value(), 1, "https://runbooks.example.com/checkout", List.of(), null));
		String managerToken = fixtures.token(manager);
		var schedule = send("POST", "/api/v1/schedules", managerToken, """
				{"name":"Payments %s","teamId":"%s","timeZone":"UTC","layers":[{"name":"Primary",
				 "participants":["%s"],"shift":"weekly","handoffDay":"monday","handoffTime":"09:00",
				 "startDate":"2026-01-05"}]}""".formatted(run, team.id().value(), engineer.id().value()));
		assertThat(schedule.statusCode()).as(schedule.body()).isEqualTo(201);
		String key = fixtures.integrationKey(checkout.slug(), null);

		String configuration = """
				global:
				  evaluation_interval: 1s
				rule_files: ['%%DIR%%/rules.yml']
				alerting:
				  alertmanagers:
				    - path_prefix: /alertmanager
				      authorization:
				        credentials: %s
				      static_configs:
				        - targets: ['127.0.0.1:%d']
				""".formatted(key, port);
		String rules = """
				groups:
				  - name: e2e
				    interval: 1s
				    rules:
				      - alert: CheckoutErrorRate%s
				        expr: vector(1)
				        labels:
				          severity: high
				        annotations:
				          summary: Checkout error rate above 5%%
				          runbook_url: https://runbooks.example.com/checkout-errors
				""".formatted(run);
		try (var prometheus = PeerProcess.prometheus(configuration,
				List.of(new PeerProcess.NamedFile("rules.yml", rules)))) {
			// the high route waits 30 s for companions before its first notice (real
			// time:
			// Prometheus's alerts end a few evaluations ahead, so stepping the clock here
			// would resolve them)
			Eventually.get("Prometheus's alert to reach Watchkeeper", WAIT, prometheus,
					() -> send("GET", "/api/v1/alerts?label=service=" + checkout.slug(), managerToken, null).body()
						.contains("CheckoutErrorRate") ? true : null);
			Incident incident = Eventually.get("an incident for " + checkout.slug(), WAIT, prometheus,
					() -> incidents.list(new IncidentFilter(null, null, checkout.id().value()), PageQuery.of(1, 10))
						.items()
						.stream()
						.findFirst()
						.orElse(null));
			assertThat(incident.severity()).isEqualTo("SEV-2");
			assertThat(incident.title()).isEqualTo("Checkout error rate above 5%");

			MimeMessage first = awaitMail(engineer.email(), incident.reference());
			assertThat(first.getSubject()).isEqualTo("[SEV-2] " + incident.reference() + " " + incident.title());
			assertThat(GreenMailUtil.getBody(first)).contains("Acknowledge: ").contains("/incidents/act/");
			assertThat(mailsTo(lead.email(), incident.reference())).as("the lead is not paged yet").isZero();

			// the default policy's first step waits 5 minutes
			clock.advance(Duration.ofMinutes(5).plusSeconds(5));
			MimeMessage toLead = awaitMail(lead.email(), incident.reference());
			awaitTimeline(incident, "escalated", "step 2");

			// SEV-2 must be acknowledged within an hour
			clock.advance(Duration.ofMinutes(55));
			TimelineEntry breach = awaitTimeline(incident, "sla_breached", "");
			assertThat(breach.at()).isEqualTo(incident.ackDueAt());
			awaitMail(manager.email(), incident.reference());

			// the lead follows the link from the email in a browser and confirms
			String link = actionLink(GreenMailUtil.getBody(toLead), "Acknowledge");
			page.navigate(baseUrl() + URI.create(link).getPath());
			assertThat(page.locator("h1").textContent()).isEqualTo("Acknowledge " + incident.reference() + "?");
			page.locator("#confirm").click();
			assertThat(page.locator("h1").textContent()).isEqualTo("Acknowledged " + incident.reference());
			assertThat(page.locator("#act-message").textContent()).contains("Escalation has stopped");

			Incident acknowledged = incidents.get(incident.id());
			assertThat(acknowledged.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
			assertThat(acknowledged.acknowledgedBy()).isEqualTo(lead.name());
			awaitTimeline(incident, "escalation", "Escalation stopped");
			int pagesBefore = SMTP.getReceivedMessages().length;
			clock.advance(Duration.ofMinutes(45));
			Thread.sleep(2_000);
			assertThat(SMTP.getReceivedMessages()).as("nobody is paged after the acknowledgement").hasSize(pagesBefore);

			// the same link again: nothing to acknowledge, said plainly
			page.navigate(baseUrl() + URI.create(link).getPath());
			assertThat(page.locator("#act-message").textContent()).contains("was acknowledged by " + lead.name());

			Incident resolved = incidents.resolve(incident.id(), "Rolled back the release", new Actor(Actor.Kind.USER,
					lead.id().value().toString(), lead.email(), lead.id().value().toString()));
			Postmortem postmortem = postmortems.findByIncident(incident.id()).orElseThrow();
			assertThat(postmortem.dueAt()).isEqualTo(resolved.resolvedAt().plus(Duration.ofHours(48)));
			assertThat(postmortem.timeline()).contains("Paged " + engineer.name())
				.contains("Paged " + lead.name())
				.contains("Acknowledgement target missed");
		}
	}

	private TimelineEntry awaitTimeline(Incident incident, String kind, String text) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			var found = incidents.timeline(incident.id())
				.stream()
				.filter(e -> e.kind().equals(kind) && e.text().contains(text))
				.findFirst();
			if (found.isPresent()) {
				return found.get();
			}
			Thread.sleep(200);
		}
		throw new AssertionError("no " + kind + " entry containing '" + text + "' on the timeline: "
				+ incidents.timeline(incident.id()).stream().map(e -> e.kind() + ": " + e.text()).toList());
	}

	private static long mailsTo(String address, String reference) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> addressedTo(m, address, reference)).count();
	}

	private static MimeMessage awaitMail(String address, String reference) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			var found = Arrays.stream(SMTP.getReceivedMessages())
				.filter(m -> addressedTo(m, address, reference))
				.findFirst();
			if (found.isPresent()) {
				return found.get();
			}
			Thread.sleep(200);
		}
		throw new AssertionError("no page about " + reference + " reached " + address + " within " + WAIT);
	}

	private static boolean addressedTo(MimeMessage message, String address, String reference) {
		try {
			return message.getAllRecipients()[0].toString().equals(address) && message.getSubject().contains(reference);
		}
		catch (MessagingException ex) {
			return false;
		}
	}

	private static String actionLink(String body, String action) {
		Matcher matcher = Pattern.compile(action + ": (\\S+)").matcher(body.replace("=\r\n", "").replace("=3D", "="));
		assertThat(matcher.find()).as("a %s link in %s", action, body).isTrue();
		return matcher.group(1);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
