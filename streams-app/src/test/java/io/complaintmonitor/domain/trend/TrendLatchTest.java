package io.complaintmonitor.domain.trend;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.trend.TrendLatch.Decision;
import io.complaintmonitor.domain.trend.TrendLatch.Step;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Raised once per window and dimension; recovered when it clears. */
class TrendLatchTest {

    private static final Optional<TrendFinding> FINDING = Optional.of(
            new TrendFinding(TrendKind.VOLUME_SPIKE, 20, 10, 15, "All complaints: 20 complaints in week 2025-W03."));
    private static final Optional<TrendFinding> NOTHING = Optional.empty();

    @Test
    void shouldRaiseWhenAFindingAppearsAndTheAlertIsNotActive() {
        Step step = TrendLatch.CLEAR.decide("2025-W03", FINDING);

        assertThat(step.decision()).isEqualTo(Decision.RAISE);
        assertThat(step.next()).isEqualTo(new TrendLatch(true, "2025-W03"));
    }

    @Test
    void shouldNotRaiseAgainInTheSameWindow() {
        TrendLatch raised = TrendLatch.CLEAR.decide("2025-W03", FINDING).next();

        Step again = raised.decide("2025-W03", FINDING);

        assertThat(again.decision()).isEqualTo(Decision.NONE);
        assertThat(again.next()).isEqualTo(raised);
    }

    @Test
    void shouldRaiseAgainInANewWindowWhileStillActive() {
        TrendLatch raised = TrendLatch.CLEAR.decide("2025-W03", FINDING).next();

        Step next = raised.decide("2025-W04", FINDING);

        assertThat(next.decision()).isEqualTo(Decision.RAISE);
        assertThat(next.next()).isEqualTo(new TrendLatch(true, "2025-W04"));
    }

    @Test
    void shouldRecoverWhenTheFindingClearsWhileActive() {
        TrendLatch raised = TrendLatch.CLEAR.decide("2025-W03", FINDING).next();

        Step cleared = raised.decide("2025-W04", NOTHING);

        assertThat(cleared.decision()).isEqualTo(Decision.RECOVER);
        assertThat(cleared.next()).isEqualTo(new TrendLatch(false, "2025-W04"));
    }

    @Test
    void shouldNotRecoverWhenNotActive() {
        assertThat(TrendLatch.CLEAR.decide("2025-W03", NOTHING)).isEqualTo(new Step(Decision.NONE, TrendLatch.CLEAR));
        TrendLatch recovered = new TrendLatch(false, "2025-W04");
        assertThat(recovered.decide("2025-W05", NOTHING).decision()).isEqualTo(Decision.NONE);
    }

    @Test
    void shouldWaitForTheNextWindowWhenAFindingReturnsInTheWindowThatRecovered() {
        // Judged as the window fills: raised in W03, cleared early in W04, back later in W04.
        TrendLatch recovered = TrendLatch.CLEAR.decide("2025-W03", FINDING).next()
                .decide("2025-W04", NOTHING).next();

        Step back = recovered.decide("2025-W04", FINDING);
        assertThat(back.decision()).isEqualTo(Decision.NONE);
        assertThat(back.next().decide("2025-W05", FINDING).decision()).isEqualTo(Decision.RAISE);
    }

    /**
     * 1,000 random runs (seed 42) of 50 judgements each, several per window: each window sees at
     * most one RAISE and one RECOVER, so the deterministic ids never repeat; every RECOVER
     * follows a RAISE; and a window judged with a finding on its last judgement ends active
     * unless it recovered earlier in that window.
     */
    @Test
    void shouldRaiseAndRecoverAtMostOncePerWindowOnRandomJudgements() {
        Random random = new Random(42);
        for (int run = 0; run < 1_000; run++) {
            TrendLatch latch = TrendLatch.CLEAR;
            int window = 0;
            Map<String, Integer> raises = new HashMap<>();
            Map<String, Integer> recoveries = new HashMap<>();
            boolean raisedBefore = false;
            for (int judgement = 0; judgement < 50; judgement++) {
                if (random.nextInt(3) == 0) {
                    window++;
                }
                String label = "W" + window;
                boolean finding = random.nextBoolean();
                Step step = latch.decide(label, finding ? FINDING : NOTHING);
                if (step.decision() == Decision.RAISE) {
                    raises.merge(label, 1, Integer::sum);
                    raisedBefore = true;
                } else if (step.decision() == Decision.RECOVER) {
                    recoveries.merge(label, 1, Integer::sum);
                    assertThat(raisedBefore).as("a recovery follows a raise").isTrue();
                }
                latch = step.next();
                assertThat(latch.active() || !finding || recoveries.containsKey(label))
                        .as("run %d: a finding leaves the alert active unless it recovered in %s", run, label)
                        .isTrue();
                assertThat(!latch.active() || raises.containsKey(latch.lastWindow()))
                        .as("an active latch was raised in its window").isTrue();
            }
            assertThat(raises.values()).allMatch(n -> n == 1);
            assertThat(recoveries.values()).allMatch(n -> n == 1);
        }
    }
}
