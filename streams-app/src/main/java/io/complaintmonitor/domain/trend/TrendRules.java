package io.complaintmonitor.domain.trend;

import static io.complaintmonitor.domain.trend.Wording.number;
import static io.complaintmonitor.domain.trend.Wording.percent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The four trend tests, as pure functions of figures a caller has already aggregated. Each
 * returns a {@link TrendFinding} when the test holds, and empty both when it does not and when
 * there is too little data to judge (too few weeks, responses or steps). {@link TrendLatch}
 * turns a series of answers into raise and recovery decisions. docs/trends.md states each test.
 *
 * <p><b>On the line is not an alert.</b> Every test is strict, and two values closer than
 * {@link #TOLERANCE} count as equal, so a share of exactly 90 % against a target of 90 %, or a
 * count exactly on a line computed with rounding error, never alerts.
 *
 * <p><b>Labels.</b> The explanations are built only from the labels and numbers given, so labels
 * must be category names, contractor ids and periods, never a resident's name or address. A
 * dimension label is the subject ("Damp and mould", "All complaints"); a window label follows
 * "in" ("week 2025-W03", "the 4 weeks to 19 January 2025", "January 2025").
 */
public final class TrendRules {

    /** Differences smaller than this are rounding error, not a crossing. */
    static final double TOLERANCE = 1e-9;

    private final TrendThresholds t;

    public TrendRules(TrendThresholds thresholds) {
        this.t = Objects.requireNonNull(thresholds, "thresholds");
    }

    public TrendThresholds thresholds() {
        return t;
    }

    /**
     * A week with far more complaints than the weeks before. The baseline is the latest
     * {@code baselineWeeks} of {@code previousWeeks} (oldest first), at least
     * {@code minBaselineWeeks} of them. With mean m and population standard deviation s, the line
     * is m + max(sigmas × s, minRelativeRise × m); the week alerts when it has at least
     * {@code minWeeklyVolume} complaints and is above the line. With no complaints in the baseline
     * the line is 0, so any week with {@code minWeeklyVolume} or more alerts: a sudden start of
     * complaints in a category that had none is worth a look.
     */
    public Optional<TrendFinding> volumeSpike(String dimensionLabel, String windowLabel, long thisWeek,
            List<Long> previousWeeks) {
        label("dimensionLabel", dimensionLabel);
        label("windowLabel", windowLabel);
        count("thisWeek", thisWeek);
        Objects.requireNonNull(previousWeeks, "previousWeeks");
        previousWeeks.forEach(w -> count("previousWeeks", Objects.requireNonNull(w, "previousWeeks element")));
        if (previousWeeks.size() < t.minBaselineWeeks()) {
            return Optional.empty();
        }
        Baseline b = Baseline.of(Baseline.latest(previousWeeks, t.baselineWeeks()));
        double line = b.mean() + Math.max(t.sigmas() * b.stddev(), t.minRelativeRise() * b.mean());
        if (thisWeek < t.minWeeklyVolume() || !above(thisWeek, line)) {
            return Optional.empty();
        }
        String against = b.mean() == 0
                ? "against none in the previous " + weeks(b.size()) + " (alerts start at "
                        + t.minWeeklyVolume() + " in a week)."
                : "against an average of " + number(b.mean()) + " over the previous " + weeks(b.size())
                        + " (alert line " + number(line) + ").";
        return Optional.of(new TrendFinding(TrendKind.VOLUME_SPIKE, thisWeek, b.mean(), line,
                dimensionLabel + ": " + thisWeek + " complaints in " + windowLabel + ", " + against));
    }

    /**
     * The share of responses within timescale over 4 weeks, share = within4w / responded4w,
     * judged when there were at least {@code minResponses}. It alerts when the share is below
     * {@code complianceTarget}, or below last quarter's share less {@code complianceDropMargin}.
     * The finding compares with the target when that test holds (even if both do), otherwise
     * with last quarter.
     */
    public Optional<TrendFinding> complianceDrop(String dimensionLabel, String windowLabel, long within4w,
            long responded4w, OptionalDouble previousQuarterShare) {
        label("dimensionLabel", dimensionLabel);
        label("windowLabel", windowLabel);
        count("within4w", within4w);
        count("responded4w", responded4w);
        if (within4w > responded4w) {
            throw new IllegalArgumentException("within4w (" + within4w + ") must not exceed responded4w ("
                    + responded4w + ")");
        }
        Objects.requireNonNull(previousQuarterShare, "previousQuarterShare");
        previousQuarterShare.ifPresent(p -> fraction("previousQuarterShare", p));
        if (responded4w < t.minResponses()) {
            return Optional.empty();
        }
        double share = (double) within4w / responded4w;
        String seen = dimensionLabel + ": " + within4w + " of " + responded4w + " responses in " + windowLabel
                + " were within timescale (" + percent(share) + ")";
        boolean belowTarget = below(share, t.complianceTarget());
        boolean belowLastQuarter = previousQuarterShare.isPresent()
                && below(share, previousQuarterShare.getAsDouble() - t.complianceDropMargin());
        if (belowTarget) {
            String lastQuarter = previousQuarterShare.isPresent()
                    ? " Last quarter it was " + percent(previousQuarterShare.getAsDouble()) + "."
                    : "";
            return Optional.of(new TrendFinding(TrendKind.COMPLIANCE_DROP, share, t.complianceTarget(),
                    t.complianceTarget(), seen + ", below the target of " + percent(t.complianceTarget()) + "."
                            + lastQuarter));
        }
        if (belowLastQuarter) {
            double previous = previousQuarterShare.getAsDouble();
            double line = previous - t.complianceDropMargin();
            return Optional.of(new TrendFinding(TrendKind.COMPLIANCE_DROP, share, previous, line,
                    seen + ", down from " + percent(previous) + " last quarter, a fall of more than "
                            + number(t.complianceDropMargin() * 100) + " points (alert line " + percent(line) + ")."));
        }
        return Optional.empty();
    }

    /**
     * A contractor judged on its last {@code contractorLastSteps} completed steps (most recent
     * last, true for within timescale); with fewer it is not judged. It alerts when the share
     * within timescale is below {@code contractorTarget}.
     */
    public Optional<TrendFinding> contractorUnderperforming(String contractorLabel, List<Boolean> lastSteps) {
        label("contractorLabel", contractorLabel);
        Objects.requireNonNull(lastSteps, "lastSteps");
        int n = t.contractorLastSteps();
        if (lastSteps.size() < n) {
            return Optional.empty();
        }
        long within = Baseline.latest(lastSteps, n).stream()
                .filter(step -> Objects.requireNonNull(step, "lastSteps element"))
                .count();
        double share = (double) within / n;
        if (!below(share, t.contractorTarget())) {
            return Optional.empty();
        }
        return Optional.of(new TrendFinding(TrendKind.CONTRACTOR_UNDERPERFORMING, share, t.contractorTarget(),
                t.contractorTarget(), "Contractor " + contractorLabel + ": " + within + " of its last " + n
                        + " completed steps were within timescale (" + percent(share) + "), below the target of "
                        + percent(t.contractorTarget()) + "."));
    }

    /**
     * The month's escalation rate, rate = escalated / stage1Responses, judged when there were at
     * least {@code minStage1Responses} and at least 2 previous months. The baseline is the latest
     * {@code escalationBaselineMonths} of {@code previousMonthRates} (oldest first); with mean m
     * and population standard deviation s the line is m + max(escalationSigmas × s,
     * escalationMinRise), and the month alerts above it.
     */
    public Optional<TrendFinding> escalationRise(String dimensionLabel, String windowLabel, long escalated,
            long stage1Responses, List<Double> previousMonthRates) {
        label("dimensionLabel", dimensionLabel);
        label("windowLabel", windowLabel);
        count("escalated", escalated);
        count("stage1Responses", stage1Responses);
        Objects.requireNonNull(previousMonthRates, "previousMonthRates");
        // Not capped at 1: a month can see escalations of responses sent the month before.
        previousMonthRates.forEach(r -> rate("previousMonthRates", Objects.requireNonNull(r, "previousMonthRates element")));
        if (stage1Responses < t.minStage1Responses() || previousMonthRates.size() < 2) {
            return Optional.empty();
        }
        Baseline b = Baseline.of(Baseline.latest(previousMonthRates, t.escalationBaselineMonths()));
        double rate = (double) escalated / stage1Responses;
        double line = b.mean() + Math.max(t.escalationSigmas() * b.stddev(), t.escalationMinRise());
        if (!above(rate, line)) {
            return Optional.empty();
        }
        return Optional.of(new TrendFinding(TrendKind.ESCALATION_RISE, rate, b.mean(), line,
                dimensionLabel + ": " + escalated + " of " + stage1Responses + " stage 1 responses in " + windowLabel
                        + " were escalated to stage 2 (" + percent(rate) + "), against an average of "
                        + percent(b.mean()) + " over the previous " + b.size() + " months (alert line "
                        + percent(line) + ")."));
    }

    private static boolean above(double value, double line) {
        return value > line + TOLERANCE;
    }

    private static boolean below(double value, double line) {
        return value < line - TOLERANCE;
    }

    private static String weeks(int n) {
        return n == 1 ? "week" : n + " weeks";
    }

    private static void label(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void count(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }

    private static void fraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a fraction from 0 to 1, was " + value);
        }
    }

    private static void rate(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be a finite rate of 0 or more, was " + value);
        }
    }
}
