package dev.watchkeeper.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.notification.Notifications;
import dev.watchkeeper.notification.PersonalMessage;
import dev.watchkeeper.oncall.NotificationRules;
import dev.watchkeeper.oncall.PlannedContact;
import dev.watchkeeper.platform.Actor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people about the follow-up work that is due, through their contact methods (the
 * ones their notification rules use at once), in the transaction of the timer that found
 * it: a post-mortem reminder goes to the incident commander, else to whoever declared the
 * incident; an overdue action item goes to its owner. Each message is on the timeline.
 */
@Component
class FollowUpReminders {

	private final IncidentLedger ledger;

	private final ActionItems items;

	private final Notifications notifications;

	private final NotificationRules rules;

	private final Users users;

	private final String externalUrl;

	FollowUpReminders(IncidentLedger ledger, ActionItems items, Notifications notifications, NotificationRules rules,
			Users users, @Value("${watchkeeper.notification.external-url:http://localhost:8000}") String externalUrl) {
		this.ledger = ledger;
		this.items = items;
		this.notifications = notifications;
		this.rules = rules;
		this.users = users;
		this.externalUrl = externalUrl.endsWith("/") ? externalUrl.substring(0, externalUrl.length() - 1) : externalUrl;
	}

	@EventListener
	void on(IncidentEvents.PostmortemReminderDue due) {
		Incident incident = ledger.reread(due.incidentId());
		UUID person = incident.commanderId() != null ? incident.commanderId() : incident.declaredByUserId();
		String link = externalUrl + "/postmortems/" + due.postmortemId();
		String when = due.overdue() ? "was due at " + due.dueAt() : "is due at " + due.dueAt();
		PersonalMessage message = new PersonalMessage(
				"[" + incident.severity() + "] " + incident.reference() + ": the post-mortem " + when,
				"The post-mortem of " + incident.reference() + " (" + incident.title() + ") " + when
						+ ".\nWrite the root cause analysis, the action items and the learnings, then publish it.",
				link, List.of(new PersonalMessage.Action("Open the post-mortem", link)));
		remind(incident, person, message,
				"incident/" + incident.id() + "/postmortem-reminder/" + due.at().toEpochMilli(), "the post-mortem");
	}

	@EventListener
	void on(IncidentEvents.ActionItemOverdue overdue) {
		Incident incident = ledger.reread(overdue.incidentId());
		String title = items.find(overdue.actionItemId()).map(ActionItem::title).orElse("an action item");
		String link = externalUrl + "/postmortems/" + overdue.postmortemId();
		PersonalMessage message = new PersonalMessage(incident.reference() + ": action item overdue: " + title,
				"The action item \"" + title + "\" from the post-mortem of " + incident.reference() + " ("
						+ incident.title() + ") was due on " + overdue.dueDate()
						+ ".\nFinish it, or change its due date on the post-mortem.",
				link, List.of(new PersonalMessage.Action("Open the post-mortem", link)));
		remind(incident, overdue.ownerId(), message,
				"incident/" + incident.id() + "/action-item-overdue/" + overdue.actionItemId(),
				"the overdue action item \"" + title + "\"");
	}

	private void remind(Incident incident, UUID person, PersonalMessage message, String key, String about) {
		if (person == null) {
			ledger.record(incident.id(), ledger.now(), "reminder",
					"Nobody to remind about " + about + ": no commander and nobody declared it", Actor.SYSTEM,
					Map.of());
			return;
		}
		UserId user = new UserId(person);
		String name = users.find(user).map(User::name).orElse(person.toString());
		List<PlannedContact> immediate = rules.plan(user)
			.stream()
			.filter(contact -> contact.delay().isZero() || contact.delay().isNegative())
			.toList();
		List<String> sent = new ArrayList<>();
		for (int i = 0; i < immediate.size(); i++) {
			PlannedContact contact = immediate.get(i);
			if (notifications.enqueueToPerson(contact.kind(), contact.address(), message,
					key + "/" + person + "/" + i)) {
				sent.add(contact.kind() + " (" + contact.address() + ")");
			}
		}
		ledger.record(incident.id(), ledger.now(), "reminder",
				sent.isEmpty() ? "Could not remind " + name + " about " + about + ": no contact method is used at once"
						: "Reminded " + name + " about " + about + " by " + String.join(", ", sent),
				Actor.SYSTEM, Map.of("userId", person.toString()));
	}

}
