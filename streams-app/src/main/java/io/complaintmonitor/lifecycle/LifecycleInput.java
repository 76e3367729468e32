package io.complaintmonitor.lifecycle;

import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.ingest.SurveyFeedback;
import java.time.Instant;

/**
 * What the tracking processor reads: a complaint's event; a tick saying event time has reached
 * {@code tick} (wall-clock heartbeats in live running, the --as-of instant in an audit); or survey
 * feedback, never a complaint, which only goes into the figures outbox with the complaints'
 * changes (so it is batched with them, and sent before a clock mark like them).
 */
public record LifecycleInput(ComplaintEvent event, Instant tick, String applicationId, SurveyFeedback survey) {

    public static LifecycleInput of(ComplaintEvent event) {
        return new LifecycleInput(event, null, null, null);
    }

    public static LifecycleInput tick(Instant at, String applicationId) {
        return new LifecycleInput(null, at, applicationId, null);
    }

    public static LifecycleInput survey(SurveyFeedback feedback) {
        return new LifecycleInput(null, null, null, feedback);
    }

    public boolean isTick() {
        return tick != null;
    }

    public boolean isSurvey() {
        return survey != null;
    }
}
