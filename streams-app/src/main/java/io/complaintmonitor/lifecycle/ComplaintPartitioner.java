package io.complaintmonitor.lifecycle;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Which partition owns a complaint: where Kafka's default partitioner puts a record keyed by the
 * complaint reference (UTF-8), the key the source contract asks producers to use. An event a
 * source keyed that way is therefore already in its complaint's partition and is tracked without
 * a repartition hop ({@link ComplaintRouter}); the others are sent to that partition of
 * {@code complaint-events}, and queries for a complaint are routed to its owner the same way.
 */
public final class ComplaintPartitioner<V> implements StreamPartitioner<String, V> {

    private final int partitions;

    /** @param partitions the partition count of {@code complaint-events}, which the tracking tasks follow */
    public ComplaintPartitioner(int partitions) {
        this.partitions = partitions;
    }

    /** The partition owning the complaint with this store key (see {@link ComplaintKeys#of}). */
    public int partitionOfKey(String complaintKey) {
        return partitionOfRef(ComplaintKeys.refOf(complaintKey), partitions);
    }

    /** The partition owning a complaint reference, of {@code partitions}: Kafka's default for that key. */
    static int partitionOfRef(String complaintRef, int partitions) {
        return Utils.toPositive(Utils.murmur2(complaintRef.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * The owner by the configured count, whatever {@code numPartitions} says: Kafka Streams passes a
     * key query the largest partition count among the task's source topics, which may differ.
     */
    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        return Optional.of(Set.of(partitionOfKey(key)));
    }
}
