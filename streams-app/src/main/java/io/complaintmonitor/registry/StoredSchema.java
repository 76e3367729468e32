package io.complaintmonitor.registry;

import java.util.Objects;

/**
 * One version of one subject as the embedded registry keeps it: the unit written to, and replayed
 * from, the {@link SchemaLog}. {@code schema} is the canonical Avro JSON text.
 */
public record StoredSchema(String subject, int version, int id, String schema) {

    public StoredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        if (version < 1 || id < 1) {
            throw new IllegalArgumentException("version and id start at 1: " + version + ", " + id);
        }
    }
}
