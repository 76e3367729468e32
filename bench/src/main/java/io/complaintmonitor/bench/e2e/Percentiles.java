package io.complaintmonitor.bench.e2e;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles of a sample: the smallest value with at least p % of the sample at or below it. */
public record Percentiles(int count, double p50, double p99, double max) {

    public static Percentiles of(List<Double> sample) {
        if (sample.isEmpty()) {
            throw new IllegalArgumentException("no values to take percentiles of");
        }
        double[] sorted = sample.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    static double rank(double[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
