package io.complaintmonitor.domain.stats;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One thing counted about a complaint on a date, for the headline measures: a stage received,
 * responded, responded within its timescale, an outcome, a refusal, a remedy, an Ombudsman step.
 * See {@link Measures} for the names.
 *
 * @param amount 1 for a count; pence for a remedy amount
 */
public record Tally(String measure, LocalDate date, long amount, Labels labels) {

    public Tally {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(labels, "labels");
    }

    /** Written out, as {@link StepMeasure#equals}: tallies are compared by the thousand when figures are diffed. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Tally t && amount == t.amount && measure.equals(t.measure)
                && date.equals(t.date) && labels.equals(t.labels);
    }

    @Override
    public int hashCode() {
        long h = StepMeasure.mix(StepMeasure.mix(StepMeasure.mix(measure.hashCode(), date.toEpochDay()), amount),
                labels.hashCode());
        return (int) (h ^ (h >>> 32));
    }
}
