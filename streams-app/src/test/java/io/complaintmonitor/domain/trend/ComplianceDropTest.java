package io.complaintmonitor.domain.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Share within timescale over 4 weeks: below 90 %, or more than 10 points below last quarter. */
class ComplianceDropTest {

    private static final TrendRules RULES = new TrendRules(TrendThresholds.DEFAULTS);
    private static final OptionalDouble NO_QUARTER = OptionalDouble.empty();

    @Test
    void shouldRaiseComplianceDropWhenShareFallsBelowTarget() {
        TrendFinding finding = drop(RULES, 34, 45, NO_QUARTER).orElseThrow();

        assertThat(finding.kind()).isEqualTo(TrendKind.COMPLIANCE_DROP);
        assertThat(finding.observed()).isEqualTo(34.0 / 45);
        assertThat(finding.baseline()).isEqualTo(0.9);
        assertThat(finding.threshold()).isEqualTo(0.9);
        assertThat(finding.explanation()).isEqualTo("Damp and mould: 34 of 45 responses in the 4 weeks to "
                + "19 January 2025 were within timescale (75.6%), below the target of 90%.");
    }

    @Test
    void shouldNotRaiseComplianceDropWhenShareIsExactlyOnTarget() {
        assertThat(drop(RULES, 18, 20, NO_QUARTER)).isEmpty();
        assertThat(drop(RULES, 17, 20, NO_QUARTER)).isPresent();
    }

    @Test
    void shouldNotJudgeComplianceOnFewerThanTenResponses() {
        assertThat(drop(RULES, 0, 9, NO_QUARTER)).isEmpty();
        assertThat(drop(RULES, 8, 10, NO_QUARTER)).isPresent();
    }

    @Test
    void shouldRaiseComplianceDropAgainstLastQuarterWhenTheTargetIsLower() {
        // With the default target and margin, the last-quarter test can never fire alone: falling
        // more than 10 points below any share puts you below 90 %. It matters with a lower target.
        TrendRules lowTarget = new TrendRules(thresholds(0.80, 0.10));

        TrendFinding finding = drop(lowTarget, 17, 20, OptionalDouble.of(0.98)).orElseThrow();

        assertThat(finding.observed()).isEqualTo(0.85);
        assertThat(finding.baseline()).isEqualTo(0.98);
        assertThat(finding.threshold()).isCloseTo(0.88, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(finding.explanation()).isEqualTo("Damp and mould: 17 of 20 responses in the 4 weeks to "
                + "19 January 2025 were within timescale (85%), down from 98% last quarter, a fall of more than "
                + "10 points (alert line 88%).");
    }

    @Test
    void shouldNotRaiseComplianceDropWhenShareIsExactlyTheMarginBelowLastQuarter() {
        // 0.95 - 0.10 is 0.8499999999999999 in floating point; 0.85 is still on the line.
        TrendRules lowTarget = new TrendRules(thresholds(0.80, 0.10));

        assertThat(drop(lowTarget, 17, 20, OptionalDouble.of(0.95))).isEmpty();
        assertThat(drop(lowTarget, 17, 20, OptionalDouble.of(0.96))).isPresent();
    }

    @Test
    void shouldReportTheTargetWhenBothTestsHold() {
        TrendFinding finding = drop(RULES, 15, 20, OptionalDouble.of(0.99)).orElseThrow();

        assertThat(finding.baseline()).isEqualTo(0.9);
        assertThat(finding.threshold()).isEqualTo(0.9);
        assertThat(finding.explanation()).endsWith("below the target of 90%. Last quarter it was 99%.");
    }

    @Test
    void shouldNotRaiseComplianceDropWhenShareHoldsSteadyAboveTarget() {
        assertThat(drop(RULES, 19, 20, OptionalDouble.of(0.97))).isEmpty();
        assertThat(drop(RULES, 45, 45, OptionalDouble.of(1.0))).isEmpty();
    }

    @Test
    void shouldRefuseMoreWithinTimescaleThanResponded() {
        assertThatThrownBy(() -> drop(RULES, 11, 10, NO_QUARTER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("within4w");
        assertThatThrownBy(() -> drop(RULES, 9, 10, OptionalDouble.of(1.2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("previousQuarterShare");
    }

    private static Optional<TrendFinding> drop(TrendRules rules, long within, long responded, OptionalDouble quarter) {
        return rules.complianceDrop("Damp and mould", "the 4 weeks to 19 January 2025", within, responded, quarter);
    }

    private static TrendThresholds thresholds(double target, double margin) {
        TrendThresholds d = TrendThresholds.DEFAULTS;
        return new TrendThresholds(d.baselineWeeks(), d.sigmas(), d.minRelativeRise(), d.minWeeklyVolume(),
                d.minBaselineWeeks(), target, margin, d.minResponses(), d.contractorLastSteps(), d.contractorTarget(),
                d.escalationBaselineMonths(), d.escalationMinRise(), d.escalationSigmas(), d.minStage1Responses());
    }
}
