package io.complaintmonitor.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Internal topics that earlier versions wrote and this one no longer reads. Records an earlier
 * version left on one, not yet processed, would be lost without a word if this version simply
 * started; so it refuses to start until they are gone, and says how.
 */
public final class RetiredTopics {

    private static final Logger LOG = LoggerFactory.getLogger(RetiredTopics.class);
    /** Accepted events keyed by source id, before the repeated-id check (until this version's routing). */
    static final String EVENT_IDS_SUFFIX = "-event-ids-repartition";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private RetiredTopics() {
    }

    /** The retired topics of {@code applicationId}. */
    static List<String> of(String applicationId) {
        return List.of(applicationId + EVENT_IDS_SUFFIX);
    }

    /**
     * Throws {@link ConfigException} when a retired topic still holds records the application has
     * not processed; logs that it can be deleted when it holds none.
     */
    public static void ensureNothingUnread(MonitorConfig config) {
        Map<String, Object> props = config.clientProperties();
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            for (String topic : of(config.applicationId())) {
                if (!existing.contains(topic)) {
                    continue;
                }
                long unread = unread(admin, config, topic);
                if (unread > 0) {
                    throw new ConfigException("topic " + topic + " holds " + unread + " record(s) that an earlier"
                            + " version of the monitor accepted but had not yet tracked, and this version does not"
                            + " read that topic: start the earlier version until its input lag is 0 (or"
                            + " complaint_events_tracked_total stops rising), then this one; or, to give those"
                            + " records up, delete the topic");
                }
                LOG.info("topic {} was used by earlier versions and holds nothing unread: it can be deleted", topic);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking retired topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot check retired topics on " + config.bootstrapServers() + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }

    /**
     * Records after the application's committed offsets, as a read-committed consumer sees them:
     * counting offsets would count transaction markers, which hold no record.
     */
    private static long unread(Admin admin, MonitorConfig config, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(config.applicationId())
                .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        List<TopicPartition> partitions = TopicDescriptions.describe(admin, List.of(topic), TIMEOUT).get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<String, Object> props = config.clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                if (done != null) {
                    consumer.seek(partition, done.offset());
                }
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            long unread = 0;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("reading " + topic + " to its end took longer than " + TIMEOUT);
                }
                unread += consumer.poll(Duration.ofMillis(200)).count();
            }
            return unread;
        }
    }
}
