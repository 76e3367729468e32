package io.complaintmonitor.registry;

import java.util.List;

/**
 * Durable storage behind the {@link EmbeddedSchemaRegistry}: an append-only log of registered
 * versions. Kept this small so the registry's rules are tested without a broker.
 */
public interface SchemaLog extends AutoCloseable {

    /** Every version appended so far, oldest first; a later entry for the same subject and version wins. */
    List<StoredSchema> replay();

    /** Writes {@code entry} durably; returns only once it is stored, else throws {@link SchemaLogException}. */
    void append(StoredSchema entry);

    @Override
    void close();
}
