package io.complaintmonitor.config;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The producer that loads many source records at once (the audit's feeder, the simulator): on the
 * configured cluster with its client settings, acknowledged by all replicas, idempotent, and
 * batched and compressed for throughput.
 */
public final class BulkProducer {

    private BulkProducer() {
    }

    /** @param role what the client is, in its client id: feeder, simulator */
    public static KafkaProducer<byte[], byte[]> of(MonitorConfig config, String role, int lingerMs) {
        Map<String, Object> props = config.clientProperties();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.applicationId() + "-" + role);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
