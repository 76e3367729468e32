package io.complaintmonitor.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code complaint_monitor_streams_state{state="RUNNING"} 1}: one series per Kafka Streams state,
 * 1 for the current one, so alerts can say "not RUNNING for 5 minutes".
 */
public final class StreamsStateGauge {

    private StreamsStateGauge() {
    }

    public static void register(MeterRegistry registry, Supplier<KafkaStreams.State> state) {
        for (KafkaStreams.State candidate : KafkaStreams.State.values()) {
            Gauge.builder("complaint.monitor.streams.state", () -> state.get() == candidate ? 1 : 0)
                    .description("1 for the Kafka Streams client's current state, 0 for the others")
                    .tag("state", candidate.name())
                    .register(registry);
        }
    }
}
