package io.complaintmonitor.audit;

import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.complaint.ComplaintState;
import io.complaintmonitor.domain.complaint.StageFacts;
import io.complaintmonitor.domain.complaint.StageOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One complaint's final state in the audit, as a line of complaints.jsonl: what happened on which
 * (London) date, the due dates and the within-timescale flags the summary counts. The flags and due
 * dates come from the rules ({@link StageOutcome}); the dates are the state's own facts.
 *
 * @param refusedOn date of the earliest REFUSED, if any
 * @param withdrawnOn date of the earliest WITHDRAWN, if any
 */
public record ComplaintReport(String landlordId, String complaintRef, String category, String handlingTeam,
        LocalDate refusedOn, LocalDate withdrawnOn, List<Stage> stages) {

    public ComplaintReport {
        stages = List.copyOf(stages);
    }

    /**
     * One stage started, with its outcome.
     *
     * @param receivedOn the receipt (stage 1) or escalation request (stage 2); null if never seen
     * @param acknowledgedOn the acknowledgement, or the response where there was none
     * @param acknowledgementDue null where the receipt or escalation request was never seen
     * @param responseDue for a responded stage the date it was judged against (an extension counted
     *     up to the Code's limit); otherwise the date in force now; null where unknown
     * @param open started and not yet responded to, refused, withdrawn or closed
     */
    public record Stage(int stage, String contractorId, LocalDate receivedOn, LocalDate acknowledgementDue,
            LocalDate acknowledgedOn, boolean acknowledgedWithinTimescale, LocalDate responseDue,
            LocalDate respondedOn, boolean respondedWithinTimescale, boolean open) {
    }

    /** The report of {@code state}, whose per-stage outcomes the rules gave as {@code outcomes}. */
    public static ComplaintReport of(ComplaintState state, List<StageOutcome> outcomes) {
        List<Stage> stages = outcomes.stream().map(outcome -> {
            StageFacts facts = state.stage(outcome.stage());
            return new Stage(outcome.stage(), outcome.contractorId(), dateOf(facts.triggeredAt()),
                    outcome.acknowledgementDue(), dateOf(facts.effectiveAcknowledgedAt()),
                    outcome.acknowledgedWithinTimescale(), outcome.responseDue(), dateOf(facts.respondedAt()),
                    outcome.respondedWithinTimescale(), outcome.open());
        }).toList();
        return new ComplaintReport(state.landlordId(), state.complaintRef(), state.category(),
                state.latestHandlingTeam(), dateOf(state.refusedAt()), dateOf(state.withdrawnAt()), stages);
    }

    private static LocalDate dateOf(Instant instant) {
        return instant == null ? null : LondonTime.dateOf(instant);
    }
}
