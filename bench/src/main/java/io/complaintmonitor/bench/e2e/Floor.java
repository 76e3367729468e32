package io.complaintmonitor.bench.e2e;

/**
 * The regression floor: the monitor's throughput as a share of the exactly-once pass-through's,
 * measured in the same run, against the least share accepted. A floor against regressions, not
 * the target (the target is 60 %).
 */
public record Floor(double monitorPerSecond, double passThroughPerSecond, double minRatio) {

    public Floor {
        if (!(minRatio >= 0 && minRatio <= 1)) {
            throw new IllegalArgumentException("--min-ratio must be from 0 to 1, got " + minRatio);
        }
    }

    public double ratio() {
        return passThroughPerSecond <= 0 ? 0 : monitorPerSecond / passThroughPerSecond;
    }

    public boolean passed() {
        return ratio() >= minRatio;
    }
}
