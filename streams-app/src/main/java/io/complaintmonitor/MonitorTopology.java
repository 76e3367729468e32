package io.complaintmonitor;

import io.complaintmonitor.config.MonitorConfig;
import io.complaintmonitor.ingest.IngestSerdes;
import io.complaintmonitor.ingest.IngestTopology;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/** Composes the monitor's flows into the one topology that Kafka Streams runs. */
public final class MonitorTopology {

    private MonitorTopology() {
    }

    public static Topology build(MonitorConfig config, IngestSerdes serdes, MeterRegistry meters) {
        StreamsBuilder builder = new StreamsBuilder();
        IngestTopology.addTo(builder, config.topics(), serdes, meters);
        return builder.build();
    }
}
