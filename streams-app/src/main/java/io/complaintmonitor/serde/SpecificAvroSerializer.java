package io.complaintmonitor.serde;

import io.complaintmonitor.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Writes generated Avro classes; the writer schema is the class's own. */
public final class SpecificAvroSerializer<T extends SpecificRecord> extends AbstractAvroSerializer<T> {

    /** For Kafka to instantiate by class name; {@link #configure} then needs {@code schema.registry.url}. */
    public SpecificAvroSerializer() {
    }

    public SpecificAvroSerializer(SchemaRegistryClient client, boolean isKey) {
        super(client, isKey);
    }

    @Override
    Schema schemaOf(T data) {
        return data.getSchema();
    }

    @Override
    DatumWriter<T> newWriter(Schema schema, T sample) {
        // The class's own model carries its logical-type conversions (Instant, LocalDate).
        return new SpecificDatumWriter<>(schema, SpecificData.getForClass(sample.getClass()));
    }
}
