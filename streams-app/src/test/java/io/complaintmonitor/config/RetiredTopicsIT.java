package io.complaintmonitor.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.complaintmonitor.testing.KafkaTestCluster;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * An upgrade over records an earlier version left on a topic this version no longer reads: the
 * monitor refuses to start while any is unprocessed, and starts once none is (a transaction
 * marker after the last record is not a record).
 */
class RetiredTopicsIT {

    @Test
    void shouldRefuseToStartWhileAnEarlierVersionsEventIdsTopicHoldsUnprocessedRecords() throws Exception {
        String app = KafkaTestCluster.uniqueName("retired");
        MonitorConfig config = new ConfigLoader()
                .override(ConfigKey.APPLICATION_ID, app)
                .override(ConfigKey.BOOTSTRAP_SERVERS, KafkaTestCluster.bootstrapServers())
                .load();
        assertThatCode(() -> RetiredTopics.ensureNothingUnread(config)).as("no such topic").doesNotThrowAnyException();

        String topic = app + RetiredTopics.EVENT_IDS_SUFFIX;
        TopicPartition p0 = new TopicPartition(topic, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestCluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
            // As the earlier version wrote it: three records in one transaction (offsets 0-2, marker at 3).
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestCluster.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, app + "-writer"),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.initTransactions();
                producer.beginTransaction();
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(topic, 0, null, new byte[] {(byte) i}));
                }
                producer.commitTransaction();
            }
            commit(admin, app, p0, 2);
            assertThatThrownBy(() -> RetiredTopics.ensureNothingUnread(config))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(topic).hasMessageContaining("holds 1 record(s)")
                    .hasMessageContaining("start the earlier version until its input lag is 0");

            commit(admin, app, p0, 3);
            assertThatCode(() -> RetiredTopics.ensureNothingUnread(config)).as("all processed")
                    .doesNotThrowAnyException();
        }
    }

    private static void commit(Admin admin, String group, TopicPartition partition, long offset) throws Exception {
        admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(offset))).all()
                .get(30, TimeUnit.SECONDS);
    }
}
