package io.complaintmonitor.lifecycle;

import io.complaintmonitor.domain.complaint.Alert;
import io.complaintmonitor.domain.complaint.AlertType;
import io.complaintmonitor.metrics.ScrapeCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code complaint_alerts_open{kind,stage}}: breach alerts whose breach still stands, counted from
 * the {@code open-alerts} store at each scrape (the same after a restart). NaN while the store
 * cannot be queried.
 */
public final class OpenAlertGauges {

    public static final String METRIC = "complaint.alerts.open";

    private OpenAlertGauges() {
    }

    public static void register(MeterRegistry registry, Supplier<ReadOnlyKeyValueStore<String, Alert>> store) {
        ScrapeCache<Map<String, Double>> totals = ScrapeCache.of(() -> totals(store));
        for (AlertType type : AlertType.values()) {
            for (int stage = 1; stage <= 2; stage++) {
                String key = type + "|" + stage;
                Gauge.builder(METRIC, () -> totals.get().getOrDefault(key, Double.NaN))
                        .description("breach alerts whose breach still stands (step not done, clock running)")
                        .tag("kind", type.name())
                        .tag("stage", Integer.toString(stage))
                        .register(registry);
            }
        }
    }

    static Map<String, Double> totals(Supplier<ReadOnlyKeyValueStore<String, Alert>> store) {
        Map<String, Double> totals = new HashMap<>();
        try (KeyValueIterator<String, Alert> all = store.get().all()) {
            for (AlertType type : AlertType.values()) {
                totals.put(type + "|1", 0.0);
                totals.put(type + "|2", 0.0);
            }
            all.forEachRemaining(e -> totals.merge(e.value.type() + "|" + e.value.stage(), 1.0, Double::sum));
        } catch (InvalidStateStoreException e) {
            totals.clear();
        }
        return totals;
    }
}
