package io.complaintmonitor.domain.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The finished steps of one group in one window, kept so that a step can be taken out again when
 * a late or corrected event changes it: exact counts and an exact histogram of working days
 * (steps take whole working days, tens at most), from which mean, max and percentiles follow.
 *
 * @param histogram working days taken -> number of steps that took them; no zero counts
 */
public record DurationAggregate(long count, long withinTimescale, long totalWorkingDays, long extensions,
        Map<Integer, Long> histogram) {

    public static final DurationAggregate EMPTY = new DurationAggregate(0, 0, 0, 0, Map.of());

    public DurationAggregate {
        // Counts this class built for the new value are taken as they are: copied once, not twice per step.
        histogram = SortedCounts.of(histogram, days -> (int) days);
    }

    public DurationAggregate plus(StepMeasure step) {
        return add(step, 1);
    }

    public DurationAggregate minus(StepMeasure step) {
        return add(step, -1);
    }

    private DurationAggregate add(StepMeasure step, int sign) {
        return step.finished() ? change(Map.of(step, sign)) : this;
    }

    /**
     * Takes out or puts in each step as many times as its count says (negative: taken out),
     * copying the histogram once; unfinished steps count nowhere.
     */
    public DurationAggregate change(Map<StepMeasure, Integer> counted) {
        SortedCounts<Integer> h = counts().copy();
        long[] sums = {count, withinTimescale, totalWorkingDays, extensions};
        counted.forEach((step, times) -> count(h, sums, step, times));
        return new DurationAggregate(sums[0], sums[1], sums[2], sums[3], h);
    }

    private static void count(SortedCounts<Integer> h, long[] sums, StepMeasure step, int times) {
        if (!step.finished()) {
            return;
        }
        h.add(step.workingDays(), times);
        sums[0] += times;
        sums[1] += step.withinTimescale() ? times : 0;
        sums[2] += (long) times * step.workingDays();
        sums[3] += (long) times * step.extensions();
    }

    public boolean isEmpty() {
        return count == 0;
    }

    private SortedCounts<Integer> counts() {
        return (SortedCounts<Integer>) histogram;
    }

    /** Mean working days; NaN when no step finished. */
    public double mean() {
        return count == 0 ? Double.NaN : (double) totalWorkingDays / count;
    }

    /** Longest step in working days; -1 when no step finished. */
    public int max() {
        return histogram.isEmpty() ? -1 : (int) counts().lastKey();
    }

    /**
     * The q-quantile by the nearest-rank method: the smallest duration d such that at least q of
     * the steps took d working days or fewer, so it is always a duration that some step took.
     * -1 when no step finished.
     */
    public int percentile(double q) {
        if (q <= 0 || q > 1) {
            throw new IllegalArgumentException("quantile must be in (0, 1]: " + q);
        }
        if (count <= 0) {
            return -1;
        }
        // The rank from q as written: in doubles 0.07 * 100 is 7.000000000000001, whose ceiling
        // would be 8.
        long rank = BigDecimal.valueOf(q).multiply(BigDecimal.valueOf(count))
                .setScale(0, RoundingMode.CEILING).longValueExact();
        long seen = 0;
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return max();
    }

    /** Share within timescale; NaN when no step finished. */
    public double withinRatio() {
        return count == 0 ? Double.NaN : (double) withinTimescale / count;
    }
}
