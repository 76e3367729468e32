package io.complaintmonitor.domain.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Month's escalation rate against the previous 3: line = mean + max(2 × stddev, 5 points). */
class EscalationRiseTest {

    private static final TrendRules RULES = new TrendRules(TrendThresholds.DEFAULTS);
    private static final Offset<Double> EXACT = Offset.offset(1e-12);
    // Mean 10 %, stddev 1.6 points: 2 × 1.6 is less than 5 points, so the line is 15 %.
    private static final List<Double> STEADY = List.of(0.10, 0.12, 0.08);

    @Test
    void shouldRaiseEscalationRiseWhenRateIsWellAboveRecentMonths() {
        TrendFinding finding = rise(9, 40, STEADY).orElseThrow();

        assertThat(finding.kind()).isEqualTo(TrendKind.ESCALATION_RISE);
        assertThat(finding.observed()).isEqualTo(0.225);
        assertThat(finding.baseline()).isCloseTo(0.10, EXACT);
        assertThat(finding.threshold()).isCloseTo(0.15, EXACT);
        assertThat(finding.explanation()).isEqualTo("Damp and mould: 9 of 40 stage 1 responses in January 2025 "
                + "were escalated to stage 2 (22.5%), against an average of 10% over the previous 3 months "
                + "(alert line 15%).");
    }

    @Test
    void shouldNotRaiseEscalationRiseWhenRateIsExactlyOnTheLine() {
        assertThat(rise(6, 40, STEADY)).isEmpty();
        assertThat(rise(7, 40, STEADY)).isPresent();
    }

    @Test
    void shouldUseTheSpreadWhenRecentMonthsVaryALot() {
        // Mean 15 %, stddev 8.2 points: the line is 15 + 16.3 = 31.3 %, not 15 + 5.
        List<Double> volatile_ = List.of(0.05, 0.25, 0.15);

        assertThat(rise(12, 40, volatile_)).isEmpty();
        TrendFinding finding = rise(13, 40, volatile_).orElseThrow();
        assertThat(finding.threshold()).isCloseTo(0.15 + 2 * Math.sqrt(0.02 / 3), EXACT);
    }

    @Test
    void shouldNotJudgeEscalationOnTooFewResponsesOrMonths() {
        assertThat(rise(9, 9, STEADY)).as("9 responses").isEmpty();
        assertThat(rise(10, 10, List.of(0.1))).as("one previous month").isEmpty();
        assertThat(rise(10, 10, List.of(0.1, 0.1))).as("two previous months").isPresent();
    }

    @Test
    void shouldJudgeEscalationAgainstOnlyTheLatestThreeMonths() {
        TrendFinding finding = rise(9, 40, List.of(0.9, 0.9, 0.10, 0.12, 0.08)).orElseThrow();
        assertThat(finding.baseline()).isCloseTo(0.10, EXACT);
    }

    private static Optional<TrendFinding> rise(long escalated, long responses, List<Double> previous) {
        return RULES.escalationRise("Damp and mould", "January 2025", escalated, responses, previous);
    }
}
