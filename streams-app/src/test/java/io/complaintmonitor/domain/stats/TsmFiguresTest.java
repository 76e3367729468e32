package io.complaintmonitor.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CH01, CH02 and the headline figures on counts worked out by hand. */
class TsmFiguresTest {

    /** A landlord of 12,500 homes, one quarter. */
    private static final Map<String, Long> QUARTER = Map.ofEntries(
            Map.entry("stage1.received", 50L),
            Map.entry("stage1.responded", 40L),
            Map.entry("stage1.responded.within", 34L),
            Map.entry("stage1.responded.within-strict", 30L),
            Map.entry("stage1.outcome.upheld", 10L),
            Map.entry("stage1.outcome.partly-upheld", 14L),
            Map.entry("stage1.outcome.not-upheld", 16L),
            Map.entry("stage1.remedy.offered", 3L),
            Map.entry("stage1.remedy.pence", 12_550L),
            Map.entry("stage2.received", 8L),
            Map.entry("stage2.responded", 5L),
            Map.entry("stage2.responded.within", 4L),
            Map.entry("stage2.responded.within-strict", 4L),
            Map.entry("stage2.outcome.upheld", 2L),
            Map.entry("stage2.outcome.not-upheld", 3L),
            Map.entry("refused.OUT_OF_TIME", 2L),
            Map.entry("refused.unspecified", 1L),
            Map.entry("withdrawn", 4L),
            Map.entry("ombudsman.referred", 2L),
            Map.entry("ombudsman.determined", 1L));

    @Test
    void shouldGiveComplaintsPerThousandHomesWhenHomesAreKnown() {
        TsmFigures figures = TsmFigures.of(QUARTER, 12_500);
        // 50 / 12,500 * 1,000 = 4.0; 8 / 12,500 * 1,000 = 0.64.
        assertThat(figures.stage1().perThousandHomes()).isCloseTo(4.0, within(1e-12));
        assertThat(figures.stage2().perThousandHomes()).isCloseTo(0.64, within(1e-12));
    }

    @Test
    void shouldLeaveCh01OutWhenHomesAreNotKnown() {
        TsmFigures figures = TsmFigures.of(QUARTER, null);
        assertThat(figures.stage1().perThousandHomes()).isNull();
        assertThat(figures.stage1().received()).isEqualTo(50);
    }

    @Test
    void shouldGiveBothCh02SeriesOfTheResponsesIssued() {
        TsmFigures figures = TsmFigures.of(QUARTER, 12_500);
        // Stage 1: 30 of 40 strictly on time = 0.75; 34 of 40 counting agreed extensions = 0.85.
        assertThat(figures.stage1().withinStrict()).isEqualTo(0.75);
        assertThat(figures.stage1().withinWithExtensions()).isEqualTo(0.85);
        // Stage 2: 4 of 5 both ways.
        assertThat(figures.stage2().withinStrict()).isEqualTo(0.8);
        assertThat(figures.stage2().withinWithExtensions()).isEqualTo(0.8);
    }

    @Test
    void shouldLeaveCh02OutWhenNothingWasRespondedTo() {
        TsmFigures figures = TsmFigures.of(Map.of("stage1.received", 3L), 1_000);
        assertThat(figures.stage1().withinStrict()).isNull();
        assertThat(figures.stage1().withinWithExtensions()).isNull();
        assertThat(figures.escalationRate()).isNull();
        assertThat(figures.stage1().outcomeShare("upheld")).isNull();
        assertThat(figures.stage1().perThousandHomes()).isEqualTo(3.0);
    }

    @Test
    void shouldDivideEscalationsByStageOneResponses() {
        // 8 escalation requests over 40 stage 1 responses = 0.2.
        assertThat(TsmFigures.of(QUARTER, 12_500).escalationRate()).isEqualTo(0.2);
    }

    @Test
    void shouldGiveEachOutcomeAsCountAndShareOfResponses() {
        TsmFigures.StageFigures stage1 = TsmFigures.of(QUARTER, 12_500).stage1();
        assertThat(stage1.outcomes()).containsExactly(Map.entry("upheld", 10L), Map.entry("partly-upheld", 14L),
                Map.entry("not-upheld", 16L), Map.entry("unknown", 0L));
        // 10 / 40, 14 / 40, 16 / 40.
        assertThat(stage1.outcomeShare("upheld")).isEqualTo(0.25);
        assertThat(stage1.outcomeShare("partly-upheld")).isEqualTo(0.35);
        assertThat(stage1.outcomeShare("not-upheld")).isEqualTo(0.4);
        assertThatThrownBy(() -> stage1.outcomeShare("dismissed")).hasMessageContaining("upheld");
    }

    @Test
    void shouldGiveRefusalsByReasonRemediesInPoundsAndTheOmbudsmansSteps() {
        TsmFigures figures = TsmFigures.of(QUARTER, 12_500);
        assertThat(figures.refusals()).containsOnly(Map.entry("OUT_OF_TIME", 2L), Map.entry("unspecified", 1L));
        assertThat(figures.refusedTotal()).isEqualTo(3);
        assertThat(figures.stage1().remediesOffered()).isEqualTo(3);
        assertThat(figures.stage1().remedyPounds()).isEqualByComparingTo(new BigDecimal("125.50"));
        assertThat(figures.stage2().remedyPounds()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(figures.withdrawn()).isEqualTo(4);
        assertThat(figures.ombudsmanReferred()).isEqualTo(2);
        assertThat(figures.ombudsmanDetermined()).isEqualTo(1);
    }

    @Test
    void shouldGiveZerosAndNoRatiosForAnEmptyWindow() {
        TsmFigures figures = TsmFigures.of(Map.of(), 20_000);
        assertThat(figures.stage1().received()).isZero();
        assertThat(figures.stage1().perThousandHomes()).isEqualTo(0.0);
        assertThat(figures.stage2().withinStrict()).isNull();
        assertThat(figures.refusals()).isEmpty();
    }

    @Test
    void shouldRefuseHomesThatAreNotPositive() {
        assertThatThrownBy(() -> TsmFigures.of(Map.of(), 0)).hasMessageContaining("homes must be positive");
    }
}
