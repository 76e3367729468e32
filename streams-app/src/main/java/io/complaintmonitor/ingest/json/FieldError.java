package io.complaintmonitor.ingest.json;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Why one field of a JSON event was refused. {@code field} is the top-level field name, or null
 * when the fault is the value as a whole (not an object, not JSON).
 */
public record FieldError(String field, String message) {

    /** {@code "occurredAt: message"}, or just the message when no field is to blame. */
    public String describe() {
        return field == null ? message : field + ": " + message;
    }

    /** The errors of one record as one line of text, for rejection files and logs. */
    public static String describeAll(List<FieldError> errors) {
        return errors.stream().map(FieldError::describe).collect(Collectors.joining("; "));
    }
}
