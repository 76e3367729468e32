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

    @Test
    void shouldCommitWellInsideTheTransactionTimeoutUnderExactlyOnce() {
        StreamsConfig config = new StreamsConfig(
                StreamsProperties.of(new ConfigLoader().load(), new SimpleMeterRegistry()));

        long interval = config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        int timeout = (Integer) config.getProducerConfigs("client").get(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);

        assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        // A transaction is open about one interval; the rest of the timeout is room for a slow commit.
        assertThat(interval).isEqualTo(5_000);
        assertThat(2 * interval).isLessThanOrEqualTo(timeout);
    }
}
