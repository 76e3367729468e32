package io.complaintmonitor.domain.complaint;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A timed check a complaint has pending: at {@code at}, raise {@code type} for {@code stage} and
 * {@code dueDate} unless something happened before then. A processor keys its schedule by
 * {@code at}; {@link ComplaintRules#advanceTo} decides whether the check still fires.
 */
public record Deadline(Instant at, AlertType type, int stage, LocalDate dueDate) {
}
