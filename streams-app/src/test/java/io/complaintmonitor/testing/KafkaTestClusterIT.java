package io.complaintmonitor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaTestClusterIT {

    @Test
    void shouldHandOutOneClusterWhenAskedRepeatedly() {
        assertThat(KafkaTestCluster.bootstrapServers()).isEqualTo(KafkaTestCluster.bootstrapServers());
    }

    @Test
    void shouldGiveDistinctNamesWhenAskedWithSamePrefix() {
        assertThat(KafkaTestCluster.uniqueName("topic")).isNotEqualTo(KafkaTestCluster.uniqueName("topic"))
                .startsWith("topic-");
    }

    @Test
    void shouldRoundTripRecordWhenTopicIsAutoCreated() throws Exception {
        final String topic = KafkaTestCluster.uniqueName("seam");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestCluster.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", "value")).get(30, TimeUnit.SECONDS);
        }

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestCluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, KafkaTestCluster.uniqueName("seam"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            final List<String> values = new ArrayList<>();
            await("the record on " + topic)
                    .atMost(Duration.ofSeconds(30))
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                        return !values.isEmpty();
                    });
            assertThat(values).containsExactly("value");
        }
    }
}
