package io.complaintmonitor.registry;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/**
 * A {@link SchemaRegistryClient} calling an {@link EmbeddedSchemaRegistry} directly: the registry's
 * real rules without HTTP, for serde tests. Counts {@link #getById} calls to show caching.
 */
public final class InProcessSchemaRegistryClient implements SchemaRegistryClient {

    private final EmbeddedSchemaRegistry registry;
    private final AtomicInteger getByIdCalls = new AtomicInteger();

    public InProcessSchemaRegistryClient(EmbeddedSchemaRegistry registry) {
        this.registry = registry;
    }

    public static InProcessSchemaRegistryClient withEmptyRegistry() {
        return new InProcessSchemaRegistryClient(EmbeddedSchemaRegistry.start(new InMemorySchemaLog()));
    }

    @Override
    public int register(String subject, Schema schema) {
        return registry.register(subject, schema.toString()).id();
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        return toRegistered(registry.lookup(subject, schema.toString()));
    }

    @Override
    public Schema getById(int id) {
        getByIdCalls.incrementAndGet();
        return new Schema.Parser().parse(registry.schemaById(id));
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return toRegistered(registry.latest(subject));
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        return registry.isCompatibleWithLatest(subject, schema.toString());
    }

    @Override
    public List<String> subjects() {
        return registry.subjects();
    }

    public int getByIdCalls() {
        return getByIdCalls.get();
    }

    private static RegisteredSchema toRegistered(StoredSchema stored) {
        return new RegisteredSchema(stored.subject(), stored.version(), stored.id(),
                new Schema.Parser().parse(stored.schema()));
    }
}
