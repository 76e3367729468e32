package io.complaintmonitor.lifecycle;

import io.complaintmonitor.domain.complaint.OpenStage;
import io.complaintmonitor.domain.complaint.OpenStatus;
import io.complaintmonitor.metrics.ScrapeCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Open stages by stage and standing, kept by the tracking processor in the {@code open-complaints}
 * store (one count per task) and exposed as the gauge {@code complaint_open{stage,status}}, read
 * from the store at each scrape, so a restarted instance shows the same figures at once.
 */
public final class OpenCounts {

    public static final String METRIC = "complaint.open";

    private OpenCounts() {
    }

    static String key(OpenStage open) {
        return open.stage() + "|" + open.status().name();
    }

    /** Registers one gauge per stage and standing; NaN while the store cannot be queried. */
    public static void register(MeterRegistry registry, Supplier<KafkaStreams> streams) {
        // One store scan per scrape, shared by the six gauges.
        ScrapeCache<Map<String, Double>> totals = ScrapeCache.of(() -> totals(streams.get()));
        for (int stage = 1; stage <= 2; stage++) {
            for (OpenStatus status : OpenStatus.values()) {
                String key = key(new OpenStage(stage, status));
                Gauge.builder(METRIC, () -> totals.get().getOrDefault(key, Double.NaN))
                        .description("open complaint stages by stage and standing against their due date")
                        .tag("stage", Integer.toString(stage))
                        .tag("status", status.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .register(registry);
            }
        }
    }

    /** The counts summed over every task of this instance. */
    static Map<String, Double> totals(KafkaStreams streams) {
        Map<String, Double> totals = new HashMap<>();
        if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
            return totals;
        }
        try {
            ReadOnlyKeyValueStore<String, Long> store = streams.store(StoreQueryParameters.fromNameAndType(
                    LifecycleTopology.OPEN_COUNTS_STORE, QueryableStoreTypes.keyValueStore()));
            for (int stage = 1; stage <= 2; stage++) {
                for (OpenStatus status : OpenStatus.values()) {
                    totals.put(key(new OpenStage(stage, status)), 0.0);
                }
            }
            try (KeyValueIterator<String, Long> all = store.all()) {
                while (all.hasNext()) {
                    KeyValue<String, Long> entry = all.next();
                    totals.merge(entry.key, entry.value.doubleValue(), Double::sum);
                }
            }
        } catch (InvalidStateStoreException e) {
            totals.clear();
        }
        return totals;
    }
}
