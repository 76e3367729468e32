package io.complaintmonitor.domain.trend;

/**
 * The numbers behind the trend tests, validated once. Shares, rates and rises are fractions
 * (0.9 is 90 %, a rise of 0.05 is 5 percentage points). docs/trends.md explains each default.
 *
 * @param baselineWeeks how many previous weeks make the volume baseline (the latest ones)
 * @param sigmas how many standard deviations above the average a week must be
 * @param minRelativeRise the least rise over the average, as a fraction of it, that can alert;
 *     stops a very steady series alerting on a small wobble
 * @param minWeeklyVolume the week judged must have at least this many complaints
 * @param minBaselineWeeks fewer previous weeks than this and volume is not judged
 * @param complianceTarget the share answered within timescale that a landlord should reach
 * @param complianceDropMargin how far, absolutely, the share may fall below last quarter's
 * @param minResponses fewer responses than this in the 4 weeks and compliance is not judged
 * @param contractorLastSteps N: a contractor is judged on its last N completed steps
 * @param contractorTarget the share of those steps that should be within timescale
 * @param escalationBaselineMonths how many previous months make the escalation baseline
 * @param escalationMinRise the least absolute rise in escalation rate that can alert
 * @param escalationSigmas how many standard deviations above the average the rate must be
 * @param minStage1Responses fewer stage 1 responses than this in the month and escalation is
 *     not judged
 */
public record TrendThresholds(
        int baselineWeeks,
        double sigmas,
        double minRelativeRise,
        long minWeeklyVolume,
        int minBaselineWeeks,
        double complianceTarget,
        double complianceDropMargin,
        long minResponses,
        int contractorLastSteps,
        double contractorTarget,
        int escalationBaselineMonths,
        double escalationMinRise,
        double escalationSigmas,
        long minStage1Responses) {

    public static final TrendThresholds DEFAULTS = new TrendThresholds(
            8, 3.0, 0.5, 5, 4,
            0.90, 0.10, 10,
            20, 0.90,
            3, 0.05, 2.0, 10);

    public TrendThresholds {
        atLeast("baselineWeeks", baselineWeeks, 1);
        nonNegative("sigmas", sigmas);
        nonNegative("minRelativeRise", minRelativeRise);
        // At least 1, so a week with no complaints can never alert, even against an empty history.
        atLeast("minWeeklyVolume", minWeeklyVolume, 1);
        atLeast("minBaselineWeeks", minBaselineWeeks, 1);
        if (minBaselineWeeks > baselineWeeks) {
            throw new IllegalArgumentException("minBaselineWeeks must not exceed baselineWeeks ("
                    + baselineWeeks + "), was " + minBaselineWeeks);
        }
        share("complianceTarget", complianceTarget);
        fraction("complianceDropMargin", complianceDropMargin);
        atLeast("minResponses", minResponses, 1);
        atLeast("contractorLastSteps", contractorLastSteps, 1);
        share("contractorTarget", contractorTarget);
        // A spread needs two months; one month has none and would make every rise look unusual.
        atLeast("escalationBaselineMonths", escalationBaselineMonths, 2);
        fraction("escalationMinRise", escalationMinRise);
        nonNegative("escalationSigmas", escalationSigmas);
        atLeast("minStage1Responses", minStage1Responses, 1);
    }

    private static void atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
    }

    private static void nonNegative(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be a finite number of 0 or more, was " + value);
        }
    }

    /** A target share: above 0 (a target of 0 can never be missed) and at most 1. */
    private static void share(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a fraction above 0 and at most 1, was " + value);
        }
    }

    private static void fraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a fraction from 0 to 1, was " + value);
        }
    }
}
