package dev.watchkeeper.identity;

/**
 * A team's name, for showing next to things it owns.
 *
 * @param id the team's id
 * @param slug url-safe unique name
 * @param name display name
 */
public record TeamRef(TeamId id, String slug, String name) {
}
