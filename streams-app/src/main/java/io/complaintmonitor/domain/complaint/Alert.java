package io.complaintmonitor.domain.complaint;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A breach alert, as written to {@code complaints.alerts.v1} and the audit's alerts file.
 *
 * @param alertId deterministic, see {@link #idOf}
 * @param dueDate the last allowed day the alert is about; for EXTENSION_EXCEEDS_LIMIT the
 *     extension's new due date; for DEFINITION_MISSING the stage's acknowledgement due date, or
 *     the acknowledgement's own date where the due date is unknown
 * @param raisedAt event time at which the alert was raised
 * @param contractorId the contractor handling the stage at raisedAt, where one is known
 */
public record Alert(
        String alertId,
        AlertType type,
        String landlordId,
        String complaintRef,
        int stage,
        LocalDate dueDate,
        Instant raisedAt,
        String category,
        String contractorId,
        String handlingTeam) {

    /**
     * A name-based (type 3) UUID of landlordId, complaintRef, stage, kind and dueDate, so a replay
     * yields the same ids. A UUID rather than a readable join: references are free text that may
     * hold the separator or be long, and a fixed 36-character id fits any downstream key or
     * ticketing field; the readable parts travel beside it in the alert anyway. Each part is
     * length-prefixed so ("a/b", "c") and ("a", "b/c") cannot collide.
     */
    public static String idOf(String landlordId, String complaintRef, int stage, AlertType type,
            LocalDate dueDate) {
        String name = "complaint-monitor/alert/v1|" + part(landlordId) + part(complaintRef) + stage + "|" + type
                + "|" + dueDate;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String part(String value) {
        return value.length() + ":" + value + "|";
    }
}
