package io.complaintmonitor.domain.trend;

import java.util.List;

/** The average and population standard deviation of a short history (population: the history is all we judge by). */
record Baseline(int size, double mean, double stddev) {

    static Baseline of(List<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a baseline needs at least one value");
        }
        double sum = 0;
        for (Number v : values) {
            sum += v.doubleValue();
        }
        double mean = sum / values.size();
        // Two passes rather than sum-of-squares: no cancellation when the values are large and steady.
        double squares = 0;
        for (Number v : values) {
            double d = v.doubleValue() - mean;
            squares += d * d;
        }
        return new Baseline(values.size(), mean, Math.sqrt(squares / values.size()));
    }

    /** The latest {@code n} of a list kept oldest first. */
    static <T> List<T> latest(List<T> oldestFirst, int n) {
        return oldestFirst.subList(Math.max(0, oldestFirst.size() - n), oldestFirst.size());
    }
}
