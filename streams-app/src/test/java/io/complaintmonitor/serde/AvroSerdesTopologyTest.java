package io.complaintmonitor.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.registry.InProcessSchemaRegistryClient;
import io.complaintmonitor.schema.CrmCaseEvent;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

/** The factory's serdes in a topology, as flows will use them: no configure call from Streams. */
class AvroSerdesTopologyTest {

    @Test
    void shouldCarryCrmCaseEventThroughTopologyWhenSerdesComeFromFactory() {
        InProcessSchemaRegistryClient registry = InProcessSchemaRegistryClient.withEmptyRegistry();
        SpecificAvroSerde<CrmCaseEvent> serde = AvroSerdes.specificValue(registry, CrmCaseEvent.class);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), serde).withName("source-in"))
                .filter((key, event) -> event.getStage() != null, Named.as("keep-staged"))
                .to("out", Produced.with(Serdes.String(), serde).withName("sink-out"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "serde-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, CrmCaseEvent> in =
                    driver.createInputTopic("in", Serdes.String().serializer(), serde.serializer());
            TestOutputTopic<String, CrmCaseEvent> out =
                    driver.createOutputTopic("out", Serdes.String().deserializer(), serde.deserializer());
            in.pipeInput("CMP-2025-0042", CrmCaseEvents.full());
            in.pipeInput("CMP-2025-0043", CrmCaseEvents.minimal());

            assertThat(out.readValuesToList()).containsExactly(CrmCaseEvents.full());
        }
        assertThat(registry.subjects()).containsExactly("in-value", "out-value");
    }
}
