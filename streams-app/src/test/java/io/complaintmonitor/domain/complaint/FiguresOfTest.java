package io.complaintmonitor.domain.complaint;

import static io.complaintmonitor.domain.complaint.Scenario.date;
import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.stats.ComplaintFigures;
import io.complaintmonitor.domain.stats.Labels;
import io.complaintmonitor.domain.stats.Step;
import io.complaintmonitor.domain.stats.StepMeasure;
import io.complaintmonitor.domain.stats.Tally;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What a complaint's events contribute to the figures, through {@link ComplaintRules#apply} and
 * {@link ComplaintRules#figuresOf}. Bank holidays in England and Wales used below: 25 and 26
 * December 2025, 1 January 2026. The Code: acknowledge within 5 working days of receipt (6.2) or
 * escalation request (6.11); respond within 10 (6.3) or 20 (6.14) working days of the
 * acknowledgement; a working-day count (a, b] excludes a and includes b.
 */
class FiguresOfTest {

    /** What {@link Scenario#received} gives: CRM receipt, category REPAIRS, team housing-north. */
    private static final Labels CRM_REPAIRS = labels("crm", "REPAIRS", null, "housing-north");

    private static Labels labels(String source, String category, String contractorId, String team) {
        return new Labels(Scenario.LANDLORD, source, category, contractorId, team);
    }

    private static StepMeasure step(Step step, Labels labels, String finishedOn, int workingDays, boolean within,
            int extensions, String overdueFrom, String overdueUntil) {
        return new StepMeasure(step, labels, finishedOn == null ? null : date(finishedOn), workingDays, within,
                extensions, overdueFrom == null ? null : date(overdueFrom),
                overdueUntil == null ? null : date(overdueUntil));
    }

    private static Tally tally(String measure, String on, long amount, Labels labels) {
        return new Tally(measure, date(on), amount, labels);
    }

    private static Tally tally(String measure, String on, Labels labels) {
        return tally(measure, on, 1, labels);
    }

    private static ComplaintFigures figures(Scenario s) {
        return s.rules.figuresOf(s.state);
    }

    @Test
    void shouldMeasureStageOneInWorkingDaysWhenChristmasBankHolidaysFallInside() {
        Scenario s = new Scenario().received("2025-12-19 10:00")
                .acknowledged(1, "2025-12-29 11:00");
        s.on(s.crm(EventType.RESPONSE_ISSUED, "2026-01-12 12:00").stage(1).outcome("PARTLY_UPHELD")
                .remedyAmountPence(15_000L).build());

        ComplaintFigures f = figures(s);

        // Acknowledgement: received Friday 19 December, acknowledged Monday 29 December: 22, 23,
        // 24, 29 = 4 working days. Due 5 working days after the 19th: 22, 23, 24, 29, 30 -> Tuesday
        // 30 December, so overdue from the 31st; done on the 29th, so no longer open from the 30th.
        // Response: 10 working days from the acknowledgement on the 29th: 30, 31, 2, 5, 6, 7, 8,
        // 9, 12, 13 -> Tuesday 13 January; responded Monday 12 January after 9 of them.
        assertThat(f.steps()).containsExactly(
                step(Step.STAGE1_ACKNOWLEDGEMENT, CRM_REPAIRS, "2025-12-29", 4, true, 0, "2025-12-31", "2025-12-30"),
                step(Step.STAGE1_RESPONSE, CRM_REPAIRS, "2026-01-12", 9, true, 0, "2026-01-14", "2026-01-13"));
        assertThat(f.tallies()).containsExactly(
                tally("stage1.received", "2025-12-19", CRM_REPAIRS),
                tally("stage1.responded", "2026-01-12", CRM_REPAIRS),
                tally("stage1.responded.within", "2026-01-12", CRM_REPAIRS),
                tally("stage1.responded.within-strict", "2026-01-12", CRM_REPAIRS),
                tally("stage1.outcome.partly-upheld", "2026-01-12", CRM_REPAIRS),
                tally("stage1.remedy.offered", "2026-01-12", CRM_REPAIRS),
                tally("stage1.remedy.pence", "2026-01-12", 15_000, CRM_REPAIRS));
        assertThat(f.steps()).noneMatch(m -> m.openPastDueAt(date("2025-12-31")) || m.openPastDueAt(date("2026-01-14")));
    }

    @Test
    void shouldCountWithinButNotStrictWhenResponseUsesAnExtensionWithinTheLimit() {
        // Received Monday 2 February 2026; acknowledged Tuesday 3 February (1 working day; due
        // Monday 9 February: 3, 4, 5, 6, 9). Response due 10 working days after the 3rd: 4, 5, 6,
        // 9..13, 16, 17 -> Tuesday 17 February. Extended on the 12th to Tuesday 3 March, exactly
        // the Code's limit (10 working days after the 17th: 18, 19, 20, 23..27, 2, 3 March).
        // Responded Monday 2 March: 4, 5, 6 (3) + 9..13 (8) + 16..20 (13) + 23..27 (18) + 2 March
        // = 19 working days from the acknowledgement.
        Scenario s = new Scenario().received("2026-02-02 09:00")
                .acknowledged(1, "2026-02-03 10:00")
                .extended(1, "2026-02-12 10:00", "2026-03-03")
                .responded(1, "2026-03-02 10:00");

        ComplaintFigures f = figures(s);

        assertThat(f.steps()).containsExactly(
                step(Step.STAGE1_ACKNOWLEDGEMENT, CRM_REPAIRS, "2026-02-03", 1, true, 0, "2026-02-10", "2026-02-04"),
                step(Step.STAGE1_RESPONSE, CRM_REPAIRS, "2026-03-02", 19, true, 1, "2026-03-04", "2026-03-03"));
        assertThat(f.tallies()).containsExactly(
                tally("stage1.received", "2026-02-02", CRM_REPAIRS),
                tally("stage1.responded", "2026-03-02", CRM_REPAIRS),
                tally("stage1.responded.within", "2026-03-02", CRM_REPAIRS),
                tally("stage1.outcome.upheld", "2026-03-02", CRM_REPAIRS));
    }

    @Test
    void shouldCountStrictTooWhenResponseComesBeforeTheUnextendedDueDate() {
        // As above, but responded on Tuesday 17 February, the last day without the extension:
        // 4, 5, 6, 9..13, 16, 17 = 10 working days.
        Scenario s = new Scenario().received("2026-02-02 09:00")
                .acknowledged(1, "2026-02-03 10:00")
                .extended(1, "2026-02-12 10:00", "2026-03-03")
                .responded(1, "2026-02-17 16:00");

        ComplaintFigures f = figures(s);

        assertThat(f.steps()).element(1).isEqualTo(
                step(Step.STAGE1_RESPONSE, CRM_REPAIRS, "2026-02-17", 10, true, 1, "2026-03-04", "2026-02-18"));
        assertThat(f.tallies()).extracting(Tally::measure).containsExactly("stage1.received", "stage1.responded",
                "stage1.responded.within", "stage1.responded.within-strict", "stage1.outcome.upheld");
    }

    @Test
    void shouldNotCountWithinWhenTheExtensionGoesBeyondTheLimit() {
        // Acknowledged Tuesday 3 February 2026: due the 17th, limit Tuesday 3 March. Extended to
        // Friday 6 March and responded Thursday 5 March: late by the Code (judged against the 3rd),
        // though not past the date the resident was told (the 6th, so overdue only from the 7th).
        // 19 working days to 2 March, then 3, 4, 5 March: 22.
        Scenario s = new Scenario().received("2026-02-02 09:00")
                .acknowledged(1, "2026-02-03 10:00")
                .extended(1, "2026-02-12 10:00", "2026-03-06")
                .responded(1, "2026-03-05 10:00");

        ComplaintFigures f = figures(s);

        assertThat(f.steps()).element(1).isEqualTo(
                step(Step.STAGE1_RESPONSE, CRM_REPAIRS, "2026-03-05", 22, false, 1, "2026-03-07", "2026-03-06"));
        assertThat(f.tallies()).extracting(Tally::measure).containsExactly("stage1.received", "stage1.responded",
                "stage1.outcome.upheld");
    }

    @Test
    void shouldCountRefusalByReasonWithTheStageLabelsWhenComplaintIsRefused() {
        Scenario s = new Scenario().received("2025-12-19 10:00").refused("2025-12-22 10:00");

        ComplaintFigures f = figures(s);

        // Neither step finishes. Acknowledgement due 30 December (overdue from the 31st); the
        // response, with no acknowledgement, 10 working days after that: 31, 2, 5..9, 12, 13, 14
        // -> Wednesday 14 January. The refusal on Monday 22 December ends both before they are due
        // (no longer open from the 23rd), so neither is ever open past due.
        assertThat(f.steps()).containsExactly(
                step(Step.STAGE1_ACKNOWLEDGEMENT, CRM_REPAIRS, null, 0, false, 0, "2025-12-31", "2025-12-23"),
                step(Step.STAGE1_RESPONSE, CRM_REPAIRS, null, 0, false, 0, "2026-01-15", "2025-12-23"));
        assertThat(f.tallies()).containsExactly(
                tally("stage1.received", "2025-12-19", CRM_REPAIRS),
                tally("refused.OUT_OF_TIME", "2025-12-22", CRM_REPAIRS));
        for (LocalDate day = date("2025-12-19"); day.isBefore(date("2026-02-01")); day = day.plusDays(1)) {
            final LocalDate at = day;
            assertThat(f.steps()).noneMatch(m -> m.openPastDueAt(at));
        }
    }

    @Test
    void shouldCountRefusalAsUnspecifiedWithComplaintLabelsWhenNoStageStartedAndNoReasonGiven() {
        Scenario s = new Scenario();
        s.on(s.crm(EventType.REFUSED, "2025-12-22 10:00").category("ASB").handlingTeam("housing-south").build());

        ComplaintFigures f = figures(s);

        assertThat(f.steps()).isEmpty();
        assertThat(f.tallies()).containsExactly(
                tally("refused.unspecified", "2025-12-22", labels(null, "ASB", null, "housing-south")));
    }

    @Test
    void shouldCountWithdrawalAndNoResponseWhenComplaintIsWithdrawn() {
        Scenario s = new Scenario().received("2025-12-19 10:00")
                .acknowledged(1, "2025-12-22 11:00")
                .withdrawn("2026-01-05 10:00");

        ComplaintFigures f = figures(s);

        // Response due Thursday 8 January (23, 24, 29, 30, 31, 2, 5, 6, 7, 8); withdrawn before.
        assertThat(f.steps()).element(1).isEqualTo(
                step(Step.STAGE1_RESPONSE, CRM_REPAIRS, null, 0, false, 0, "2026-01-09", "2026-01-06"));
        assertThat(f.tallies()).containsExactly(
                tally("stage1.received", "2025-12-19", CRM_REPAIRS),
                tally("withdrawn", "2026-01-05", CRM_REPAIRS));
    }

    @Test
    void shouldLabelEachStageByItsOwnReceiptAndCountOmbudsmanStepsWhenComplaintGoesThroughBothStages() {
        Scenario s = new Scenario().received("2025-12-19 10:00")
                .acknowledged(1, "2025-12-29 11:00")
                .responded(1, "2026-01-12 09:00");
        s.on(s.event(Source.WEBFORM, EventType.ESCALATION_REQUESTED, "2026-01-12 10:00").build())
                .acknowledged(2, "2026-01-16 11:00");
        s.on(s.crm(EventType.RESPONSE_ISSUED, "2026-02-11 12:00").stage(2).outcome("NOT_UPHELD").build());
        s.on(s.crm(EventType.OMBUDSMAN_REFERRED, "2026-03-02 10:00").build());
        s.on(s.crm(EventType.OMBUDSMAN_DETERMINED, "2026-06-01 10:00").build());

        ComplaintFigures f = figures(s);

        // Stage 2 was asked for through the web form, so its facts count under source=webform.
        // Escalation request Monday 12 January: acknowledgement due 13, 14, 15, 16, 19 -> Monday
        // 19 January; acknowledged Friday the 16th, 4 working days. Response due 20 working days
        // after the 16th: 19..23, 26..30, 2..6 February, 9..13 -> Friday 13 February; responded
        // Wednesday 11 February, 5 + 5 + 5 + 3 = 18 working days.
        Labels stage2 = labels("webform", "REPAIRS", null, "housing-north");
        assertThat(f.steps()).containsExactly(
                step(Step.STAGE1_ACKNOWLEDGEMENT, CRM_REPAIRS, "2025-12-29", 4, true, 0, "2025-12-31", "2025-12-30"),
                step(Step.STAGE1_RESPONSE, CRM_REPAIRS, "2026-01-12", 9, true, 0, "2026-01-14", "2026-01-13"),
                step(Step.STAGE2_ACKNOWLEDGEMENT, stage2, "2026-01-16", 4, true, 0, "2026-01-20", "2026-01-17"),
                step(Step.STAGE2_RESPONSE, stage2, "2026-02-11", 18, true, 0, "2026-02-14", "2026-02-12"));
        // The complaint-wide tallies carry the labels of the first stage.
        assertThat(f.tallies()).containsExactly(
                tally("stage1.received", "2025-12-19", CRM_REPAIRS),
                tally("stage1.responded", "2026-01-12", CRM_REPAIRS),
                tally("stage1.responded.within", "2026-01-12", CRM_REPAIRS),
                tally("stage1.responded.within-strict", "2026-01-12", CRM_REPAIRS),
                tally("stage1.outcome.upheld", "2026-01-12", CRM_REPAIRS),
                tally("stage2.received", "2026-01-12", stage2),
                tally("stage2.responded", "2026-02-11", stage2),
                tally("stage2.responded.within", "2026-02-11", stage2),
                tally("stage2.responded.within-strict", "2026-02-11", stage2),
                tally("stage2.outcome.not-upheld", "2026-02-11", stage2),
                tally("ombudsman.referred", "2026-03-02", CRM_REPAIRS),
                tally("ombudsman.determined", "2026-06-01", CRM_REPAIRS));
    }

    @Test
    void shouldLabelSourceAndContractorFromTheStageReceiptWhenItCameFromWebFormOrContractor() {
        Scenario web = new Scenario();
        web.on(web.event(Source.WEBFORM, EventType.RECEIVED, "2025-12-19 10:00").build());
        Scenario contractor = new Scenario();
        contractor.on(contractor.event(Source.CONTRACTOR, EventType.RECEIVED, "2025-12-19 10:00")
                .contractorId("acme-repairs").category("REPAIRS").build());
        // A CRM receipt whose acknowledgement came from a contractor: source stays crm, and the
        // contractor who handled the stage labels it.
        Scenario handled = new Scenario().received("2025-12-19 10:00");
        handled.on(handled.event(Source.CONTRACTOR, EventType.ACKNOWLEDGED, "2025-12-22 11:00").stage(1)
                .contractorId("acme-repairs").build());

        assertThat(figures(web).tallies()).containsExactly(
                tally("stage1.received", "2025-12-19", labels("webform", null, null, null)));
        assertThat(figures(contractor).steps()).extracting(StepMeasure::labels)
                .containsOnly(labels("contractor", "REPAIRS", "acme-repairs", null));
        assertThat(figures(handled).steps()).extracting(StepMeasure::labels)
                .containsOnly(labels("crm", "REPAIRS", "acme-repairs", "housing-north"));
    }

    @Test
    void shouldCountTheResponseAsTheAuditDoesButEndTheOverdueIntervalAtTheClosureWhenResponseFollowsAClosure() {
        // Acknowledged Monday 22 December: response due 23, 24, 29, 30, 31, 2, 5, 6, 7, 8 ->
        // Thursday 8 January, overdue from the 9th. Closed Tuesday 20 January at 10:00, so open
        // past due at the start of the 20th but not of the 21st. The response on the 22nd still
        // counts as a (late) response, as in the audit summary: 20 working days after the
        // acknowledgement (5 in December, 2 January, then 5 + 5 + 4 in January).
        Scenario s = new Scenario().received("2025-12-19 10:00")
                .acknowledged(1, "2025-12-22 11:00")
                .closed("2026-01-20 10:00")
                .responded(1, "2026-01-22 10:00");

        ComplaintFigures f = figures(s);

        StepMeasure response = step(Step.STAGE1_RESPONSE, CRM_REPAIRS, "2026-01-22", 20, false, 0, "2026-01-09",
                "2026-01-21");
        assertThat(f.steps()).containsExactly(
                step(Step.STAGE1_ACKNOWLEDGEMENT, CRM_REPAIRS, "2025-12-22", 1, true, 0, "2025-12-31", "2025-12-23"),
                response);
        assertThat(f.tallies()).containsExactly(tally("stage1.received", "2025-12-19", CRM_REPAIRS),
                tally("stage1.responded", "2026-01-22", CRM_REPAIRS),
                tally("stage1.outcome.upheld", "2026-01-22", CRM_REPAIRS));
        assertThat(response.openPastDueAt(date("2026-01-08"))).isFalse();
        assertThat(response.openPastDueAt(date("2026-01-09"))).isTrue();
        assertThat(response.openPastDueAt(date("2026-01-20"))).isTrue();
        assertThat(response.openPastDueAt(date("2026-01-21"))).isFalse();
    }

    @Test
    void shouldEndTheOverdueIntervalOnTheClosureDayWhenClosedExactlyAtMidnight() {
        // Closed at 00:00 on Tuesday 20 January: no longer open at the start of the 20th.
        Scenario s = new Scenario().received("2025-12-19 10:00")
                .acknowledged(1, "2025-12-22 11:00")
                .closed("2026-01-20 00:00");

        assertThat(figures(s).steps()).element(1).isEqualTo(
                step(Step.STAGE1_RESPONSE, CRM_REPAIRS, null, 0, false, 0, "2026-01-09", "2026-01-20"));
    }

    @Test
    void shouldLeaveOverdueUntilOpenWhenStepIsStillOpen() {
        Scenario s = new Scenario().received("2025-12-19 10:00").acknowledged(1, "2025-12-22 11:00");

        ComplaintFigures f = figures(s);

        StepMeasure response = f.steps().get(1);
        assertThat(response).isEqualTo(
                step(Step.STAGE1_RESPONSE, CRM_REPAIRS, null, 0, false, 0, "2026-01-09", null));
        assertThat(response.finished()).isFalse();
        assertThat(response.openPastDueAt(date("2026-01-08"))).isFalse();
        assertThat(response.openPastDueAt(date("2026-01-09"))).isTrue();
        assertThat(response.openPastDueAt(date("2026-12-31"))).isTrue();
        assertThat(f.tallies()).containsExactly(tally("stage1.received", "2025-12-19", CRM_REPAIRS));
    }

    @Test
    void shouldCountOnlyTheResponseStepUnderSourceUnknownWhenTheReceiptWasNeverSeen() {
        // No receipt: no acknowledgement step (its due date is unknown) and nothing received.
        // The response is still due 10 working days after the acknowledgement on Monday 22
        // December: Thursday 8 January, overdue from the 9th.
        Scenario s = new Scenario().acknowledged(1, "2025-12-22 11:00");

        ComplaintFigures f = figures(s);

        assertThat(f.steps()).containsExactly(
                step(Step.STAGE1_RESPONSE, labels(null, null, null, null), null, 0, false, 0, "2026-01-09", null));
        assertThat(f.tallies()).isEmpty();
    }

    @Test
    void shouldGiveTheSameFiguresWhenTheSameEventsArriveInAnyOrder() {
        Scenario b = new Scenario();
        List<ComplaintEvent> events = new ArrayList<>(List.of(
                // Two receipts at one instant: the tie goes to CRM, whichever arrives first.
                b.event(Source.WEBFORM, EventType.RECEIVED, "2025-12-19 10:00").build(),
                b.crm(EventType.RECEIVED, "2025-12-19 10:00").category("REPAIRS").handlingTeam("housing-north").build(),
                // A later category does not replace the earliest.
                b.crm(EventType.ACKNOWLEDGED, "2025-12-29 11:00").stage(1).category("DAMP_MOULD")
                        .definitionRecorded(true).build(),
                b.event(Source.CONTRACTOR, EventType.RESIDENT_UPDATED, "2026-01-05 10:00").stage(1)
                        .contractorId("acme-repairs").build(),
                b.crm(EventType.EXTENSION_AGREED, "2026-01-08 10:00").stage(1).newDueDate(date("2026-01-20"))
                        .extensionReason("AWAITING_SURVEY").build(),
                b.crm(EventType.RESIDENT_UPDATED, "2026-01-09 10:00").stage(1).handlingTeam("housing-south").build(),
                b.crm(EventType.RESPONSE_ISSUED, "2026-01-16 12:00").stage(1).outcome("PARTLY_UPHELD")
                        .remedyAmountPence(5_000L).build(),
                // A second response and a second category at the same instants: ties decided by value, not arrival.
                b.event(Source.CONTRACTOR, EventType.RESPONSE_ISSUED, "2026-01-16 12:00").stage(1)
                        .contractorId("acme-repairs").outcome("UPHELD").remedyAmountPence(9_000L).build(),
                b.event(Source.WEBFORM, EventType.RECEIVED, "2025-12-19 10:00").category("TENANCY").build(),
                b.event(Source.WEBFORM, EventType.ESCALATION_REQUESTED, "2026-01-26 10:00").build(),
                b.crm(EventType.ACKNOWLEDGED, "2026-01-28 10:00").stage(2).definitionRecorded(true).build(),
                b.event(Source.CONTRACTOR, EventType.EXTENSION_AGREED, "2026-02-10 10:00").stage(2)
                        .contractorId("acme-repairs").newDueDate(date("2026-03-10")).build(),
                b.crm(EventType.WITHDRAWN, "2026-03-20 10:00").build(),
                b.crm(EventType.RESPONSE_ISSUED, "2026-03-25 10:00").stage(2).outcome("UPHELD").build(),
                b.crm(EventType.OMBUDSMAN_REFERRED, "2026-04-01 10:00").build()));
        events.add(events.get(6)); // redelivered

        ComplaintFigures inOrder = applyAll(b.rules, events);

        // Stage 1: acknowledged 29 December, response due 13 January, extended on the 8th to the
        // 20th (within the limit, 27 January); responded Friday 16 January, 13 working days after
        // the acknowledgement (30, 31, 2, 5..9, 12..16): within, not strict.
        Labels stage1 = labels("crm", "REPAIRS", "acme-repairs", "housing-south");
        assertThat(inOrder.steps().get(1)).isEqualTo(
                step(Step.STAGE1_RESPONSE, stage1, "2026-01-16", 13, true, 1, "2026-01-21", "2026-01-17"));
        // Stage 2: acknowledged Wednesday 28 January, response due 20 working days later, Wednesday
        // 25 February; extended to 10 March, overdue from the 11th; withdrawn on 20 March, so it is
        // open past due 11..20 March. The response on the 25th, after the withdrawal, still counts
        // as a late response (as in the audit): 40 working days after the acknowledgement.
        Labels stage2 = labels("webform", "REPAIRS", "acme-repairs", "housing-south");
        assertThat(inOrder.steps().get(3)).isEqualTo(
                step(Step.STAGE2_RESPONSE, stage2, "2026-03-25", 40, false, 1, "2026-03-11", "2026-03-21"));
        assertThat(inOrder.tallies()).extracting(Tally::measure).containsExactly("stage1.received",
                "stage1.responded", "stage1.responded.within", "stage1.outcome.partly-upheld",
                "stage1.remedy.offered", "stage1.remedy.pence", "stage2.received", "stage2.responded",
                "stage2.outcome.upheld", "withdrawn", "ombudsman.referred");

        Random random = new Random(20260116L);
        for (int i = 0; i < 200; i++) {
            List<ComplaintEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertThat(applyAll(b.rules, shuffled)).as("permutation %d: %s", i, shuffled).isEqualTo(inOrder);
        }
    }

    private static ComplaintFigures applyAll(ComplaintRules rules, List<ComplaintEvent> events) {
        ComplaintState state = null;
        for (ComplaintEvent e : events) {
            state = rules.apply(state, e).state();
        }
        return rules.figuresOf(state);
    }
}
