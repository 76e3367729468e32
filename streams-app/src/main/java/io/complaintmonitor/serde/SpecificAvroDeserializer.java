package io.complaintmonitor.serde;

import io.complaintmonitor.registry.SchemaRegistryClient;
import io.complaintmonitor.serde.AvroSerdeException.Reason;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads generated Avro classes, resolving each writer schema to the class's schema so that records
 * written with older or newer versions decode. Without a class (built by name and configured without
 * {@code specific.avro.value.type}) the generated class named by the writer schema is used.
 */
public final class SpecificAvroDeserializer<T extends SpecificRecord> extends AbstractAvroDeserializer<T> {

    private volatile Class<?> type;

    /** For Kafka to instantiate by class name; {@link #configure} then needs {@code schema.registry.url}. */
    public SpecificAvroDeserializer() {
    }

    public SpecificAvroDeserializer(SchemaRegistryClient client, Class<T> type) {
        super(client);
        this.type = type;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        super.configure(configs, isKey);
        if (type == null) {
            type = AvroSerdeConfig.specificType(configs, isKey);
        }
    }

    @Override
    Schema readerSchemaFor(Schema writer, int schemaId) {
        Class<?> readerType = readerTypeFor(writer, schemaId);
        return SpecificData.getForClass(readerType).getSchema(readerType);
    }

    @Override
    DatumReader<T> newReader(Schema writer, Schema reader) {
        Class<?> readerType = type != null ? type : ReaderClassModel.loadGenerated(reader.getFullName(),
                SpecificAvroDeserializer.class.getClassLoader());
        return new SpecificDatumReader<>(writer, reader, new ReaderClassModel(readerType));
    }

    private Class<?> readerTypeFor(Schema writer, int schemaId) {
        if (type != null) {
            return type;
        }
        Class<?> named = ReaderClassModel.loadGenerated(writer.getFullName(),
                SpecificAvroDeserializer.class.getClassLoader());
        if (named == null || !SpecificRecord.class.isAssignableFrom(named)) {
            throw new AvroSerdeException(Reason.SCHEMA_MISMATCH, schemaId, "no generated class "
                    + writer.getFullName() + " on the classpath to read schema id " + schemaId + " into", null);
        }
        return named;
    }
}
