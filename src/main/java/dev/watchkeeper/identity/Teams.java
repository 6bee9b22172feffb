package dev.watchkeeper.identity;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.watchkeeper.platform.AuditableEvent;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and finds teams; answers "who leads / manages team T". */
@Service
public class Teams {

	static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	private final TeamStore store;

	private final Users users;

	private final ApplicationEventPublisher events;

	private final List<TeamReferences> references;

	private final CredentialChanges credentials;

	private final Clock clock;

	Teams(TeamStore store, Users users, ApplicationEventPublisher events, List<TeamReferences> references,
			CredentialChanges credentials, Clock clock) {
		this.references = List.copyOf(references);
		this.store = store;
		this.users = users;
		this.events = events;
		this.credentials = credentials;
		this.clock = clock;
	}

	/**
	 * A team's editable fields.
	 *
	 * @param slug url-safe unique name
	 * @param name display name
	 * @param description what the team owns
	 * @param leadId the team lead
	 * @param managerId the engineering manager
	 * @param memberIds the members
	 */
	public record TeamDraft(String slug, String name, String description, UserId leadId, UserId managerId,
			List<UserId> memberIds) {
	}

	@Transactional
	public Team create(TeamDraft draft) {
		validate(draft);
		Team team = new Team(TeamId.random(), draft.slug(), draft.name().trim(), draft.description(), draft.leadId(),
				draft.managerId(), members(draft), clock.instant());
		try {
			store.insert(team, clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("slug-taken", "A team with slug " + draft.slug() + " already exists");
		}
		Team created = store.find(team.id()).orElseThrow();
		events.publishEvent(new TeamChanged("team.created", null, created));
		return created;
	}

	@Transactional
	public Team update(TeamId id, TeamDraft draft) {
		Team before = get(id);
		validate(draft);
		Team team = new Team(id, draft.slug(), draft.name().trim(), draft.description(), draft.leadId(),
				draft.managerId(), members(draft), before.createdAt());
		try {
			store.update(team, clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("slug-taken", "A team with slug " + draft.slug() + " already exists");
		}
		// the team's integration keys label alerts with its slug
		credentials.changed();
		Team after = store.find(id).orElseThrow();
		events.publishEvent(new TeamChanged("team.updated", before, after));
		return after;
	}

	@Transactional
	public void delete(TeamId id) {
		Team before = get(id);
		for (TeamReferences reference : references) {
			reference.blockingDeletionOf(id).ifPresent(reason -> {
				throw DomainException.conflict("team-in-use", "Team " + before.name() + " " + reason);
			});
		}
		store.delete(id);
		// the team's integration keys are deleted with it
		credentials.changed();
		events.publishEvent(new TeamChanged("team.deleted", before, null));
	}

	public Optional<Team> find(TeamId id) {
		return store.find(id);
	}

	public Team get(TeamId id) {
		return store.find(id).orElseThrow(() -> DomainException.notFound("Team", id));
	}

	public Optional<Team> findBySlug(String slug) {
		return store.findBySlug(slug);
	}

	public PageQuery.Page<Team> list(PageQuery page) {
		return PageQuery.Page.of(store.list(page), page, store.count());
	}

	/** Slugs and names of many teams in one query; unknown ids are left out. */
	public Map<TeamId, TeamRef> refs(java.util.Collection<TeamId> ids) {
		return store.refs(ids);
	}

	public List<Team> ofMember(UserId user) {
		return store.ofMember(user);
	}

	/** Lead and manager are members too, so "the team" always includes them. */
	private static List<UserId> members(TeamDraft draft) {
		var all = new java.util.LinkedHashSet<UserId>(draft.memberIds() == null ? List.of() : draft.memberIds());
		if (draft.leadId() != null) {
			all.add(draft.leadId());
		}
		if (draft.managerId() != null) {
			all.add(draft.managerId());
		}
		return List.copyOf(all);
	}

	private void validate(TeamDraft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (draft.slug() == null || !SLUG.matcher(draft.slug()).matches()) {
			errors.put("slug", "must be lower-case letters, digits and dashes, starting with a letter or digit");
		}
		if (draft.name() == null || draft.name().isBlank() || draft.name().length() > 200) {
			errors.put("name", "must be 1 to 200 characters");
		}
		checkUser(errors, "leadId", draft.leadId());
		checkUser(errors, "managerId", draft.managerId());
		if (draft.memberIds() != null) {
			for (int i = 0; i < draft.memberIds().size(); i++) {
				checkUser(errors, "memberIds[" + i + "]", draft.memberIds().get(i));
			}
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
	}

	private void checkUser(Map<String, String> errors, String field, UserId id) {
		if (id != null && users.find(id).isEmpty()) {
			errors.put(field, "no user " + id);
		}
	}

	/** A team was created, changed or deleted. */
	public record TeamChanged(String action, Team previous, Team team) implements AuditableEvent {

		public String targetType() {
			return "team";
		}

		public String targetId() {
			return (team != null ? team : previous).id().toString();
		}

		public String summary() {
			Team subject = team != null ? team : previous;
			return switch (action) {
				case "team.created" -> "Created team " + subject.slug();
				case "team.deleted" -> "Deleted team " + subject.slug();
				default -> "Updated team " + subject.slug();
			};
		}

		public Map<String, Object> before() {
			return fields(previous);
		}

		public Map<String, Object> after() {
			return fields(team);
		}

		private static Map<String, Object> fields(Team team) {
			if (team == null) {
				return Map.of();
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("slug", team.slug());
			fields.put("name", team.name());
			fields.put("lead", team.leadId() == null ? "" : team.leadId().toString());
			fields.put("manager", team.managerId() == null ? "" : team.managerId().toString());
			fields.put("members", team.memberIds().stream().map(UserId::toString).toList());
			return fields;
		}

	}

}
