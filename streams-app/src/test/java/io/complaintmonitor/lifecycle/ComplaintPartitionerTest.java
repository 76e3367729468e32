package io.complaintmonitor.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.complaint.ComplaintKey;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class ComplaintPartitionerTest {

    @Test
    void shouldOwnAComplaintWhereAProducerKeyingByItsReferencePutsIt() {
        for (int partitions : new int[] {1, 3, 6, 12}) {
            ComplaintPartitioner<Object> partitioner = new ComplaintPartitioner<>(partitions);
            for (int i = 0; i < 500; i++) {
                String ref = "CMP-" + i;
                int producers = BuiltInPartitioner.partitionForKey(ref.getBytes(StandardCharsets.UTF_8), partitions);
                // Whichever landlord it belongs to: a source keys by reference alone.
                String key = ComplaintKeys.of(new ComplaintKey("LL-" + (i % 7), ref));
                assertThat(partitioner.partitionOfKey(key)).as(ref + " of " + partitions).isEqualTo(producers);
                assertThat(partitioner.partitions("complaint-events", key, null, partitions))
                        .contains(Set.of(producers));
            }
        }
    }

    @Test
    void shouldPlaceByTheConfiguredCountWhateverCountItIsAskedWith() {
        // A key query passes the largest partition count among the task's source topics.
        ComplaintPartitioner<Object> partitioner = new ComplaintPartitioner<>(6);
        String key = ComplaintKeys.of(new ComplaintKey("LL", "CMP-42"));
        assertThat(partitioner.partitions("complaints.crm.v1", key, null, 24))
                .contains(Set.of(partitioner.partitionOfKey(key)));
        assertThat(partitioner.partitionOfKey(key)).isBetween(0, 5);
    }

    @Test
    void shouldTakeTheReferenceAfterTheFirstSeparator() {
        assertThat(ComplaintKeys.refOf(ComplaintKeys.of(new ComplaintKey("LL-1", "A/B 7")))).isEqualTo("A/B 7");
    }
}
