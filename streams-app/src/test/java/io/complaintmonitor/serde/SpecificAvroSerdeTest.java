package io.complaintmonitor.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.complaintmonitor.registry.InProcessSchemaRegistryClient;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.serde.AvroSerdeException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class SpecificAvroSerdeTest {

    private static final String TOPIC = "complaints.crm.v1";

    private final InProcessSchemaRegistryClient registry = InProcessSchemaRegistryClient.withEmptyRegistry();
    private final SpecificAvroSerde<CrmCaseEvent> serde = AvroSerdes.specific(registry, CrmCaseEvent.class, false);

    @Test
    void shouldWriteMagicByteThenBigEndianSchemaIdThenAvroBody() throws Exception {
        SpecificAvroSerializer<CrmCaseEvent> serializer =
                new SpecificAvroSerializer<>(new StubSchemaRegistryClient(0x0A0B0C0D), false);
        CrmCaseEvent event = CrmCaseEvents.minimal();

        byte[] bytes = serializer.serialize(TOPIC, event);

        assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0x00, 0x0A, 0x0B, 0x0C, 0x0D);
        // Avro binary: eventId is first, a zig-zag length (8 -> 0x10) then the UTF-8 bytes.
        assertThat(bytes[5]).isEqualTo((byte) 0x10);
        assertThat(new String(bytes, 6, 8, StandardCharsets.UTF_8)).isEqualTo("evt-0002");
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(plainAvro(event));
    }

    @Test
    void shouldUseRegistryIdInHeaderWhenSchemaRegistered() {
        registry.register("unrelated-value", CrmCaseEvents.otherSchema());

        byte[] bytes = serde.serializer().serialize(TOPIC, CrmCaseEvents.minimal());

        assertThat(AvroWireFormat.schemaId(bytes, TOPIC)).isEqualTo(2);
        assertThat(registry.latest(TOPIC + "-value").id()).isEqualTo(2);
    }

    @Test
    void shouldRoundTripEveryFieldWhenSerializedAndDeserialized() {
        for (CrmCaseEvent event : new CrmCaseEvent[] {CrmCaseEvents.full(), CrmCaseEvents.minimal()}) {
            byte[] bytes = serde.serializer().serialize(TOPIC, event);

            CrmCaseEvent back = serde.deserializer().deserialize(TOPIC, bytes);

            assertThat(back).isEqualTo(event);
            assertThat(back.getOccurredAt()).isEqualTo(CrmCaseEvents.OCCURRED_AT);
        }
    }

    @Test
    void shouldRegisterUnderKeySubjectWhenSerdeIsForKeys() {
        SpecificAvroSerde<CrmCaseEvent> keySerde = AvroSerdes.specific(registry, CrmCaseEvent.class, true);

        keySerde.serializer().serialize(TOPIC, CrmCaseEvents.minimal());
        serde.serializer().serialize(TOPIC, CrmCaseEvents.minimal());

        assertThat(registry.subjects()).containsExactly(TOPIC + "-key", TOPIC + "-value");
    }

    @Test
    void shouldDecodeOldRecordWhenReaderHasAddedOptionalField() {
        Schema v1 = CrmCaseEvents.schemaWithout("landlordId");
        GenericRecord old = CrmCaseEvents.asGeneric(CrmCaseEvents.full(), v1);
        byte[] bytes = AvroSerdes.generic(registry, false).serializer().serialize(TOPIC, old);
        assertThat(registry.isCompatible(TOPIC + "-value", CrmCaseEvent.getClassSchema())).isTrue();

        CrmCaseEvent read = serde.deserializer().deserialize(TOPIC, bytes);

        // Not newBuilder(full()): its deep copy loads enum classes by name, which Avro 1.12.2 forbids untrusted.
        CrmCaseEvent expected = CrmCaseEvents.full();
        expected.setLandlordId(null);
        assertThat(read).isEqualTo(expected);
        assertThat(AvroWireFormat.schemaId(bytes, TOPIC))
                .isNotEqualTo(AvroWireFormat.schemaId(serde.serializer().serialize(TOPIC, expected), TOPIC));
    }

    @Test
    void shouldFetchWriterSchemaOnceWhenManyRecordsShareIt() {
        for (int i = 0; i < 3; i++) {
            byte[] bytes = serde.serializer().serialize(TOPIC, CrmCaseEvents.minimal());
            serde.deserializer().deserialize(TOPIC, bytes);
        }

        assertThat(registry.getByIdCalls()).isEqualTo(1);
    }

    @Test
    void shouldLookUpInsteadOfRegisterWhenAutoRegisterOff() {
        SpecificAvroSerde<CrmCaseEvent> strict = AvroSerdes.specific(registry, CrmCaseEvent.class, false);
        strict.configure(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        assertThatThrownBy(() -> strict.serializer().serialize(TOPIC, CrmCaseEvents.minimal()))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SCHEMA_NOT_REGISTERED));
        assertThat(registry.subjects()).isEmpty();

        int id = registry.register(TOPIC + "-value", CrmCaseEvent.getClassSchema());
        assertThat(AvroWireFormat.schemaId(strict.serializer().serialize(TOPIC, CrmCaseEvents.minimal()), TOPIC))
                .isEqualTo(id);
    }

    @Test
    void shouldFailWithIncompatibleSchemaWhenRegistryRefusesWriterSchema() {
        registry.register(TOPIC + "-value", CrmCaseEvents.schemaWithEventIdAsInt());

        assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, CrmCaseEvents.minimal()))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INCOMPATIBLE_SCHEMA);
                    assertThat(e.getMessage()).contains(TOPIC + "-value");
                });
    }

    @Test
    void shouldPassNullThroughWhenRecordIsTombstone() {
        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    private static byte[] plainAvro(CrmCaseEvent event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(CrmCaseEvent.class).write(event, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
