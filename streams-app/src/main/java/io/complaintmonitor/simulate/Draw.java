package io.complaintmonitor.simulate;

import java.util.List;
import java.util.SplittableRandom;

/** The few distributions the simulation draws from, on a seeded {@link SplittableRandom}. */
final class Draw {

    private final SplittableRandom random;

    Draw(SplittableRandom random) {
        this.random = random;
    }

    /** A generator for one named thing (a complaint, a day), independent of every other one. */
    static Draw of(long seed, long stream, long index) {
        return new Draw(new SplittableRandom(mix(mix(seed) ^ mix(stream * 0x9E3779B97F4A7C15L + index))));
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    double uniform() {
        return random.nextDouble();
    }

    /** A whole number from {@code lowest} to {@code highest}, both included. */
    int between(int lowest, int highest) {
        return lowest + random.nextInt(highest - lowest + 1);
    }

    /** Failures before the first success with probability {@code p} each: 0, 1, 2 ... with mean (1-p)/p. */
    int geometric(double p) {
        return (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p));
    }

    double gaussian() {
        return random.nextGaussian();
    }

    /** Poisson with mean {@code mean}: Knuth's product method, a normal approximation above 30. */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    /** An index into {@code weights} (need not sum to 1), drawn in proportion. */
    int weighted(List<Double> weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double point = random.nextDouble() * total;
        for (int i = 0; i < weights.size(); i++) {
            point -= weights.get(i);
            if (point < 0) {
                return i;
            }
        }
        return weights.size() - 1;
    }

    <T> T pick(List<T> values, List<Double> weights) {
        return values.get(weighted(weights));
    }

    /** SplitMix64's finaliser: spreads nearby seeds far apart. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
