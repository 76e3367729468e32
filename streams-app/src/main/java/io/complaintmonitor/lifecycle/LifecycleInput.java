package io.complaintmonitor.lifecycle;

import io.complaintmonitor.domain.complaint.ComplaintEvent;
import java.time.Instant;

/**
 * What the tracking processor reads: a complaint's event, or a tick saying event time has reached
 * {@code tick} (wall-clock heartbeats in live running, the --as-of instant in an audit).
 */
public record LifecycleInput(ComplaintEvent event, Instant tick, String applicationId) {

    public static LifecycleInput of(ComplaintEvent event) {
        return new LifecycleInput(event, null, null);
    }

    public static LifecycleInput tick(Instant at, String applicationId) {
        return new LifecycleInput(null, at, applicationId);
    }

    public boolean isTick() {
        return tick != null;
    }
}
