package io.complaintmonitor.lifecycle;

import io.complaintmonitor.domain.complaint.Alert;
import io.complaintmonitor.domain.complaint.Source;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/** Counters of the tracking flow; labels are low-cardinality (source, kind, stage), never a reference. */
final class LifecycleMetrics {

    private final MeterRegistry registry;

    LifecycleMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void tracked(Source source) {
        Counter.builder(LifecycleTopology.TRACKED_METRIC)
                .description("events applied to a complaint's state, by source")
                .tag("source", label(source))
                .register(registry).increment();
    }

    void duplicate(Source source) {
        Counter.builder(LifecycleTopology.DUPLICATE_METRIC)
                .description("events ignored because their id was already applied, by source")
                .tag("source", label(source))
                .register(registry).increment();
    }

    void late(Source source) {
        Counter.builder("complaint.events.late")
                .description("events that arrived more than late.event.grace after the monitor's clock passed them")
                .tag("source", label(source))
                .register(registry).increment();
    }

    void alert(Alert alert) {
        Counter.builder("complaint.alerts.raised")
                .description("breach alerts raised, by kind and stage")
                .tag("kind", alert.type().name())
                .tag("stage", Integer.toString(alert.stage()))
                .register(registry).increment();
    }

    private static String label(Source source) {
        return source.name().toLowerCase(Locale.ROOT);
    }
}
