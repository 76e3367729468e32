package io.complaintmonitor.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.complaintmonitor.registry.InProcessSchemaRegistryClient;
import io.complaintmonitor.registry.SchemaRegistryException;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.serde.AvroSerdeException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroDeserializerErrorsTest {

    private static final String TOPIC = "complaints.crm.v1";

    private final InProcessSchemaRegistryClient registry = InProcessSchemaRegistryClient.withEmptyRegistry();
    private final SpecificAvroDeserializer<CrmCaseEvent> deserializer =
            new SpecificAvroDeserializer<>(registry, CrmCaseEvent.class);

    @Test
    void shouldSayWrongMagicByteWhenPayloadIsJson() {
        byte[] json = "{\"eventId\":\"e1\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, json))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_MAGIC_BYTE);
                    assertThat(e.getMessage()).contains("magic byte 0x7b", TOPIC);
                })
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldSayTruncatedWhenShorterThanHeader() {
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TRUNCATED_PAYLOAD);
                    assertThat(e.getMessage()).contains("3 bytes");
                });
    }

    @Test
    void shouldSayUnknownSchemaIdWhenRegistryHasNoSuchId() {
        byte[] bytes = {0, 0, 0, 1, 77, 2, 'x'};

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA_ID);
                    assertThat(e.schemaId()).isEqualTo(333);
                    assertThat(e.getMessage()).contains("schema id 333");
                });
    }

    @Test
    void shouldSayUndecodableWhenBodyIsCutShort() {
        byte[] whole = new SpecificAvroSerializer<CrmCaseEvent>(registry, false)
                .serialize(TOPIC, CrmCaseEvents.full());
        byte[] cut = Arrays.copyOf(whole, whole.length - 6);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, cut))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNDECODABLE_PAYLOAD);
                    assertThat(e.schemaId()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("not a valid io.complaintmonitor.schema.CrmCaseEvent");
                });
    }

    @Test
    void shouldSayUndecodableWhenBytesAreLeftOver() {
        byte[] whole = new SpecificAvroSerializer<CrmCaseEvent>(registry, false)
                .serialize(TOPIC, CrmCaseEvents.minimal());
        byte[] padded = Arrays.copyOf(whole, whole.length + 2);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, padded))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNDECODABLE_PAYLOAD));
    }

    @Test
    void shouldSayUndecodableWhenLengthIsNegative() {
        int id = registry.register(TOPIC + "-value", CrmCaseEvent.getClassSchema());
        // 0x03 is zig-zag -2: a string length no encoder writes.
        byte[] bytes = {0, 0, 0, 0, (byte) id, 0x03};

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNDECODABLE_PAYLOAD));
    }

    @Test
    void shouldSaySchemaMismatchWhenWriterCannotBeReadAsReaderClass() {
        Schema other = CrmCaseEvents.otherSchema();
        GenericData.Record record = new GenericData.Record(other);
        record.put("n", 5);
        byte[] bytes = new GenericAvroSerializer(registry, false).serialize("other-topic", record);

        assertThatThrownBy(() -> deserializer.deserialize("other-topic", bytes))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.SCHEMA_MISMATCH);
                    assertThat(e.getMessage()).contains("t.Other", "CrmCaseEvent");
                });
    }

    @Test
    void shouldSayRegistryUnavailableAndRetryLaterWhenRegistryUnreachable() {
        int[] calls = {0};
        StubSchemaRegistryClient down = new StubSchemaRegistryClient(1) {
            @Override
            public Schema getById(int id) {
                calls[0]++;
                throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, 0,
                        "connection refused", "GET /schemas/ids/" + id, null);
            }
        };
        SpecificAvroDeserializer<CrmCaseEvent> reader = new SpecificAvroDeserializer<>(down, CrmCaseEvent.class);
        byte[] bytes = {0, 0, 0, 0, 1, 0};

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> reader.deserialize(TOPIC, bytes))
                    .isInstanceOfSatisfying(AvroSerdeException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.REGISTRY_UNAVAILABLE));
        }
        assertThat(calls[0]).as("registry asked again: an outage is not cached").isEqualTo(2);
    }
}
