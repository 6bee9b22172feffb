package dev.watchkeeper.incident;

/**
 * The editable sections of a post-mortem; each at most 50,000 characters.
 *
 * @param timeline the timeline of events
 * @param rootCause the root cause analysis
 * @param learnings the learnings to share
 */
public record PostmortemDraft(String timeline, String rootCause, String learnings) {
}
