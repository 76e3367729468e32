package io.complaintmonitor.domain.complaint;

import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.WorkingDayCalendar;
import io.complaintmonitor.domain.stats.ComplaintFigures;
import io.complaintmonitor.domain.stats.Labels;
import io.complaintmonitor.domain.stats.Measures;
import io.complaintmonitor.domain.stats.Step;
import io.complaintmonitor.domain.stats.StepMeasure;
import io.complaintmonitor.domain.stats.Tally;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a complaint's facts contribute to the statistics and headline measures. Uses the same
 * clocks and {@link StageOutcome} as the alerts and the audit summary, so the figures cannot
 * disagree with them about what was done or on time: a step is done when its acknowledgement or
 * response happened, even after the stage's clock was stopped (the audit counts that response
 * too); the stop only ends the time it counts as open past due.
 */
final class FiguresOf {

    private FiguresOf() {
    }

    static ComplaintFigures of(ComplaintRules rules, ComplaintState state) {
        List<StepMeasure> steps = new ArrayList<>(4);
        List<Tally> tallies = new ArrayList<>();
        WorkingDayCalendar calendar = rules.calendar();
        Labels firstStarted = null;
        for (StageOutcome outcome : rules.outcomesOf(state)) {
            int stage = outcome.stage();
            StageFacts facts = state.stage(stage);
            StageClock clock = rules.clock(state, stage);
            Instant stop = ComplaintRules.stoppedAt(state, stage);
            Labels labels = new Labels(state.landlordId(),
                    facts.triggerSource() == null ? null : facts.triggerSource().label(),
                    state.category(), outcome.contractorId(), outcome.handlingTeam());
            if (firstStarted == null) {
                firstStarted = labels;
            }
            if (facts.triggeredAt() != null) {
                steps.add(acknowledgement(stage, facts, outcome, stop, labels, calendar));
                tallies.add(new Tally(Measures.received(stage), date(facts.triggeredAt()), 1, labels));
            }
            LocalDate responseDue = clock.responseDue(facts.respondedAt());
            if (responseDue != null) {
                steps.add(response(stage, facts, outcome, stop, labels, calendar, responseDue));
            }
            Instant responded = facts.respondedAt();
            if (outcome.responded()) {
                LocalDate on = date(responded);
                tallies.add(new Tally(Measures.responded(stage), on, 1, labels));
                if (outcome.respondedWithinTimescale()) {
                    tallies.add(new Tally(Measures.respondedWithin(stage), on, 1, labels));
                }
                LocalDate strictDue = clock.responseDueWithoutExtension(responded);
                if (strictDue != null && !on.isAfter(strictDue)) {
                    tallies.add(new Tally(Measures.respondedWithinStrict(stage), on, 1, labels));
                }
                tallies.add(new Tally(Measures.outcome(stage, facts.outcome()), on, 1, labels));
                if (facts.remedyAmountPence() != null && facts.remedyAmountPence() > 0) {
                    tallies.add(new Tally(Measures.remediesOffered(stage), on, 1, labels));
                    tallies.add(new Tally(Measures.remedyPence(stage), on, facts.remedyAmountPence(), labels));
                }
            }
        }
        Labels complaintLabels = firstStarted != null ? firstStarted
                : new Labels(state.landlordId(), null, state.category(), null, state.latestHandlingTeam());
        if (state.refusedAt() != null) {
            tallies.add(new Tally(Measures.refused(state.refusalReason()), date(state.refusedAt()), 1, complaintLabels));
        }
        if (state.withdrawnAt() != null) {
            tallies.add(new Tally(Measures.WITHDRAWN, date(state.withdrawnAt()), 1, complaintLabels));
        }
        if (state.ombudsmanReferredAt() != null) {
            tallies.add(new Tally(Measures.OMBUDSMAN_REFERRED, date(state.ombudsmanReferredAt()), 1, complaintLabels));
        }
        if (state.ombudsmanDeterminedAt() != null) {
            tallies.add(new Tally(Measures.OMBUDSMAN_DETERMINED, date(state.ombudsmanDeterminedAt()), 1,
                    complaintLabels));
        }
        return new ComplaintFigures(steps, tallies);
    }

    /** Counted from the receipt or escalation request to the acknowledgement (or a response without one). */
    private static StepMeasure acknowledgement(int stage, StageFacts facts, StageOutcome outcome, Instant stop,
            Labels labels, WorkingDayCalendar calendar) {
        Instant done = facts.effectiveAcknowledgedAt();
        boolean finished = done != null;
        LocalDate due = outcome.acknowledgementDue();
        return new StepMeasure(Step.of(stage, false), labels,
                finished ? date(done) : null,
                finished ? days(calendar, date(facts.triggeredAt()), date(done)) : 0,
                finished && outcome.acknowledgedWithinTimescale(),
                0,
                due.plusDays(1),
                overdueUntil(done, stop));
    }

    /**
     * Counted from the acknowledgement, or without one from the day it was due, to the response:
     * the Code's response timescale runs from the acknowledgement.
     */
    private static StepMeasure response(int stage, StageFacts facts, StageOutcome outcome, Instant stop,
            Labels labels, WorkingDayCalendar calendar, LocalDate responseDue) {
        Instant done = facts.respondedAt();
        boolean finished = done != null;
        LocalDate start = facts.acknowledgedAt() != null ? date(facts.acknowledgedAt())
                : outcome.acknowledgementDue() != null ? outcome.acknowledgementDue() : null;
        int extensions = (int) facts.extensions().stream()
                .filter(e -> done == null || e.agreedAt().isBefore(done))
                .count();
        return new StepMeasure(Step.of(stage, true), labels,
                finished ? date(done) : null,
                finished && start != null ? days(calendar, start, date(done)) : 0,
                finished && outcome.respondedWithinTimescale(),
                extensions,
                responseDue.plusDays(1),
                overdueUntil(done, stop));
    }

    /** The first day at whose start the step is no longer open: done or stopped, whichever came first. */
    private static LocalDate overdueUntil(Instant done, Instant stop) {
        Instant end = TimedValue.earliest(done, stop);
        if (end == null) {
            return null;
        }
        LocalDate day = date(end);
        // Open at the start of the day it ended on, unless it ended at exactly that midnight.
        return end.equals(LondonTime.startOf(day)) ? day : day.plusDays(1);
    }

    private static int days(WorkingDayCalendar calendar, LocalDate from, LocalDate to) {
        return Math.max(0, calendar.workingDaysBetween(from, to));
    }

    private static LocalDate date(Instant instant) {
        return LondonTime.dateOf(instant);
    }
}
