package io.complaintmonitor.lifecycle;

import io.complaintmonitor.config.QuietCommit;
import io.complaintmonitor.domain.complaint.ComplaintEvent;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keys each accepted event by its complaint and says whether this task already owns that
 * complaint. A task reads the same partition number of every source topic and of
 * {@code complaint-events}, so an event a source keyed by complaint reference (on a topic with
 * the same partition count) is tracked here and now; any other takes the {@code complaint-events}
 * hop to its owner. Either way all of a complaint's events meet in one task.
 */
final class ComplaintRouter implements Processor<byte[], ComplaintEvent, String, ComplaintRouter.Routed> {

    /** An event keyed by complaint, and whether it is in its complaint's partition already. */
    record Routed(LifecycleInput input, boolean inPlace) {
    }

    private final int partitions;
    private final LifecycleMetrics metrics;
    private final QuietCommit quietCommit;
    private ProcessorContext<String, Routed> context;
    private int ownPartition;

    ComplaintRouter(int partitions, LifecycleMetrics metrics, QuietCommit quietCommit) {
        this.partitions = partitions;
        this.metrics = metrics;
        this.quietCommit = quietCommit;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        this.ownPartition = context.taskId().partition();
    }

    @Override
    public void process(Record<byte[], ComplaintEvent> record) {
        ComplaintEvent event = record.value();
        boolean inPlace = ComplaintPartitioner.partitionOfRef(event.complaintRef(), partitions) == ownPartition;
        if (!inPlace) {
            metrics.rerouted(event.source());
            // Its owner sees it only once this task commits; the owner notes its own work.
            quietCommit.worked();
        }
        context.forward(record.withKey(ComplaintKeys.of(event.key()))
                .withValue(new Routed(LifecycleInput.of(event), inPlace)));
    }
}
