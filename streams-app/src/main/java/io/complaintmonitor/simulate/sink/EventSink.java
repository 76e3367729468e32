package io.complaintmonitor.simulate.sink;

import io.complaintmonitor.simulate.SimEvent;
import java.io.IOException;

/**
 * Where simulated records go: a JSONL file ({@link JsonlEventSink}) or the source topics
 * ({@link KafkaEventSink}); {@link PacedSink} releases them at a rate. Records are written in the
 * order given, bad ones in the broken form their {@link SimEvent.Defect} asks for.
 */
public interface EventSink extends AutoCloseable {

    void write(SimEvent event) throws IOException;

    /** Makes everything written so far visible (sent and acknowledged, or on disk). */
    void flush() throws IOException;

    /** Flushes, then releases what the sink holds. */
    @Override
    void close() throws IOException;
}
