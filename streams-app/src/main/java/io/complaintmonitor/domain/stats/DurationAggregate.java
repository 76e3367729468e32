package io.complaintmonitor.domain.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

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
        // A map this class built for the new value is taken as it is: copied once, not twice per step.
        histogram = histogram instanceof Histogram own ? own : new Histogram(histogram);
    }

    /**
     * A histogram sorted by working days, in two arrays: only this class makes them, so it alone
     * may hand one over uncopied. A change copies it once, and a few tens of days copy as two small
     * arrays rather than a tree of entries (a group's windows change with nearly every event).
     */
    private static final class Histogram extends AbstractMap<Integer, Long> {
        private int[] days;
        private long[] steps;
        private int size;

        Histogram(Map<Integer, Long> from) {
            if (from instanceof Histogram h) {
                days = Arrays.copyOf(h.days, Math.max(h.size + 2, 4));
                steps = Arrays.copyOf(h.steps, days.length);
                size = h.size;
                return;
            }
            days = new int[Math.max(from.size() + 2, 4)];
            steps = new long[days.length];
            new TreeMap<>(from).forEach((d, n) -> {
                if (n != 0) {
                    days[size] = d;
                    steps[size++] = n;
                }
            });
        }

        /** Adds {@code n} steps of {@code day} working days; a count reaching zero goes. */
        void add(int day, long n) {
            int at = Arrays.binarySearch(days, 0, size, day);
            if (at >= 0) {
                steps[at] += n;
                if (steps[at] == 0) {
                    System.arraycopy(days, at + 1, days, at, size - at - 1);
                    System.arraycopy(steps, at + 1, steps, at, size - at - 1);
                    size--;
                }
                return;
            }
            if (n == 0) {
                return;
            }
            int insert = -at - 1;
            if (size == days.length) {
                days = Arrays.copyOf(days, size * 2);
                steps = Arrays.copyOf(steps, size * 2);
            }
            System.arraycopy(days, insert, days, insert + 1, size - insert);
            System.arraycopy(steps, insert, steps, insert + 1, size - insert);
            days[insert] = day;
            steps[insert] = n;
            size++;
        }

        int lastKey() {
            return days[size - 1];
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Long get(Object key) {
            int at = key instanceof Integer day ? Arrays.binarySearch(days, 0, size, day) : -1;
            return at >= 0 ? steps[at] : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        /** In ascending order of days, as a sorted map's. */
        @Override
        public Set<Entry<Integer, Long>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return size;
                }

                @Override
                public Iterator<Entry<Integer, Long>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Entry<Integer, Long> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            Entry<Integer, Long> e = new SimpleImmutableEntry<>(days[next], steps[next]);
                            next++;
                            return e;
                        }
                    };
                }
            };
        }
    }

    public DurationAggregate plus(StepMeasure step) {
        return add(step, 1);
    }

    public DurationAggregate minus(StepMeasure step) {
        return add(step, -1);
    }

    private DurationAggregate add(StepMeasure step, int sign) {
        return step.finished() ? change(sign < 0 ? List.of(step) : List.of(), sign > 0 ? List.of(step) : List.of())
                : this;
    }

    /** Takes {@code removed} out and puts {@code added} in, copying the histogram once; unfinished steps count nowhere. */
    public DurationAggregate change(List<StepMeasure> removed, List<StepMeasure> added) {
        Histogram h = new Histogram(histogram);
        long[] sums = {count, withinTimescale, totalWorkingDays, extensions};
        removed.forEach(step -> count(h, sums, step, -1));
        added.forEach(step -> count(h, sums, step, 1));
        return new DurationAggregate(sums[0], sums[1], sums[2], sums[3], h);
    }

    private static void count(Histogram h, long[] sums, StepMeasure step, int sign) {
        if (!step.finished()) {
            return;
        }
        h.add(step.workingDays(), sign);
        sums[0] += sign;
        sums[1] += step.withinTimescale() ? sign : 0;
        sums[2] += (long) sign * step.workingDays();
        sums[3] += (long) sign * step.extensions();
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Mean working days; NaN when no step finished. */
    public double mean() {
        return count == 0 ? Double.NaN : (double) totalWorkingDays / count;
    }

    /** Longest step in working days; -1 when no step finished. */
    public int max() {
        return histogram.isEmpty() ? -1 : ((Histogram) histogram).lastKey();
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
