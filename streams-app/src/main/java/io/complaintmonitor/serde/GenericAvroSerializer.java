package io.complaintmonitor.serde;

import io.complaintmonitor.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumWriter;

/** Writes {@link GenericRecord}s with the schema each record carries (logical types as their raw values). */
public final class GenericAvroSerializer extends AbstractAvroSerializer<GenericRecord> {

    public GenericAvroSerializer() {
    }

    public GenericAvroSerializer(SchemaRegistryClient client, boolean isKey) {
        super(client, isKey);
    }

    @Override
    Schema schemaOf(GenericRecord data) {
        return data.getSchema();
    }

    @Override
    DatumWriter<GenericRecord> newWriter(Schema schema, GenericRecord sample) {
        return new GenericDatumWriter<>(schema, GenericData.get());
    }
}
