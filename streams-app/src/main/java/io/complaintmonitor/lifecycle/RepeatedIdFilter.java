package io.complaintmonitor.lifecycle;

import io.complaintmonitor.domain.complaint.ComplaintEvent;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Ids are unique per source: a repeated eventId, updateId or submissionId is ignored whatever its
 * content, even when it names another complaint (which each complaint's own memory of ids cannot
 * see). Keyed by "SOURCE:id", so every sighting of an id meets in one task; ids are remembered for
 * the store's retention ({@link LifecycleTopology#SEEN_IDS_RETENTION}).
 */
final class RepeatedIdFilter implements Processor<String, ComplaintEvent, String, ComplaintEvent> {

    private final LifecycleMetrics metrics;
    private ProcessorContext<String, ComplaintEvent> context;
    private WindowStore<String, Long> seen;

    RepeatedIdFilter(LifecycleMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, ComplaintEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(LifecycleTopology.SEEN_IDS_STORE);
    }

    @Override
    public void process(Record<String, ComplaintEvent> record) {
        boolean repeated;
        try (WindowStoreIterator<Long> sightings = seen.fetch(record.key(), Instant.EPOCH,
                Instant.ofEpochMilli(Long.MAX_VALUE / 2))) {
            repeated = sightings.hasNext();
        }
        if (repeated) {
            metrics.duplicate(record.value().source());
            return;
        }
        seen.put(record.key(), record.value().occurredAt().toEpochMilli(), record.timestamp());
        context.forward(record);
    }
}
