package io.complaintmonitor.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/** One version of a subject as a registry reports it: {@code GET /subjects/{s}/versions/{v}}. */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {

    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
