package dev.watchkeeper.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceId;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.notification.Notifications;
import dev.watchkeeper.notification.PersonalMessage;
import dev.watchkeeper.oncall.NotificationRules;
import dev.watchkeeper.oncall.PlannedContact;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.config.InvalidConfigurationException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps people informed about an incident, through the notification outbox in the
 * transaction of the change:
 * <ul>
 * <li>stakeholders (the configured addresses and channel) hear when an incident of a
 * severity that notifies stakeholders opens, when its severity rises into such a level,
 * and when it resolves;</li>
 * <li>when a status update is due, the communications lead, else the commander, else
 * whoever acknowledged is reminded through the contact methods their notification rules
 * use at once.</li>
 * </ul>
 * Every notice has an idempotency key ({@code incident/<id>/stakeholders/opened}, …) and
 * a line on the timeline.
 */
@Component
class Communications {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	private final IncidentLedger ledger;

	private final SeverityPolicy severities;

	private final StakeholderSettings stakeholders;

	private final Notifications notifications;

	private final NotificationRules rules;

	private final Users users;

	private final Services services;

	private final JdbcClient jdbc;

	private final String externalUrl;

	Communications(IncidentLedger ledger, SeverityPolicy severities, StakeholderSettings stakeholders,
			Notifications notifications, NotificationRules rules, Users users, Services services, JdbcClient jdbc,
			@Value("${watchkeeper.notification.external-url:http://localhost:8000}") String externalUrl) {
		List<String> problems = stakeholders.emails()
			.stream()
			.filter(address -> !EMAIL.matcher(address).matches() || address.length() > 254)
			.map(address -> "watchkeeper.incident.stakeholders.emails: '" + address + "' is not an email address")
			.toList();
		if (!problems.isEmpty()) {
			throw new InvalidConfigurationException(problems);
		}
		this.ledger = ledger;
		this.severities = severities;
		this.stakeholders = stakeholders;
		this.notifications = notifications;
		this.rules = rules;
		this.users = users;
		this.services = services;
		this.jdbc = jdbc;
		this.externalUrl = externalUrl.endsWith("/") ? externalUrl.substring(0, externalUrl.length() - 1) : externalUrl;
	}

	@EventListener
	void on(IncidentEvents.IncidentOpened opened) {
		Incident incident = ledger.reread(opened.incidentId());
		if (severities.of(incident.severity()).notifyStakeholders()) {
			tell(incident, "opened", "opened", "Declared " + incident.severity() + ".");
		}
	}

	@EventListener
	void on(IncidentEvents.IncidentSeverityChanged changed) {
		SeverityLevel to = severities.of(changed.to());
		if (!to.notifyStakeholders() || severities.rank(changed.to()) >= severities.rank(changed.from())) {
			return;
		}
		Incident incident = ledger.reread(changed.incidentId());
		tell(incident, "severity-" + to.name(), "raised to " + to.name(),
				"The severity rose from " + changed.from() + " to " + to.name() + ".");
	}

	@EventListener
	void on(IncidentEvents.IncidentResolved resolved) {
		Incident incident = ledger.reread(resolved.incidentId());
		if (severities.of(incident.severity()).notifyStakeholders() || toldBefore(incident.id())) {
			tell(incident, "resolved", "resolved",
					"Resolved after " + Durations.human(Duration.between(incident.declaredAt(), resolved.at())) + ".");
		}
	}

	/** Reminds the person who should write the status update that is due. */
	@EventListener
	void on(IncidentEvents.IncidentUpdateDue due) {
		Incident incident = ledger.reread(due.incidentId());
		Instant now = due.at();
		UserId person;
		String role;
		if (incident.communicationsLeadId() != null) {
			person = new UserId(incident.communicationsLeadId());
			role = "communications lead";
		}
		else if (incident.commanderId() != null) {
			person = new UserId(incident.commanderId());
			role = "commander";
		}
		else {
			person = acknowledger(incident.id());
			role = "acknowledged it";
		}
		if (person == null) {
			ledger.record(incident.id(), now, "update_reminder",
					"Nobody to remind that a status update is due: no communications lead, no commander, "
							+ "and nobody signed in acknowledged",
					Actor.SYSTEM, Map.of());
			return;
		}
		String name = users.find(person).map(User::name).orElse(person.value().toString());
		List<PlannedContact> immediate = rules.plan(person)
			.stream()
			.filter(contact -> contact.delay().isZero() || contact.delay().isNegative())
			.toList();
		if (immediate.isEmpty()) {
			ledger.record(incident.id(), now, "update_reminder",
					"Could not remind " + name + " (" + role
							+ ") that a status update is due: no contact method is used at once",
					Actor.SYSTEM, Map.of("userId", person.value().toString()));
			return;
		}
		Duration every = severities.of(incident.severity()).updateEvery();
		String text = incident.reference() + " (" + incident.severity() + "): " + incident.title() + "\nStatus: "
				+ status(incident) + "\nThe last status update was "
				+ Durations.human(Duration.between(due.lastUpdateAt(), now)) + " ago"
				+ (every == null ? "" : "; " + incident.severity() + " expects one every " + Durations.human(every))
				+ ".\nWrite one on the incident page: a note marked as status update, or a status change."
				+ "\nChannel: " + incident.channel();
		PersonalMessage message = new PersonalMessage(
				"[" + incident.severity() + "] " + incident.reference() + ": a status update is due", text,
				link(incident), List.of(new PersonalMessage.Action("Write the update", link(incident))));
		List<String> sent = new ArrayList<>();
		for (int i = 0; i < immediate.size(); i++) {
			PlannedContact contact = immediate.get(i);
			String key = "incident/" + incident.id() + "/update-due/" + now.toEpochMilli() + "/" + person.value() + "/"
					+ i;
			if (notifications.enqueueToPerson(contact.kind(), contact.address(), message, key)) {
				sent.add(contact.kind() + " (" + contact.address() + ")");
			}
		}
		if (!sent.isEmpty()) {
			ledger.record(incident.id(), now, "update_reminder",
					"Reminded " + name + " (" + role + ") that a status update is due, by " + String.join(", ", sent),
					Actor.SYSTEM, Map.of("userId", person.value().toString(), "role", role));
		}
	}

