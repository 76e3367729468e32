package io.complaintmonitor.ingest.json;

import java.util.List;

/** Why the element at {@code index} of an ingest body (0 for a single object) was refused. */
public record ElementErrors(int index, List<FieldError> errors) {

    public ElementErrors {
        errors = List.copyOf(errors);
    }
}
