package dev.watchkeeper.identity;

import java.time.Instant;
import java.util.List;

/**
 * A team: its members and the two people escalation reaches after the on-call engineer
 * (handbook 002: on-call engineer → team lead → engineering manager → CTO).
 *
 * @param id the team's id
 * @param slug url-safe unique name, e.g. {@code core-platform}
 * @param name display name
 * @param description what the team owns
 * @param leadId the team lead, if set
 * @param managerId the engineering manager, if set
 * @param memberIds the members
 * @param createdAt when created
 */
public record Team(TeamId id, String slug, String name, String description, UserId leadId, UserId managerId,
		List<UserId> memberIds, Instant createdAt) {
}