	/**
	 * Sends one stakeholder notice to every configured address and the channel, once per
	 * {@code what}, and writes it on the timeline.
	 */
	private void tell(Incident incident, String what, String headline, String lead) {
		if (stakeholders.emails().isEmpty() && stakeholders.channel().isEmpty()) {
			return;
		}
		Instant now = ledger.now();
		String key = "incident/" + incident.id() + "/stakeholders/" + what;
		PersonalMessage message = notice(incident, headline, lead);
		List<String> told = new ArrayList<>();
		for (String address : stakeholders.emails()) {
			if (notifications.enqueueToPerson("email", address, message, key + "/email/" + address)) {
				told.add(address);
			}
		}
		String problem = null;
		if (!stakeholders.channel().isEmpty()) {
			if (!notifications.takesMessages(stakeholders.channel())) {
				problem = "channel " + stakeholders.channel() + " does not exist or takes no messages";
			}
			else if (notifications.enqueueMessage(stakeholders.channel(), message, key + "/channel")) {
				told.add("channel " + stakeholders.channel());
			}
		}
		if (told.isEmpty() && problem == null) {
			return; // told before: a notice delivered twice
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("notice", what);
		data.put("told", told);
		if (problem != null) {
			data.put("problem", problem);
		}
		ledger.record(incident.id(), now, "stakeholders",
				"Stakeholders told (" + headline + "): " + (told.isEmpty() ? "nobody" : String.join(", ", told))
						+ (problem == null ? "" : "; not posted: " + problem),
				Actor.SYSTEM, data);
	}

	private PersonalMessage notice(Incident incident, String headline, String lead) {
		String service = incident.serviceId() == null ? "none"
				: services.find(new ServiceId(incident.serviceId())).map(Service::name).orElse("unknown");
		StringBuilder text = new StringBuilder(lead);
		text.append("\n\n").append(incident.reference()).append(": ").append(incident.title());
		text.append("\nSeverity: ").append(incident.severity());
		text.append("\nStatus: ").append(status(incident));
		text.append("\nService: ").append(service);
		if (incident.commanderId() != null) {
			text.append("\nCommander: ")
				.append(users.find(new UserId(incident.commanderId())).map(User::name).orElse("unknown"));
		}
		text.append("\nChannel: ").append(incident.channel());
		if (incident.summary() != null && !incident.summary().isBlank() && headline.equals("opened")) {
			text.append("\n\n").append(incident.summary());
		}
		return new PersonalMessage(
				"[" + incident.severity() + "] " + incident.reference() + " " + headline + ": " + incident.title(),
				text.toString(), link(incident), List.of());
	}

	private boolean toldBefore(UUID incidentId) {
		return jdbc.sql("SELECT count(*) FROM incident_timeline WHERE incident_id = :id AND kind = 'stakeholders'")
			.param("id", incidentId)
			.query(Long.class)
			.single() > 0;
	}

	private UserId acknowledger(UUID incidentId) {
		return jdbc.sql("""
				SELECT actor_user_id FROM incident_timeline
				 WHERE incident_id = :id AND kind = 'acknowledged' AND actor_user_id IS NOT NULL
				 ORDER BY id LIMIT 1""")
			.param("id", incidentId)
			.query(UUID.class)
			.optional()
			.map(UserId::new)
			.orElse(null);
	}

	private String link(Incident incident) {
		return externalUrl + "/incidents/" + incident.id();
	}

	private static String status(Incident incident) {
		return incident.status().value();
	}

}
