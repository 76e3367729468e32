package io.complaintmonitor.domain.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrendThresholdsTest {

    private static final TrendThresholds D = TrendThresholds.DEFAULTS;

    @Test
    void shouldDefaultToTheNumbersInDocsTrends() {
        assertThat(D).isEqualTo(new TrendThresholds(8, 3.0, 0.5, 5, 4, 0.90, 0.10, 10, 20, 0.90, 3, 0.05, 2.0, 10));
    }

    @Test
    void shouldNameTheFieldWhenAThresholdIsInvalid() {
        assertThatThrownBy(() -> new TrendThresholds(0, 3, 0.5, 5, 4, 0.9, 0.1, 10, 20, 0.9, 3, 0.05, 2, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("baselineWeeks must be at least 1, was 0");
        assertThatThrownBy(() -> new TrendThresholds(8, -1, 0.5, 5, 4, 0.9, 0.1, 10, 20, 0.9, 3, 0.05, 2, 10))
                .hasMessageStartingWith("sigmas ");
        assertThatThrownBy(() -> new TrendThresholds(8, 3, 0.5, 0, 4, 0.9, 0.1, 10, 20, 0.9, 3, 0.05, 2, 10))
                .hasMessageStartingWith("minWeeklyVolume ");
        assertThatThrownBy(() -> new TrendThresholds(8, 3, 0.5, 5, 9, 0.9, 0.1, 10, 20, 0.9, 3, 0.05, 2, 10))
                .hasMessage("minBaselineWeeks must not exceed baselineWeeks (8), was 9");
        assertThatThrownBy(() -> new TrendThresholds(8, 3, 0.5, 5, 4, 90, 0.1, 10, 20, 0.9, 3, 0.05, 2, 10))
                .hasMessage("complianceTarget must be a fraction above 0 and at most 1, was 90.0");
        assertThatThrownBy(() -> new TrendThresholds(8, 3, 0.5, 5, 4, 0.9, 0.1, 10, 20, 0, 3, 0.05, 2, 10))
                .hasMessageStartingWith("contractorTarget ");
        assertThatThrownBy(() -> new TrendThresholds(8, 3, 0.5, 5, 4, 0.9, 0.1, 10, 20, 0.9, 1, 0.05, 2, 10))
                .hasMessageStartingWith("escalationBaselineMonths ");
        assertThatThrownBy(() -> new TrendThresholds(8, 3, 0.5, 5, 4, 0.9, 0.1, 10, 20, 0.9, 3, Double.NaN, 2, 10))
                .hasMessageStartingWith("escalationMinRise ");
        assertThatThrownBy(() -> new TrendThresholds(8, 3, 0.5, 5, 4, 0.9, 0.1, 10, 20, 0.9, 3, 0.05, 2, 0))
                .hasMessageStartingWith("minStage1Responses ");
    }
}
