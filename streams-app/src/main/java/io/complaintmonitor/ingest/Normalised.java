package io.complaintmonitor.ingest;

import io.complaintmonitor.domain.complaint.ComplaintEvent;

/** A decoded source record after the contract check: an event to track, or a rejection with its reason. */
public record Normalised(ComplaintEvent event, String reason, String detail, String rejectedRecord) {

    public static Normalised accepted(ComplaintEvent event) {
        return new Normalised(event, null, null, null);
    }

    public static Normalised rejected(String reason, String detail, String rejectedRecord) {
        return new Normalised(null, reason, detail, rejectedRecord);
    }

    public boolean isAccepted() {
        return event != null;
    }
}
