package dev.watchkeeper.incident.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceFilter;
import dev.watchkeeper.catalog.ServiceId;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.incident.Incident;
import dev.watchkeeper.incident.IncidentRole;
import dev.watchkeeper.incident.Incidents;
import dev.watchkeeper.incident.Postmortem;
import dev.watchkeeper.incident.Postmortems;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;

import org.springframework.stereotype.Component;

/** Looks up what views show next to incidents: services, people's names, post-mortems. */
@Component
class IncidentViews {

	private final Incidents incidents;

	private final Postmortems postmortems;

	private final Services services;

	private final Users users;

	IncidentViews(Incidents incidents, Postmortems postmortems, Services services, Users users) {
		this.incidents = incidents;
		this.postmortems = postmortems;
		this.services = services;
		this.users = users;
	}

	/** By id, number or INC-number, or a 404. */
	Incident incident(String reference) {
		return incidents.findByReference(reference).orElseThrow(() -> DomainException.notFound("Incident", reference));
	}

	IncidentView view(Incident incident) {
		return IncidentView.of(incident, service(incident.serviceId()), names(roleHolders(List.of(incident))),
				postmortems.findByIncident(incident.id()).map(Postmortem::id).orElse(null));
	}

	List<IncidentView> views(Collection<Incident> list) {
		Map<UUID, String> names = names(roleHolders(list));
		Map<UUID, IncidentView.ServiceRef> known = new HashMap<>();
		return list.stream()
			.map(incident -> IncidentView.of(incident,
					incident.serviceId() == null ? null : known.computeIfAbsent(incident.serviceId(), this::service),
					names, null))
			.toList();
	}

	IncidentView.ServiceRef service(UUID id) {
		if (id == null) {
			return null;
		}
		return services.find(new ServiceId(id))
			.map(s -> new IncidentView.ServiceRef(id, s.slug(), s.name()))
			.orElse(new IncidentView.ServiceRef(id, null, "deleted service"));
	}

	/** Display names of these users. */
	Map<UUID, String> names(Collection<UUID> ids) {
		List<UserId> wanted = ids.stream().filter(Objects::nonNull).distinct().map(UserId::new).toList();
		Map<UUID, String> names = new HashMap<>();
		if (!wanted.isEmpty()) {
			for (User user : users.findAll(wanted)) {
				names.put(user.id().value(), user.name());
			}
		}
		return names;
	}

	/** Every service, by name, for pickers. */
	List<Service> allServices() {
		return services.list(ServiceFilter.ALL, PageQuery.of(1, PageQuery.MAX_SIZE)).items();
	}

	/** Every enabled user, for role and owner pickers. */
	List<User> allUsers() {
		return users.list(PageQuery.of(1, PageQuery.MAX_SIZE)).items().stream().filter(u -> !u.disabled()).toList();
	}

	private static Set<UUID> roleHolders(Collection<Incident> list) {
		Set<UUID> ids = new LinkedHashSet<>();
		for (Incident incident : list) {
			for (IncidentRole role : IncidentRole.values()) {
				ids.add(incident.holder(role));
			}
		}
		ids.remove(null);
		return ids;
	}

}
