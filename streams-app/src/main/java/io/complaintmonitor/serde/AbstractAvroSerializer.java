package io.complaintmonitor.serde;

import io.complaintmonitor.registry.SchemaRegistryClient;
import io.complaintmonitor.registry.SchemaRegistryException;
import io.complaintmonitor.registry.TopicNameStrategy;
import io.complaintmonitor.serde.AvroSerdeException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes records in the Confluent wire format, registering (or, with {@code auto.register.schemas=false},
 * looking up) the writer schema under the topic's subject. Safe to share between stream threads.
 */
abstract class AbstractAvroSerializer<T> implements Serializer<T> {

    private volatile SchemaRegistryClient client;
    private volatile boolean isKey;
    private volatile boolean autoRegister = true;
    private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();

    AbstractAvroSerializer() {
    }

    AbstractAvroSerializer(SchemaRegistryClient client, boolean isKey) {
        this.client = client;
        this.isKey = isKey;
    }

    /** The writer schema of {@code data}. */
    abstract Schema schemaOf(T data);

    abstract DatumWriter<T> newWriter(Schema schema, T sample);

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        this.autoRegister = AvroSerdeConfig.autoRegister(configs, autoRegister);
        if (client == null) {
            client = AvroSerdeConfig.client(configs);
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        SchemaRegistryClient registry = client;
        if (registry == null) {
            throw new IllegalStateException("serializer not configured: give it a SchemaRegistryClient or "
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        Schema schema = schemaOf(data);
        int id = schemaId(registry, TopicNameStrategy.subject(topic, isKey), schema);
        DatumWriter<T> writer = writers.get(schema);
        if (writer == null) {
            writer = newWriter(schema, data);
            writers.putIfAbsent(schema, writer);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        AvroWireFormat.writeHeader(out, id);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new AvroSerdeException(Reason.UNENCODABLE_VALUE, id, "could not encode a " + schema.getFullName()
                    + " for topic " + topic + ": " + e, e);
        }
        return out.toByteArray();
    }

    private int schemaId(SchemaRegistryClient registry, String subject, Schema schema) {
        try {
            if (autoRegister) {
                return registry.register(subject, schema);
            }
            return registry.lookup(subject, schema).id();
        } catch (SchemaRegistryException e) {
            throw new AvroSerdeException(reasonFor(e), AvroSerdeException.NO_SCHEMA_ID,
                    (autoRegister ? "could not register " : "could not find ") + schema.getFullName()
                            + " under subject " + subject + ": " + e.getMessage(), e);
        }
    }

    private Reason reasonFor(SchemaRegistryException e) {
        if (e.isTransient()) {
            return Reason.REGISTRY_UNAVAILABLE;
        }
        if (e.errorCode() == SchemaRegistryException.INCOMPATIBLE_SCHEMA) {
            return Reason.INCOMPATIBLE_SCHEMA;
        }
        if (!autoRegister && (e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND
                || e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND)) {
            return Reason.SCHEMA_NOT_REGISTERED;
        }
        return Reason.REGISTRY_ERROR;
    }
}
