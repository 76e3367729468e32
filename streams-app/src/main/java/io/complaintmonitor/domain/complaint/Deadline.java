package io.complaintmonitor.domain.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A timed check a complaint has pending: at {@code at}, raise {@code type} for {@code stage} and
 * {@code dueDate} unless something happened before then. A processor keys its schedule by
 * {@code at}; {@link ComplaintRules#advanceTo} decides whether the check still fires.
 */
public record Deadline(Instant at, AlertType type, int stage, LocalDate dueDate) {

    /** Written out: a record's generated equals goes through a method handle chain, and every event compares deadlines. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Deadline d && stage == d.stage && type == d.type
                && Objects.equals(at, d.at) && Objects.equals(dueDate, d.dueDate);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(at);
        h = 31 * h + Objects.hashCode(type);
        h = 31 * h + stage;
        return 31 * h + Objects.hashCode(dueDate);
    }
}
