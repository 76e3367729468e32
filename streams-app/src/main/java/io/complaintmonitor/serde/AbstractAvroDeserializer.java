package io.complaintmonitor.serde;

import io.complaintmonitor.registry.SchemaRegistryClient;
import io.complaintmonitor.registry.SchemaRegistryException;
import io.complaintmonitor.serde.AvroSerdeException.Reason;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in the Confluent wire format: the header names the writer schema, fetched from the
 * registry by id, and Avro resolves it to the reader schema a subclass chooses. Safe to share between
 * stream threads.
 */
abstract class AbstractAvroDeserializer<T> implements Deserializer<T> {

    /** A reader for one writer schema, or why there can be none. */
    private record Resolution<T>(Schema writer, Schema reader, DatumReader<T> datumReader, AvroSerdeException error) {
    }

    private volatile SchemaRegistryClient client;
    private final Map<Integer, Resolution<T>> resolutions = new ConcurrentHashMap<>();

    AbstractAvroDeserializer() {
    }

    AbstractAvroDeserializer(SchemaRegistryClient client) {
        this.client = client;
    }

    /** The schema to read records written with {@code writer} as. */
    abstract Schema readerSchemaFor(Schema writer, int schemaId);

    abstract DatumReader<T> newReader(Schema writer, Schema reader);

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client == null) {
            client = AvroSerdeConfig.client(configs);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int id = AvroWireFormat.schemaId(data, topic);
        Resolution<T> resolution = resolutions.get(id);
        if (resolution == null) {
            resolution = resolve(id, topic);
            if (resolution.error() == null || resolution.error().reason() == Reason.SCHEMA_MISMATCH) {
                // Ids never change meaning, so both a reader and a definite mismatch can be kept.
                resolutions.putIfAbsent(id, resolution);
            }
        }
        if (resolution.error() != null) {
            throw resolution.error();
        }
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(data, AvroWireFormat.HEADER_SIZE, data.length - AvroWireFormat.HEADER_SIZE, null);
        T value;
        try {
            value = resolution.datumReader().read(null, decoder);
            if (!decoder.isEnd()) {
                throw new IOException("bytes left over after the record");
            }
        } catch (IOException | RuntimeException e) {
            throw decodeFailure(resolution, id, topic, data.length, e);
        }
        return value;
    }

    private Resolution<T> resolve(int id, String topic) {
        SchemaRegistryClient registry = client;
        if (registry == null) {
            throw new IllegalStateException("deserializer not configured: give it a SchemaRegistryClient or "
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        Schema writer;
        try {
            writer = registry.getById(id);
        } catch (SchemaRegistryException e) {
            Reason reason = e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND ? Reason.UNKNOWN_SCHEMA_ID
                    : e.isTransient() ? Reason.REGISTRY_UNAVAILABLE : Reason.REGISTRY_ERROR;
            String what = reason == Reason.UNKNOWN_SCHEMA_ID ? "schema id " + id + " is not in the registry"
                    : "could not fetch schema id " + id;
            return new Resolution<>(null, null, null,
                    new AvroSerdeException(reason, id, what + " (topic " + topic + "): " + e.getMessage(), e));
        }
        try {
            Schema reader = readerSchemaFor(writer, id);
            return new Resolution<>(writer, reader, newReader(writer, reader), null);
        } catch (AvroSerdeException e) {
            return new Resolution<>(writer, null, null, e);
        }
    }

    private AvroSerdeException decodeFailure(Resolution<T> resolution, int id, String topic, int length,
            Exception cause) {
        // Avro reports a schema it cannot resolve only when decoding reaches the field, so ask why here.
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(resolution.reader(), resolution.writer());
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return new AvroSerdeException(Reason.SCHEMA_MISMATCH, id, "writer schema id " + id + " ("
                    + resolution.writer().getFullName() + ") cannot be read as " + resolution.reader().getFullName()
                    + " on topic " + topic + ": " + compatibility.getDescription(), cause);
        }
        return new AvroSerdeException(Reason.UNDECODABLE_PAYLOAD, id, "payload of " + length + " bytes on topic "
                + topic + " is not a valid " + resolution.writer().getFullName() + " under writer schema id " + id
                + ": " + cause, cause);
    }
}
