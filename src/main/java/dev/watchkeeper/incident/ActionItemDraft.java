package dev.watchkeeper.incident;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An action item as someone writes it.
 *
 * @param title what to do, 1 to 500 characters
 * @param ownerId the user who owns it
 * @param dueDate by when
 * @param status open (default), in progress or done
 */
public record ActionItemDraft(String title, UUID ownerId, LocalDate dueDate, ActionItemStatus status) {
}
