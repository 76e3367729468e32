package io.complaintmonitor.domain.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The audit summary's figures, exactly as issue 3 defines them, from one implementation. */
class ComplianceSummaryTest {

    @Test
    void shouldCountEachStageAsTheAuditSectionDefines() {
        // A: acknowledged and answered in time.
        Scenario a = new Scenario().received("2025-12-19 10:00")
                .acknowledged(1, "2025-12-22 11:00")
                .responded(1, "2026-01-08 12:00");
        // B: acknowledged late (due 30 December), answered late (due Thursday 15 January, 10
        // working days after the acknowledgement on the 31st).
        Scenario b = new Scenario().received("2025-12-19 10:00")
                .acknowledged(1, "2025-12-31 11:00")
                .responded(1, "2026-01-16 12:00");
        // C: answered without acknowledgement, in time; then escalated and still open at stage 2.
        Scenario c = new Scenario().received("2025-12-19 10:00")
                .responded(1, "2025-12-29 12:00")
                .escalated("2026-01-12 10:00");
        // D: never seen received: acknowledged and open, not received.
        Scenario d = new Scenario().acknowledged(1, "2025-12-22 11:00");
        // E: refused, so not open.
        Scenario e = new Scenario().received("2025-12-19 10:00").refused("2025-12-20 10:00");
        // F: closed stage 1 without a response.
        Scenario f = new Scenario().received("2025-12-19 10:00").closed("2025-12-23 10:00");

        ComplianceSummary sum = ComplianceSummary.EMPTY;
        for (Scenario s : new Scenario[] {a, b, c, d, e, f}) {
            sum = sum.plus(s.rules.summaryOf(s.state));
        }

        assertThat(sum.stage(1)).isEqualTo(new StageCounts(5, 4, 2, 3, 2, 1));
        assertThat(sum.stage(2)).isEqualTo(new StageCounts(1, 0, 0, 0, 0, 1));
    }

    @Test
    void shouldJudgeTheResponseAgainstTheDateBeforeItAndAnExtensionOnlyUpToTheLimit() {
        // Acknowledged Tuesday 3 February 2026: due Tuesday 17 February, limit Tuesday 3 March.
        Scenario extendedTooFar = new Scenario().received("2026-02-02 09:00")
                .acknowledged(1, "2026-02-03 10:00")
                .extended(1, "2026-02-12 10:00", "2026-03-06")
                .responded(1, "2026-03-05 10:00");

        StageOutcome outcome = extendedTooFar.outcome(1);
        assertThat(outcome.responseDue()).isEqualTo(Scenario.date("2026-03-03"));
        assertThat(outcome.respondedWithinTimescale()).isFalse();
        assertThat(outcome.acknowledgementDue()).isEqualTo(Scenario.date("2026-02-09"));
    }

    @Test
    void shouldAddSummariesAssociatively() {
        Scenario a = new Scenario().received("2025-12-19 10:00").acknowledged(1, "2025-12-22 11:00");
        Scenario b = new Scenario().received("2025-12-19 10:00").escalated("2026-01-12 10:00");
        ComplianceSummary sa = a.rules.summaryOf(a.state);
        ComplianceSummary sb = b.rules.summaryOf(b.state);

        assertThat(sa.plus(sb)).isEqualTo(sb.plus(sa));
        assertThat(sa.plus(ComplianceSummary.EMPTY)).isEqualTo(sa);
        assertThat(sa.plus(sb).stage(1).received()).isEqualTo(2);
        assertThat(sa.plus(sb).stage(2).open()).isEqualTo(1);
    }
}
