package io.complaintmonitor.domain.stats;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What one timed step of one complaint contributes to the stage-duration statistics, worked out
 * from the complaint's facts (so the same events in any order give the same measure).
 *
 * <p>A finished step counts in the windows containing {@code finishedOn}. Whether finished or
 * not, it is open past due at the start of every date d with overdueFrom &lt;= d &lt; overdueUntil,
 * which is what "still open past due at the window's end" counts for the window ending on d.
 *
 * @param finishedOn the date of the acknowledgement or response; null while not done (a step
 *     whose clock was stopped by closure, refusal or withdrawal never finishes)
 * @param workingDays working days from the step's start to finishedOn (0 while not finished)
 * @param withinTimescale done on or before its last allowed day (an agreed extension counting up to
 *     the Code's limit)
 * @param extensions extensions agreed in the step (response steps only)
 * @param overdueFrom the first date at whose start the step is open past due; null when its due
 *     date is not known (a stage whose receipt was never seen)
 * @param overdueUntil the first date at whose start it no longer is (done or clock stopped); null
 *     while it is still open
 */
public record StepMeasure(
        Step step,
        Labels labels,
        LocalDate finishedOn,
        int workingDays,
        boolean withinTimescale,
        int extensions,
        LocalDate overdueFrom,
        LocalDate overdueUntil) {

    public StepMeasure {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(labels, "labels");
    }

    /**
     * Mixed well, unlike a record's default: steps are kept in hash maps by the thousand (see
     * {@link FiguresBatch}), and the default's sum of small dates and day counts made whole
     * buckets collide.
     */
    @Override
    public int hashCode() {
        long h = step.ordinal();
        h = mix(h, labels.hashCode());
        h = mix(h, finishedOn == null ? -1 : finishedOn.toEpochDay());
        h = mix(h, workingDays);
        h = mix(h, withinTimescale ? 1 : 0);
        h = mix(h, extensions);
        h = mix(h, overdueFrom == null ? -1 : overdueFrom.toEpochDay());
        h = mix(h, overdueUntil == null ? -1 : overdueUntil.toEpochDay());
        return (int) (h ^ (h >>> 32));
    }

    /** Written out: a record's generated equals goes through a method handle chain, slow in hash maps this busy. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof StepMeasure m && step == m.step && workingDays == m.workingDays
                && withinTimescale == m.withinTimescale && extensions == m.extensions && labels.equals(m.labels)
                && Objects.equals(finishedOn, m.finishedOn) && Objects.equals(overdueFrom, m.overdueFrom)
                && Objects.equals(overdueUntil, m.overdueUntil);
    }

    /** One step of a multiplicative hash: the golden-ratio constant spreads small values over all bits. */
    static long mix(long h, long value) {
        return (h + value) * 0x9E3779B97F4A7C15L;
    }

    /** The same step with {@link Labels#NONE}: as it counts once sorted into a group. */
    public StepMeasure withoutLabels() {
        return labels == Labels.NONE ? this : new StepMeasure(step, Labels.NONE, finishedOn, workingDays,
                withinTimescale, extensions, overdueFrom, overdueUntil);
    }

    public boolean finished() {
        return finishedOn != null;
    }

    /** Whether the step is open past due at 00:00 London on {@code day}. */
    public boolean openPastDueAt(LocalDate day) {
        return overdueFrom != null && !day.isBefore(overdueFrom) && (overdueUntil == null || day.isBefore(overdueUntil));
    }
}
