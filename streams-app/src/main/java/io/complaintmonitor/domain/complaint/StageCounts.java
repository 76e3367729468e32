package io.complaintmonitor.domain.complaint;

/** The audit summary's figures for one stage, as defined in issue 3. */
public record StageCounts(
        long received,
        long acknowledged,
        long acknowledgedWithinTimescale,
        long responded,
        long respondedWithinTimescale,
        long open) {

    public static final StageCounts ZERO = new StageCounts(0, 0, 0, 0, 0, 0);

    public StageCounts plus(StageOutcome o) {
        return new StageCounts(
                received + count(o.received()),
                acknowledged + count(o.acknowledged()),
                acknowledgedWithinTimescale + count(o.acknowledgedWithinTimescale()),
                responded + count(o.responded()),
                respondedWithinTimescale + count(o.respondedWithinTimescale()),
                open + count(o.open()));
    }

    public StageCounts plus(StageCounts other) {
        return new StageCounts(
                received + other.received,
                acknowledged + other.acknowledged,
                acknowledgedWithinTimescale + other.acknowledgedWithinTimescale,
                responded + other.responded,
                respondedWithinTimescale + other.respondedWithinTimescale,
                open + other.open);
    }

    private static long count(boolean b) {
        return b ? 1 : 0;
    }
}
