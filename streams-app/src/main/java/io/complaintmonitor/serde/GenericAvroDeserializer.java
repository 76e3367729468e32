package io.complaintmonitor.serde;

import io.complaintmonitor.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;

/**
 * Reads any record as a {@link GenericRecord} in its writer's schema: for tools that handle every
 * topic (audit, DLQ inspection) without generated classes.
 */
public final class GenericAvroDeserializer extends AbstractAvroDeserializer<GenericRecord> {

    public GenericAvroDeserializer() {
    }

    public GenericAvroDeserializer(SchemaRegistryClient client) {
        super(client);
    }

    @Override
    Schema readerSchemaFor(Schema writer, int schemaId) {
        return writer;
    }

    @Override
    DatumReader<GenericRecord> newReader(Schema writer, Schema reader) {
        return new GenericDatumReader<>(writer, reader, GenericData.get());
    }
}
