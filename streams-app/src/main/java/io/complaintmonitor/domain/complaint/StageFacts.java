package io.complaintmonitor.domain.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What is known about one stage of a complaint: facts with their event times, never derived
 * due dates. Due dates are worked out from these on demand ({@link StageClock}), so an event that
 * arrives out of order lands in its place in time and the result does not depend on arrival order.
 *
 * @param startedAt earliest event of the stage seen, of any type
 * @param triggeredAt earliest receipt (stage 1) or escalation request (stage 2); null if never seen
 * @param triggerSource the source that sent that receipt or request: the stage's channel in the figures
 * @param acknowledgedAt earliest ACKNOWLEDGED of the stage
 * @param definitionRecorded whether that acknowledgement set out the definition (Code 5.6)
 * @param respondedAt earliest RESPONSE_ISSUED of the stage
 * @param extensions every EXTENSION_AGREED of the stage, in time order
 * @param contacts instants of every contact with the resident in the stage (ACKNOWLEDGED,
 *     EXTENSION_AGREED, RESIDENT_UPDATED, RESPONSE_ISSUED), in time order, distinct
 * @param contractors contractor handling the stage from each instant on, in time order
 */
public record StageFacts(
        Instant startedAt,
        Instant triggeredAt,
        Source triggerSource,
        Instant acknowledgedAt,
        boolean definitionRecorded,
        Instant respondedAt,
        String outcome,
        Long remedyAmountPence,
        List<Extension> extensions,
        List<Instant> contacts,
        List<TimedValue> contractors) {

    public static final StageFacts NONE =
            new StageFacts(null, null, null, null, false, null, null, null, List.of(), List.of(), List.of());

    public StageFacts {
        extensions = List.copyOf(extensions);
        contacts = List.copyOf(contacts);
        contractors = List.copyOf(contractors);
    }

    /** Whether any event of this stage has been seen. */
    public boolean started() {
        return startedAt != null;
    }

    /** Acknowledged, or responded without an acknowledgement: whichever came first. */
    public Instant effectiveAcknowledgedAt() {
        return TimedValue.earliest(acknowledgedAt, respondedAt);
    }

    /** The contractor handling the stage at {@code at} (by events before it, or at it when {@code inclusive}). */
    public String contractorAt(Instant at, boolean inclusive) {
        return TimedValue.valueAt(contractors, at, inclusive);
    }

    /** The contractor who last handled the stage. */
    public String latestContractor() {
        return contractors.isEmpty() ? null : contractors.get(contractors.size() - 1).value();
    }

    /**
     * An agreed extension.
     *
     * @param updateIntervalWorkingDays Code 5.9 interval, null where none was stated
     */
    public record Extension(Instant agreedAt, LocalDate newDueDate, Integer updateIntervalWorkingDays) {
    }
}
