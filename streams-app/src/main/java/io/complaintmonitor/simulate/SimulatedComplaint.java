package io.complaintmonitor.simulate;

import java.time.LocalDate;
import java.util.List;

/**
 * What the simulation decided for one complaint, from its own draws (never from the monitor's
 * rules): tests compare the distributions with these, and the events follow from them.
 *
 * @param landlordId null for the single (default) landlord
 * @param receivedOn the London date of the earliest receipt
 * @param channel how it was made; WEB_FORM ones are received by the web form source
 * @param contractorId the contractor handling stage 1, or null when handled in house
 * @param outcome1 the stage 1 outcome, or null when never answered (refused, withdrawn)
 * @param steps the timed steps, in order: acknowledgement and response of stage 1, then of stage 2
 */
public record SimulatedComplaint(
        String ref,
        String landlordId,
        String category,
        LocalDate receivedOn,
        String channel,
        String team,
        String contractorId,
        String refusalReason,
        boolean withdrawn,
        String outcome1,
        boolean escalated,
        List<Step> steps) {

    public enum StepKind { STAGE1_ACKNOWLEDGEMENT, STAGE1_RESPONSE, STAGE2_ACKNOWLEDGEMENT, STAGE2_RESPONSE }

    /**
     * One step and whether it met its timescale as the Code counts it: the response within the due
     * date in force, an extension counting only up to the Code's limit.
     *
     * @param handler the team or contractor id that took the step
     * @param extended whether an extension was agreed for it
     */
    public record Step(StepKind kind, String handler, LocalDate due, LocalDate done, boolean withinTimescale,
            boolean extended) {
    }

    public SimulatedComplaint {
        steps = List.copyOf(steps);
    }
}
