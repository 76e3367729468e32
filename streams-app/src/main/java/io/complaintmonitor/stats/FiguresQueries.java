package io.complaintmonitor.stats;

import io.complaintmonitor.domain.stats.DurationAggregate;
import io.complaintmonitor.domain.stats.ReportingWindow;
import io.complaintmonitor.domain.stats.Step;
import io.complaintmonitor.domain.stats.WindowKind;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads of the figures stores by key prefix ({@link FiguresKeys}), shared by the query API and
 * the gauges. Works on any read-only view: an interactive query (which may join several tasks'
 * stores, in no overall order) or a TopologyTestDriver's store; results come back sorted.
 */
public final class FiguresQueries {

    private FiguresQueries() {
    }

    /** Headline counts of one group ("landlordId=north") in one window, measure to count; zeros left out. */
    public static Map<String, Long> counts(ReadOnlyKeyValueStore<String, Long> store, String group,
            ReportingWindow window) {
        Map<String, Long> out = new TreeMap<>();
        String prefix = FiguresKeys.countPrefix(group, window);
        try (KeyValueIterator<String, Long> it = store.range(prefix, FiguresKeys.upperBound(prefix))) {
            while (it.hasNext()) {
                KeyValue<String, Long> e = it.next();
                if (e.value != null && e.value != 0) {
                    out.put(e.key.substring(prefix.length()), e.value);
                }
            }
        }
        return out;
    }

    /** One group's stage-duration aggregate in one window; null when none is kept. */
    public static DurationAggregate stat(ReadOnlyKeyValueStore<String, DurationAggregate> store, Step step,
            String group, ReportingWindow window) {
        return store.get(FiguresKeys.stat(step, group, window));
    }

    /**
     * Every window of {@code kind} kept for {@code step} and the groups of {@code dimension} whose
     * value is {@code value} (every value when null): value to window to aggregate, both sorted
     * (windows by start).
     */
    public static Map<String, Map<ReportingWindow, DurationAggregate>> stats(
            ReadOnlyKeyValueStore<String, DurationAggregate> store, Step step, String dimension, String value,
            WindowKind kind) {
        String prefix = value == null ? step.label() + "|" + dimension + "="
                : FiguresKeys.statPrefix(step, dimension + "=" + value, kind.label());
        Map<String, Map<ReportingWindow, DurationAggregate>> out = new TreeMap<>();
        try (KeyValueIterator<String, DurationAggregate> it = store.range(prefix, FiguresKeys.upperBound(prefix))) {
            while (it.hasNext()) {
                KeyValue<String, DurationAggregate> e = it.next();
                // step|dimension=value|kind|label; values cannot contain '|'.
                String[] parts = e.key.split("\\|", -1);
                if (parts.length != 4 || !parts[2].equals(kind.label())) {
                    continue;
                }
                String groupValue = parts[1].substring(parts[1].indexOf('=') + 1);
                out.computeIfAbsent(groupValue, v -> new TreeMap<>(
                        java.util.Comparator.comparing(ReportingWindow::start)))
                        .put(kind.parse(parts[3]), e.value);
            }
        }
        return out;
    }
}
