package io.complaintmonitor.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.complaintmonitor.serde.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Exact, retractable duration statistics: counts, a histogram, and nearest-rank percentiles. */
class DurationAggregateTest {

    private static final LocalDate ON = LocalDate.parse("2026-01-12");

    private static StepMeasure finished(int workingDays, boolean within, int extensions) {
        return new StepMeasure(Step.STAGE1_RESPONSE, Labels.NONE, ON, workingDays, within, extensions, null, null);
    }

    private static StepMeasure finished(int workingDays) {
        return finished(workingDays, true, 0);
    }

    private static DurationAggregate of(int... workingDays) {
        DurationAggregate a = DurationAggregate.EMPTY;
        for (int d : workingDays) {
            a = a.plus(finished(d));
        }
        return a;
    }

    @Test
    void shouldGiveMeanMaxAndNearestRankPercentilesWhenStepsTookFibonacciDays() {
        // Sorted 1,2,2,3,5,8,13: n = 7, sum 34.
        // p50: rank ceil(0.5 * 7) = 4 -> the 4th is 3. p90: rank ceil(6.3) = 7 -> 13.
        // p25: rank ceil(1.75) = 2 -> 2. p100: rank 7 -> 13.
        DurationAggregate a = of(5, 1, 13, 2, 8, 3, 2);

        assertThat(a.count()).isEqualTo(7);
        assertThat(a.totalWorkingDays()).isEqualTo(34);
        assertThat(a.mean()).isCloseTo(34.0 / 7, within(1e-12));
        assertThat(a.max()).isEqualTo(13);
        assertThat(a.percentile(0.5)).isEqualTo(3);
        assertThat(a.percentile(0.9)).isEqualTo(13);
        assertThat(a.percentile(0.25)).isEqualTo(2);
        assertThat(a.percentile(1.0)).isEqualTo(13);
        assertThat(a.histogram()).containsExactly(Map.entry(1, 1L), Map.entry(2, 2L), Map.entry(3, 1L),
                Map.entry(5, 1L), Map.entry(8, 1L), Map.entry(13, 1L));
    }

    @Test
    void shouldAnswerNoneWhenNoStepFinished() {
        DurationAggregate a = DurationAggregate.EMPTY;
        assertThat(a.isEmpty()).isTrue();
        assertThat(a.mean()).isNaN();
        assertThat(a.withinRatio()).isNaN();
        assertThat(a.max()).isEqualTo(-1);
        assertThat(a.percentile(0.5)).isEqualTo(-1);
    }

