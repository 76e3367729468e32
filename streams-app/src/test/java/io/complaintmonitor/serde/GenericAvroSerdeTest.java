package io.complaintmonitor.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.registry.InProcessSchemaRegistryClient;
import io.complaintmonitor.schema.CrmCaseEvent;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class GenericAvroSerdeTest {

    private static final String TOPIC = "complaints.crm.v1";

    private final InProcessSchemaRegistryClient registry = InProcessSchemaRegistryClient.withEmptyRegistry();
    private final GenericAvroSerde serde = AvroSerdes.generic(registry, false);

    @Test
    void shouldReadRecordInWriterSchemaWhenWrittenByGenericSerializer() {
        GenericRecord record = CrmCaseEvents.asGeneric(CrmCaseEvents.full(), CrmCaseEvent.getClassSchema());

        GenericRecord back = serde.deserializer().deserialize(TOPIC,
                serde.serializer().serialize(TOPIC, record));

        assertThat(back.getSchema()).isEqualTo(CrmCaseEvent.getClassSchema());
        assertThat(back).isEqualTo(record);
    }

    @Test
    void shouldReadSpecificRecordsWithRawLogicalValuesWhenWrittenBySpecificSerializer() {
        byte[] bytes = AvroSerdes.specific(registry, CrmCaseEvent.class, false).serializer()
                .serialize(TOPIC, CrmCaseEvents.full());

        GenericRecord back = serde.deserializer().deserialize(TOPIC, bytes);

        assertThat(back.get("eventId").toString()).isEqualTo("evt-0001");
        assertThat(back.get("occurredAt")).isEqualTo(CrmCaseEvents.OCCURRED_AT.toEpochMilli());
        assertThat(back.get("newDueDate")).isEqualTo((int) CrmCaseEvents.NEW_DUE_DATE.toEpochDay());
        assertThat(back.get("type").toString()).isEqualTo("EXTENSION_AGREED");
        assertThat(registry.subjects()).containsExactly(TOPIC + "-value");
    }
}
