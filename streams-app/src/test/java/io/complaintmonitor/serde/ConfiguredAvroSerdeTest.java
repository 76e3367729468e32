package io.complaintmonitor.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.complaintmonitor.http.MonitorHttpServer;
import io.complaintmonitor.registry.EmbeddedSchemaRegistry;
import io.complaintmonitor.registry.InMemorySchemaLog;
import io.complaintmonitor.registry.RegistryHttpApi;
import io.complaintmonitor.schema.CrmCaseEvent;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The serdes as Kafka builds them from class names: no-arg constructor, then configure. */
class ConfiguredAvroSerdeTest {

    private static final String TOPIC = "complaints.crm.v1";

    private MonitorHttpServer server;

    @BeforeEach
    void startRegistry() throws Exception {
        RegistryHttpApi api = new RegistryHttpApi(EmbeddedSchemaRegistry.start(new InMemorySchemaLog()));
        server = MonitorHttpServer.start("127.0.0.1", 0, api.routes());
    }

    @AfterEach
    void stopRegistry() {
        server.close();
    }

    @Test
    void shouldRoundTripWhenConfiguredWithRegistryUrlAndValueType() {
        SpecificAvroSerde<CrmCaseEvent> serde = new SpecificAvroSerde<>();
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.baseUri().toString(),
                AvroSerdeConfig.SPECIFIC_VALUE_TYPE, CrmCaseEvent.class.getName()), false);

        byte[] bytes = serde.serializer().serialize(TOPIC, CrmCaseEvents.full());

        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(CrmCaseEvents.full());
    }

    @Test
    void shouldFindGeneratedClassFromWriterSchemaWhenNoTypeConfigured() {
        Map<String, String> configs = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.baseUri().toString());
        SpecificAvroSerializer<CrmCaseEvent> serializer = new SpecificAvroSerializer<>();
        serializer.configure(configs, false);
        SpecificAvroDeserializer<CrmCaseEvent> deserializer = new SpecificAvroDeserializer<>();
        deserializer.configure(configs, false);

        Object read = deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, CrmCaseEvents.minimal()));

        assertThat(read).isInstanceOf(CrmCaseEvent.class).isEqualTo(CrmCaseEvents.minimal());
    }

    @Test
    void shouldNameMissingKeyWhenConfiguredWithoutRegistryUrl() {
        assertThatThrownBy(() -> new GenericAvroSerde().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }
}
