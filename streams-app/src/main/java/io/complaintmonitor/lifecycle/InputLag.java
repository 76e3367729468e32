package io.complaintmonitor.lifecycle;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether Kafka Streams has read everything in its input partitions, from its main consumers'
 * own per-partition lag ({@code records-lag}), so no Admin round trips are needed.
 */
public final class InputLag {

    private InputLag() {
    }

    public static boolean caughtUp(KafkaStreams streams) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return false;
        }
        return caughtUp(streams.metrics());
    }

    static boolean caughtUp(Map<MetricName, ? extends Metric> metrics) {
        boolean any = false;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName name = entry.getKey();
            if (!name.name().equals("records-lag") || !name.group().equals("consumer-fetch-manager-metrics")
                    || !name.tags().containsKey("partition")
                    || name.tags().getOrDefault("client-id", "").contains("restore-consumer")) {
                continue;
            }
            Object value = entry.getValue().metricValue();
            if (!(value instanceof Double lag) || lag.isNaN() || lag > 0) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
