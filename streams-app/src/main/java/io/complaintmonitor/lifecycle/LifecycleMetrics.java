package io.complaintmonitor.lifecycle;

import io.micrometer.core.instrument.Gauge;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.complaintmonitor.domain.complaint.Alert;
import io.complaintmonitor.domain.complaint.Source;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counters of the tracking flow; labels are low-cardinality (source, kind, stage), never a reference. */
final class LifecycleMetrics {

    private final MeterRegistry registry;
    private final Set<String> tasksBehind = ConcurrentHashMap.newKeySet();
    // Counters looked up once per source: these are counted at every event.
    private final Map<Source, Counter> tracked = new ConcurrentHashMap<>();
    private final Map<Source, Counter> duplicates = new ConcurrentHashMap<>();
    private final Map<Source, Counter> rerouted = new ConcurrentHashMap<>();

    LifecycleMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(LifecycleTopology.JUDGING_BACKLOG_METRIC, tasksBehind, Set::size)
                .description("tasks with complaints due at the monitor's clock still to judge: after a backfill"
                        + " the first tick finds them all due, and they are judged a few thousand at a time")
                .register(registry);
    }

    /** Whether a task has schedule entries at or before its clock still to judge. */
    void backlog(String task, boolean behind) {
        if (behind) {
            tasksBehind.add(task);
        } else {
            tasksBehind.remove(task);
        }
    }

    void tracked(Source source) {
        tracked.computeIfAbsent(source, s -> Counter.builder(LifecycleTopology.TRACKED_METRIC)
                .description("events applied to a complaint's state, by source")
                .tag("source", s.label())
                .register(registry)).increment();
    }

    void duplicate(Source source) {
        duplicates.computeIfAbsent(source, s -> Counter.builder(LifecycleTopology.DUPLICATE_METRIC)
                .description("events ignored because their id was already applied, by source")
                .tag("source", s.label())
                .register(registry)).increment();
    }

    void rerouted(Source source) {
        rerouted.computeIfAbsent(source, s -> Counter.builder(LifecycleTopology.REROUTED_METRIC)
                .description("events not in their complaint's partition (the source did not key them by"
                        + " complaint reference), sent on through complaint-events, by source")
                .tag("source", s.label())
                .register(registry)).increment();
    }

    void late(Source source) {
        Counter.builder("complaint.events.late")
                .description("events that arrived more than late.event.grace after the monitor's clock passed them")
                .tag("source", source.label())
                .register(registry).increment();
    }

    void alert(Alert alert) {
        Counter.builder("complaint.alerts.raised")
                .description("breach alerts raised, by kind and stage")
                .tag("kind", alert.type().name())
                .tag("stage", Integer.toString(alert.stage()))
                .register(registry).increment();
    }
}
