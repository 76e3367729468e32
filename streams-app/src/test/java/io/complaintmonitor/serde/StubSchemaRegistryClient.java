package io.complaintmonitor.serde;

import io.complaintmonitor.registry.RegisteredSchema;
import io.complaintmonitor.registry.SchemaRegistryClient;
import java.util.List;
import org.apache.avro.Schema;

/**
 * A registry that answers every registration with one fixed id, for exact-byte assertions; tests
 * override the other methods to script failures.
 */
class StubSchemaRegistryClient implements SchemaRegistryClient {

    private final int id;

    StubSchemaRegistryClient(int id) {
        this.id = id;
    }

    @Override
    public int register(String subject, Schema schema) {
        return id;
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Schema getById(int requested) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RegisteredSchema latest(String subject) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> subjects() {
        throw new UnsupportedOperationException();
    }
}
