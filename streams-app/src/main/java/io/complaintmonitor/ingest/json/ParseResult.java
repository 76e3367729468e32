package io.complaintmonitor.ingest.json;

import java.util.List;

/** The outcome of decoding one JSON object: the record, or every reason it was refused. */
public sealed interface ParseResult permits ParseResult.Valid, ParseResult.Invalid {

    record Valid(SourcedRecord record) implements ParseResult {
    }

    record Invalid(List<FieldError> errors) implements ParseResult {

        public Invalid {
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid record needs at least one error");
            }
            errors = List.copyOf(errors);
        }

        public String reason() {
            return FieldError.describeAll(errors);
        }
    }
}
