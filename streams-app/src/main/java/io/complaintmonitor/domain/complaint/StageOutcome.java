package io.complaintmonitor.domain.complaint;

import io.complaintmonitor.domain.LondonTime;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What one stage of one complaint counts for in the audit summary and the statistics, with
 * the labels statistics group by. Judged on the facts known, so an audit's figures are those as
 * of its last event.
 *
 * @param received the receipt (stage 1) or escalation request (stage 2) was seen; a complaint
 *     never seen RECEIVED is not counted as received
 * @param acknowledged acknowledged, or responded without an acknowledgement
 * @param acknowledgedWithinTimescale acknowledged (or responded) on or before the acknowledgement
 *     due date; false where that date is unknown (receipt never seen)
 * @param respondedWithinTimescale the response date is on or before the response due date in
 *     force before the response, an agreed extension counting only up to the Code's limit; false
 *     where that date is unknown
 * @param open started and not yet responded to, refused, withdrawn or closed
 * @param acknowledgementDue null where the receipt or escalation request was never seen
 * @param responseDue for a responded stage the date it was judged against; otherwise the date in
 *     force now, as told to the resident; null where unknown
 * @param contractorId the contractor who last handled the stage, where one did
 */
public record StageOutcome(
        String landlordId,
        String complaintRef,
        int stage,
        String category,
        String contractorId,
        String handlingTeam,
        boolean received,
        boolean acknowledged,
        boolean acknowledgedWithinTimescale,
        boolean responded,
        boolean respondedWithinTimescale,
        boolean open,
        LocalDate acknowledgementDue,
        LocalDate responseDue) {

    static StageOutcome of(ComplaintState state, int stage, StageClock clock) {
        StageFacts facts = state.stage(stage);
        Instant acknowledgedAt = facts.effectiveAcknowledgedAt();
        Instant respondedAt = facts.respondedAt();
        LocalDate acknowledgementDue = clock.acknowledgementDue();
        LocalDate responseDue = respondedAt != null
                ? clock.responseDueForFigures(respondedAt)
                : clock.responseDue(null);
        return new StageOutcome(
                state.landlordId(),
                state.complaintRef(),
                stage,
                state.category(),
                facts.latestContractor(),
                state.latestHandlingTeam(),
                facts.triggeredAt() != null,
                acknowledgedAt != null,
                onOrBefore(acknowledgedAt, acknowledgementDue),
                respondedAt != null,
                onOrBefore(respondedAt, responseDue),
                respondedAt == null && ComplaintRules.stoppedAt(state, stage) == null,
                acknowledgementDue,
                responseDue);
    }

    private static boolean onOrBefore(Instant happened, LocalDate lastAllowedDay) {
        return happened != null && lastAllowedDay != null && !LondonTime.dateOf(happened).isAfter(lastAllowedDay);
    }
}
