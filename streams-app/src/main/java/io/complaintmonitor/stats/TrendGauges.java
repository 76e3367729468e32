package io.complaintmonitor.stats;

import io.complaintmonitor.domain.stats.Dimension;
import io.complaintmonitor.domain.trend.TrendKind;
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
 * {@code complaint_trend_alerts_active{kind,dimension}}: trend alerts raised and not yet recovered,
 * counted from the {@code trend-tracks} store at each scrape. NaN while it cannot be queried.
 */
public final class TrendGauges {

    public static final String METRIC = "complaint.trend.alerts.active";

    private TrendGauges() {
    }

    public static void register(MeterRegistry registry, Supplier<ReadOnlyKeyValueStore<String, TrendTrack>> store) {
        ScrapeCache<Map<String, Double>> totals = ScrapeCache.of(() -> totals(store));
        for (Dimension dimension : Dimension.values()) {
            for (TrendKind kind : TrendJudge.kindsFor(dimension)) {
                String key = kind.name() + "|" + dimension.label();
                Gauge.builder(METRIC, () -> totals.get().getOrDefault(key, Double.NaN))
                        .description("trend alerts raised and not yet recovered")
                        .tag("kind", kind.name())
                        .tag("dimension", dimension.label())
                        .register(registry);
            }
        }
    }

    static Map<String, Double> totals(Supplier<ReadOnlyKeyValueStore<String, TrendTrack>> store) {
        Map<String, Double> totals = new HashMap<>();
        try (KeyValueIterator<String, TrendTrack> all = store.get().all()) {
            for (Dimension dimension : Dimension.values()) {
                for (TrendKind kind : TrendJudge.kindsFor(dimension)) {
                    totals.put(kind.name() + "|" + dimension.label(), 0.0);
                }
            }
            all.forEachRemaining(e -> {
                if (e.value.latch().active()) {
                    // Key: KIND|dimension=value
                    String kind = e.key.substring(0, e.key.indexOf('|'));
                    String group = e.key.substring(e.key.indexOf('|') + 1);
                    totals.merge(kind + "|" + group.substring(0, group.indexOf('=')), 1.0, Double::sum);
                }
            });
        } catch (InvalidStateStoreException e) {
            totals.clear();
        }
        return totals;
    }
}
