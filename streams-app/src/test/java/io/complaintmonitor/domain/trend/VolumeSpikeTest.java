package io.complaintmonitor.domain.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Weekly volume against the previous 8 weeks: line = mean + max(3 × stddev, 50 % of mean). */
class VolumeSpikeTest {

    private static final TrendRules RULES = new TrendRules(TrendThresholds.DEFAULTS);
    private static final Offset<Double> EXACT = Offset.offset(1e-12);

    @Test
    void shouldRaiseVolumeSpikeWhenWeekIsFarAboveBaseline() {
        // Mean 12.5, population stddev 1.5: 3 × 1.5 = 4.5 is less than half the mean, 6.25.
        List<Long> history = List.of(10L, 12L, 14L, 11L, 13L, 12L, 15L, 13L);

        TrendFinding finding = spike(42, history).orElseThrow();

        assertThat(finding.kind()).isEqualTo(TrendKind.VOLUME_SPIKE);
        assertThat(finding.observed()).isEqualTo(42.0);
        assertThat(finding.baseline()).isCloseTo(12.5, EXACT);
        assertThat(finding.threshold()).isCloseTo(18.75, EXACT);
        assertThat(finding.explanation()).isEqualTo("Damp and mould: 42 complaints in week 2025-W03, against an "
                + "average of 12.5 over the previous 8 weeks (alert line 18.8).");
    }

    @Test
    void shouldNotRaiseVolumeSpikeWhenWeekIsExactlyOnTheRelativeLine() {
        // Flat 10s: stddev 0, so the line is 10 + 50 % of 10 = 15.
        List<Long> flat = Collections.nCopies(8, 10L);

        assertThat(spike(15, flat)).isEmpty();
        assertThat(spike(16, flat)).get().extracting(TrendFinding::threshold).isEqualTo(15.0);
    }

    @Test
    void shouldNotRaiseVolumeSpikeWhenWeekIsExactlyOnTheSigmaLine() {
        // 8 and 12 alternating: mean 10, stddev 2, 3 × 2 = 6 beats 50 % of 10, so the line is 16.
        List<Long> noisy = List.of(8L, 12L, 8L, 12L, 8L, 12L, 8L, 12L);

        assertThat(spike(16, noisy)).isEmpty();
        assertThat(spike(17, noisy)).get().extracting(TrendFinding::threshold).isEqualTo(16.0);
    }

    @Test
    void shouldNotRaiseVolumeSpikeWhenSeriesIsNoisyButUnchanged() {
        List<Long> history = List.of(20L, 26L, 17L, 23L, 19L, 28L, 21L, 18L);

        for (long week = 0; week <= 32; week++) {
            assertThat(spike(week, history)).as("week of %d", week).isEmpty();
        }
    }

    @Test
    void shouldNotRaiseVolumeSpikeOnTinyNumbersBelowTheMinimumWeeklyVolume() {
        // Line 1.5, but 4 complaints are too few to call a spike.
        List<Long> ones = Collections.nCopies(8, 1L);

        assertThat(spike(4, ones)).isEmpty();
        assertThat(spike(5, ones)).isPresent();
    }

    @Test
    void shouldRaiseVolumeSpikeAtTheMinimumWeeklyVolumeWhenThereWereNoneBefore() {
        List<Long> none = Collections.nCopies(8, 0L);

        assertThat(spike(4, none)).isEmpty();
        TrendFinding finding = spike(5, none).orElseThrow();
        assertThat(finding.baseline()).isZero();
        assertThat(finding.threshold()).isZero();
        assertThat(finding.explanation()).isEqualTo("Damp and mould: 5 complaints in week 2025-W03, against none "
                + "in the previous 8 weeks (alerts start at 5 in a week).");
    }

    @Test
    void shouldNotJudgeVolumeWithFewerThanFourPreviousWeeks() {
        assertThat(spike(1_000, List.of(10L, 10L, 10L))).isEmpty();
        TrendFinding finding = spike(1_000, List.of(10L, 10L, 10L, 10L)).orElseThrow();
        assertThat(finding.explanation()).contains("over the previous 4 weeks");
    }

    @Test
    void shouldJudgeVolumeAgainstOnlyTheLatestEightWeeks() {
        // The two old weeks of 100 are outside the baseline; the latest 8 are flat 10s.
        List<Long> history = new ArrayList<>(List.of(100L, 100L));
        history.addAll(Collections.nCopies(8, 10L));

        TrendFinding finding = spike(16, history).orElseThrow();
        assertThat(finding.baseline()).isEqualTo(10.0);
    }

    @Test
    void shouldRefuseNegativeCounts() {
        assertThatThrownBy(() -> spike(-1, List.of(1L, 1L, 1L, 1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thisWeek");
        assertThatThrownBy(() -> spike(1, List.of(1L, -1L, 1L, 1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("previousWeeks");
    }

    /**
     * 1,000 flat Poisson series (seed 42, true mean 10 to 50 a week), each 8 baseline weeks and
     * one more week from the same distribution. The 3-sigma test is looser than the textbook
     * 0.1 % because the stddev of only 8 weeks is itself noisy (often too small): this run has 7
     * false alarms, and we allow at most 15 in 1,000 (1.5 %). docs/trends.md gives the rate by
     * volume. Then the same series with a week at 3 × its true mean: every one is found.
     */
    @Test
    void shouldRarelyRaiseOnFlatPoissonSeriesAndAlwaysFindATripledWeek() {
        Random random = new Random(42);
        int falseAlarms = 0;
        int found = 0;
        for (int series = 0; series < 1_000; series++) {
            double mean = 10 + random.nextDouble() * 40;
            List<Long> history = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                history.add(poisson(random, mean));
            }
            if (spike(poisson(random, mean), history).isPresent()) {
                falseAlarms++;
            }
            long tripled = Math.round(3 * mean);
            if (spike(tripled, history).isPresent()) {
                found++;
            }
        }
        assertThat(falseAlarms).as("false alarms in 1,000 flat series").isLessThanOrEqualTo(15);
        assertThat(found).as("tripled weeks found in 1,000 series").isEqualTo(1_000);
    }

    private static Optional<TrendFinding> spike(long thisWeek, List<Long> history) {
        return RULES.volumeSpike("Damp and mould", "week 2025-W03", thisWeek, history);
    }

    /** Knuth's method: fine for the small means here. */
    static long poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