    @Test
    void shouldRejectQuantileWhenOutsideZeroToOne() {
        assertThatThrownBy(() -> of(1).percentile(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> of(1).percentile(1.01)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTakeTheSeventhOfAHundredWhenQuantileIsSevenPercent() {
        // Durations 1..100 once each: the q-quantile by nearest rank is ceil(100 q), so p7 = 7,
        // p14 = 14, p55 = 55. In doubles 0.07 * 100 = 7.000000000000001, whose ceiling is 8: the
        // rank must be taken from q as written, not from its binary product.
        DurationAggregate a = DurationAggregate.EMPTY;
        for (int d = 1; d <= 100; d++) {
            a = a.plus(finished(d));
        }
        assertThat(a.percentile(0.07)).isEqualTo(7);
        assertThat(a.percentile(0.14)).isEqualTo(14);
        assertThat(a.percentile(0.55)).isEqualTo(55);
        assertThat(a.percentile(0.56)).isEqualTo(56);
        assertThat(a.percentile(0.9)).isEqualTo(90);
    }

    @Test
    void shouldReturnToTheSameAggregateWhenAStepIsAddedThenTakenOut() {
        DurationAggregate base = of(1, 2, 2, 3);
        StepMeasure extra = finished(8, false, 2);

        assertThat(base.plus(extra).minus(extra)).isEqualTo(base);
        // Taking out one of the two 2s leaves a count of 1; taking out the 3 removes its entry,
        // rather than leaving 3 -> 0.
        DurationAggregate less = base.minus(finished(2)).minus(finished(3));
        assertThat(less.histogram()).containsExactly(Map.entry(1, 1L), Map.entry(2, 1L));
        assertThat(less.histogram().values()).doesNotContain(0L);
        assertThat(less.count()).isEqualTo(2);
        assertThat(less.totalWorkingDays()).isEqualTo(3);

        DurationAggregate none = less.minus(finished(1)).minus(finished(2));
        assertThat(none).isEqualTo(DurationAggregate.EMPTY);
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.histogram()).isEmpty();
    }

    @Test
    void shouldChangeNothingWhenStepIsUnfinished() {
        StepMeasure open = new StepMeasure(Step.STAGE1_ACKNOWLEDGEMENT, Labels.NONE, null, 0, false, 0,
                LocalDate.parse("2025-12-31"), null);
        DurationAggregate base = of(4);

        assertThat(base.plus(open)).isEqualTo(base);
        assertThat(base.minus(open)).isEqualTo(base);
        assertThat(DurationAggregate.EMPTY.plus(open)).isEqualTo(DurationAggregate.EMPTY);
    }

    @Test
    void shouldCountExtensionsAndStepsWithinTimescaleWhenStepsAreAdded() {
        // Within with 1 extension, late with 2, within with none: 2 of 3 within, 3 extensions.
        DurationAggregate a = DurationAggregate.EMPTY
                .plus(finished(9, true, 1))
                .plus(finished(21, false, 2))
                .plus(finished(4, true, 0));

        assertThat(a.count()).isEqualTo(3);
        assertThat(a.withinTimescale()).isEqualTo(2);
        assertThat(a.extensions()).isEqualTo(3);
        assertThat(a.withinRatio()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(a.totalWorkingDays()).isEqualTo(34);

        DurationAggregate b = a.minus(finished(21, false, 2));
        assertThat(b.withinTimescale()).isEqualTo(2);
        assertThat(b.extensions()).isEqualTo(1);
        assertThat(b.withinRatio()).isEqualTo(1.0);
    }

    @Test
    void shouldAgreeWithASortedListWhenDurationsAndQuantilesAreRandom() {
        Random random = new Random(20251219L);
        for (int trial = 0; trial < 3000; trial++) {
            int n = 1 + random.nextInt(120);
            List<Integer> durations = new ArrayList<>();
            DurationAggregate a = DurationAggregate.EMPTY;
            long sum = 0;
            for (int i = 0; i < n; i++) {
                int d = random.nextInt(41);
                durations.add(d);
                sum += d;
                a = a.plus(finished(d));
            }
            Collections.sort(durations);
            int k = 1 + random.nextInt(100);
            // Nearest rank in exact integers: ceil(k n / 100).
            int rank = (k * n + 99) / 100;
            assertThat(a.percentile(k / 100.0)).as("p%d of %s", k, durations).isEqualTo(durations.get(rank - 1));
            assertThat(a.percentile(0.5)).isEqualTo(durations.get((n + 1) / 2 - 1));
            assertThat(a.max()).isEqualTo(durations.get(n - 1));
            assertThat(a.mean()).isCloseTo((double) sum / n, within(1e-9));

            // Taking out a random half gives what adding only the rest gives.
            Collections.shuffle(durations, random);
            DurationAggregate rest = DurationAggregate.EMPTY;
            for (int i = 0; i < n; i++) {
                if (i < n / 2) {
                    a = a.minus(finished(durations.get(i)));
                } else {
                    rest = rest.plus(finished(durations.get(i)));
                }
            }
            assertThat(a).isEqualTo(rest);
        }
    }

    @Test
    void shouldSortAStoredHistogramAndLeaveItUnchangedWhenAChangeIsMade() {
        // As read back from a store: in no order, with a stray zero count.
        Map<Integer, Long> stored = new LinkedHashMap<>();
        stored.put(8, 1L);
        stored.put(2, 2L);
        stored.put(5, 0L);
        stored.put(3, 1L);
        DurationAggregate read = new DurationAggregate(4, 3, 15, 0, stored);

        assertThat(read.histogram()).containsExactly(Map.entry(2, 2L), Map.entry(3, 1L), Map.entry(8, 1L));
        assertThat(read.histogram()).isEqualTo(Map.of(2, 2L, 3, 1L, 8, 1L)).containsKey(3).doesNotContainKey(5);
        assertThat(read.max()).isEqualTo(8);
        assertThat(read.percentile(0.5)).isEqualTo(2);

        DurationAggregate changed = read.change(Map.of(finished(2), -1, finished(8), -1, finished(1), 1,
                finished(30), 1));
        assertThat(changed.histogram()).containsExactly(Map.entry(1, 1L), Map.entry(2, 1L), Map.entry(3, 1L),
                Map.entry(30, 1L));
        assertThat(changed.max()).isEqualTo(30);
        assertThat(read.histogram()).as("the value changed from is untouched")
                .containsExactly(Map.entry(2, 2L), Map.entry(3, 1L), Map.entry(8, 1L));
        assertThatThrownBy(() -> changed.histogram().put(4, 1L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldReadBackWhatItWroteWhenStoredAsJson() {
        DurationAggregate a = of(5, 1, 13, 2, 8, 3, 2).plus(finished(21, false, 2));
        var serde = JsonSerde.of(DurationAggregate.class);

        byte[] json = serde.serializer().serialize("stats", a);
        DurationAggregate read = serde.deserializer().deserialize("stats", json);

        assertThat(new String(json, StandardCharsets.UTF_8))
                .contains("\"histogram\":{\"1\":1,\"2\":2,\"3\":1,\"5\":1,\"8\":1,\"13\":1,\"21\":1}");
        assertThat(read).isEqualTo(a);
        assertThat(read.percentile(0.9)).isEqualTo(a.percentile(0.9));
        assertThat(read.max()).isEqualTo(21);
    }

    @Test
    void shouldCountAStepPutInOrTakenOutNTimesAsNStepsWhenChangedByCounts() {
        Random random = new Random(23);
        DurationAggregate oneByOne = of(3, 5, 8, 8, 13);
        DurationAggregate byCounts = oneByOne;
        for (int round = 0; round < 500; round++) {
            StepMeasure step = finished(random.nextInt(25), random.nextBoolean(), random.nextInt(3));
            int times = random.nextInt(7) - 3;
            if (times == 0) {
                continue;
            }
            for (int i = 0; i < Math.abs(times); i++) {
                oneByOne = times < 0 ? oneByOne.minus(step) : oneByOne.plus(step);
            }
            byCounts = byCounts.change(Map.of(step, times, finished(40, false, 0).withoutLabels(), 0));
            assertThat(byCounts).isEqualTo(oneByOne);
        }
        assertThat(byCounts.histogram().keySet()).as("no count left at 0").doesNotContain(40);
    }
}
