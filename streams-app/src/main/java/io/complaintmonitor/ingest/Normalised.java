package io.complaintmonitor.ingest;

import io.complaintmonitor.domain.complaint.ComplaintEvent;

/**
 * A decoded source record after the contract check: an event to track, survey feedback to count,
 * or a rejection with its reason.
 */
public record Normalised(ComplaintEvent event, SurveyFeedback survey, String reason, String detail,
        String rejectedRecord) {

    public static Normalised accepted(ComplaintEvent event) {
        return new Normalised(event, null, null, null, null);
    }

    public static Normalised survey(SurveyFeedback survey) {
        return new Normalised(null, survey, null, null, null);
    }

    public static Normalised rejected(String reason, String detail, String rejectedRecord) {
        return new Normalised(null, null, reason, detail, rejectedRecord);
    }

    public boolean isSurvey() {
        return survey != null;
    }

    public boolean isAccepted() {
        return event != null;
    }
}
