package io.complaintmonitor.config;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The producer that loads many source records at once (the audit's feeder, the simulator): on the
 * configured cluster with its client settings, acknowledged by all replicas, idempotent, and
 * batched and compressed for throughput.
 *
 * <p>One request in flight, unless a {@code kafka.*} setting says otherwise. These producers write
 * to topics created a moment before. With several requests in flight, a partition's first batch
 * could be answered NOT_LEADER_OR_FOLLOWER while its next one, sent behind it, arrived once the
 * partition was ready and was taken; the retried first batch was then out of sequence for good,
 * and the load failed when its delivery timed out (seen once in the benchmark's writer, 24 November
 * 2026). With one in flight, nothing is sent behind a batch that is being retried.
 */
public final class BulkProducer {

    private BulkProducer() {
    }

    /** @param role what the client is, in its client id: feeder, simulator */
    public static KafkaProducer<byte[], byte[]> of(MonitorConfig config, String role, int lingerMs) {
        return new KafkaProducer<>(properties(config, role, lingerMs), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    static Map<String, Object> properties(MonitorConfig config, String role, int lingerMs) {
        Map<String, Object> props = config.clientProperties();
        props.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.applicationId() + "-" + role);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return props;
    }
}
