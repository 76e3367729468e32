package io.complaintmonitor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class BulkProducerTest {

    @Test
    void shouldKeepOneRequestInFlightUnlessAKafkaSettingSaysOtherwise() {
        Map<String, Object> defaults = BulkProducer.properties(new ConfigLoader().load(), "simulator", 10);
        assertThat(defaults.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)).isEqualTo(1);
        assertThat(defaults).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "complaint-monitor-simulator");

        MonitorConfig overridden = new ConfigLoader()
                .environment(Map.of("KAFKA_MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION", "5")).load();
        assertThat(BulkProducer.properties(overridden, "feeder", 20)
                .get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)).isEqualTo("5");
    }
}
