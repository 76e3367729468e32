package io.complaintmonitor.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {

    @Test
    void shouldGiveTheProducerOneRequestInFlightUnlessAKafkaSettingSaysOtherwise() {
        Properties defaults = StreamsProperties.of(new ConfigLoader().load(), new SimpleMeterRegistry());
        assertThat(new StreamsConfig(defaults).getProducerConfigs("client")
                .get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)).isEqualTo(1);

        MonitorConfig overridden = new ConfigLoader()
                .environment(Map.of("KAFKA_MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION", "5")).load();
        Properties props = StreamsProperties.of(overridden, new SimpleMeterRegistry());
        assertThat(new StreamsConfig(props).getProducerConfigs("client")
                .get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)).isEqualTo("5");
    }
}
