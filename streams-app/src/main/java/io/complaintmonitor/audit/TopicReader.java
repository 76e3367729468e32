package io.complaintmonitor.audit;

import io.complaintmonitor.config.MonitorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a topic the monitor writes in transactions from its start to its end, committed records
 * only, once no transaction is open on it.
 *
 * <p>Why wait: a committed transaction reaches each partition as a marker, written after the
 * commit and partition by partition. The monitor's committed offsets can already be visible while
 * the marker on an output partition is not yet, and a read_committed reader would then stop
 * before that transaction's records. With no input left, the monitor opens no new transaction,
 * so the end of each partition settles.
 */
final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(100);

    private TopicReader() {
    }

    static <V> List<ConsumerRecord<byte[], V>> readToEnd(MonitorConfig config, String topic, Deserializer<V> values,
            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> ends = settledEnds(config, topic, timeout, deadline);
        Map<String, Object> props = config.clientProperties();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.applicationId() + "-audit-reader");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // An aborted attempt of the monitor's must not count.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        List<ConsumerRecord<byte[], V>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], V> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), values)) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            while (!reachedEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new AuditException("timed out after " + timeout + " reading " + topic + " to offsets " + ends);
                }
                consumer.poll(POLL).forEach(records::add);
            }
        }
        return records;
    }

    /** The end offset of each partition, once every transaction on it is complete (last stable = last). */
    private static Map<TopicPartition, Long> settledEnds(MonitorConfig config, String topic, Duration timeout,
            long deadline) throws InterruptedException {
        Map<String, Object> props = config.clientProperties();
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            while (true) {
                Map<TopicPartition, Long> stable = ends(admin, latest, IsolationLevel.READ_COMMITTED, timeout);
                Map<TopicPartition, Long> last = ends(admin, latest, IsolationLevel.READ_UNCOMMITTED, timeout);
                if (stable.equals(last)) {
                    return stable;
                }
                if (System.nanoTime() > deadline) {
                    throw new AuditException("a transaction on " + topic + " is still open after " + timeout
                            + " (last stable offsets " + stable + ", last offsets " + last + ")");
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new AuditException("cannot read the end offsets of " + topic + ": " + e.getMessage(), e);
        }
    }

    private static Map<TopicPartition, Long> ends(Admin admin, Map<TopicPartition, OffsetSpec> latest,
            IsolationLevel isolation, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        return admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}
