package dev.watchkeeper.oncall;

import java.util.List;

/**
 * Whom a step of an escalation policy pages.
 * <ul>
 * <li>{@code user}: ref = the user's id</li>
 * <li>{@code schedule}: ref = the schedule's id: whoever is on call in its first layer
 * that has someone reachable (the primary, else the secondary …); {@code <id>#2} names
 * one layer</li>
 * <li>{@code team_role}: ref = {@code on_call} (whoever is on call in the team's
 * schedules), {@code lead} or {@code manager}; the team is the incident's service owner
 * team</li>
 * <li>{@code org_role}: ref = an organisation role's name, e.g. CTO</li>
 * </ul>
 *
 * @param kind user, schedule, team_role or org_role
 * @param ref what the kind names
 */
public record EscalationTarget(String kind, String ref) {

	public static final List<String> KINDS = List.of("user", "schedule", "team_role", "org_role");

	public static final List<String> TEAM_ROLES = List.of("on_call", "lead", "manager");

}
