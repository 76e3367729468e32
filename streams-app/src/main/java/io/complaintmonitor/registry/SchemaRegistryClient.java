package io.complaintmonitor.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API the serdes and the tooling need. Every method throws
 * {@link SchemaRegistryException} when the registry refuses or cannot be reached.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (or finds it there) and returns its global id. */
    int register(String subject, Schema schema);

    /** Finds {@code schema} among the versions of {@code subject} without registering it. */
    RegisteredSchema lookup(String subject, Schema schema);

    /** The schema with this global id (ids never change meaning, so callers may cache for ever). */
    Schema getById(int id);

    /** The newest version registered under {@code subject}. */
    RegisteredSchema latest(String subject);

    /** Whether {@code schema} may be registered as the next version of {@code subject}. */
    boolean isCompatible(String subject, Schema schema);

    List<String> subjects();
}
