package io.complaintmonitor.domain.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A contractor's last 20 completed steps: fewer than 90 % within timescale alerts. */
class ContractorUnderperformingTest {

    private static final TrendRules RULES = new TrendRules(TrendThresholds.DEFAULTS);

    @Test
    void shouldRaiseContractorUnderperformingWhenSeventeenOfTwentyStepsWereInTime() {
        TrendFinding finding = RULES.contractorUnderperforming("C-17", steps(17, 3)).orElseThrow();

        assertThat(finding.kind()).isEqualTo(TrendKind.CONTRACTOR_UNDERPERFORMING);
        assertThat(finding.observed()).isEqualTo(0.85);
        assertThat(finding.baseline()).isEqualTo(0.9);
        assertThat(finding.threshold()).isEqualTo(0.9);
        assertThat(finding.explanation()).isEqualTo("Contractor C-17: 17 of its last 20 completed steps were "
                + "within timescale (85%), below the target of 90%.");
    }

    @Test
    void shouldNotRaiseContractorUnderperformingWhenEighteenOfTwentyStepsWereInTime() {
        assertThat(RULES.contractorUnderperforming("C-17", steps(18, 2))).isEmpty();
    }

    @Test
    void shouldNotJudgeAContractorWithFewerThanTwentyCompletedSteps() {
        assertThat(RULES.contractorUnderperforming("C-17", steps(0, 19))).isEmpty();
    }

    @Test
    void shouldJudgeOnlyTheLatestTwentySteps() {
        // Five old late steps, then 18 of the latest 20 in time: the old ones no longer count.
        List<Boolean> history = new ArrayList<>(Collections.nCopies(5, false));
        history.addAll(Collections.nCopies(18, true));
        history.addAll(Collections.nCopies(2, false));
        assertThat(RULES.contractorUnderperforming("C-17", history)).isEmpty();

        // One more late step pushes an in-time one out: 17 of the latest 20.
        history.add(false);
        assertThat(RULES.contractorUnderperforming("C-17", history)).isPresent();
    }

    /** Late steps first, then in-time ones, so order inside the window does not matter here. */
    private static List<Boolean> steps(int within, int late) {
        List<Boolean> steps = new ArrayList<>(Collections.nCopies(late, false));
        steps.addAll(Collections.nCopies(within, true));
        return steps;
    }
}
