package io.complaintmonitor.domain.stats;

import java.time.LocalDate;
import java.util.Map;

/**
 * How many steps of one group are open past due at the start of each day, kept as changes by
 * day (a step adds one on its first overdue day and takes it away on the day it is done), so an
 * interval that is still open costs one entry and a late correction is two. Days before
 * {@code foldedUpTo} have been folded into {@code base}: the ledger answers only for days on or
 * after it, which is all a window still open to late events needs.
 *
 * @param changes epoch day -> change in the count at the start of that day
 */
public record OverdueLedger(long base, long foldedUpTo, Map<Long, Long> changes) {

    public static final OverdueLedger EMPTY = new OverdueLedger(0, Long.MIN_VALUE, Map.of());

    public OverdueLedger {
        // Changes this class built for the new value are taken as they are: copied once, not twice per change.
        changes = SortedCounts.of(changes, Long::valueOf);
    }

    public OverdueLedger plus(StepMeasure step) {
        return add(step, 1);
    }

    public OverdueLedger minus(StepMeasure step) {
        return add(step, -1);
    }

    /** The earliest day whose count {@code step} changes, or null when it is never open past due. */
    public static LocalDate firstDayAffected(StepMeasure step) {
        if (step.overdueFrom() == null || (step.overdueUntil() != null && !step.overdueUntil().isAfter(step.overdueFrom()))) {
            return null;
        }
        return step.overdueFrom();
    }

    private OverdueLedger add(StepMeasure step, int sign) {
        return firstDayAffected(step) == null ? this : change(Map.of(step, sign));
    }

    /** Takes out or puts in each step as many times as its count says (negative: taken out), copying the changes once. */
    public OverdueLedger change(Map<StepMeasure, Integer> counted) {
        SortedCounts<Long> c = sorted().copy();
        long[] newBase = {base};
        counted.forEach((step, times) -> count(c, newBase, step, times));
        return new OverdueLedger(newBase[0], foldedUpTo, c);
    }

    private void count(SortedCounts<Long> c, long[] newBase, StepMeasure step, int times) {
        if (firstDayAffected(step) == null) {
            return;
        }
        long from = step.overdueFrom().toEpochDay();
        // A day already folded counts in the base, as its change would have been folded into it.
        if (from <= foldedUpTo) {
            newBase[0] += times;
        } else {
            c.add(from, times);
        }
        if (step.overdueUntil() != null) {
            long until = step.overdueUntil().toEpochDay();
            if (until <= foldedUpTo) {
                newBase[0] -= times;
            } else {
                c.add(until, -times);
            }
        }
    }

    /** Steps open past due at 00:00 London on {@code day}. */
    public long openPastDueAt(LocalDate day) {
        long d = day.toEpochDay();
        if (d < foldedUpTo) {
            throw new IllegalArgumentException(day + " is before the ledger's folded days (up to "
                    + LocalDate.ofEpochDay(foldedUpTo) + ")");
        }
        return base + sorted().sumUpTo(d);
    }

    /** Folds the changes up to and including {@code day} into the base; the ledger then answers from day on. */
    public OverdueLedger foldUpTo(LocalDate day) {
        long d = day.toEpochDay();
        if (d <= foldedUpTo) {
            return this;
        }
        SortedCounts<Long> c = sorted().copy();
        long newBase = base + c.removeUpTo(d);
        return new OverdueLedger(newBase, d, c);
    }

    public boolean isEmpty() {
        return base == 0 && changes.isEmpty();
    }

    private SortedCounts<Long> sorted() {
        return (SortedCounts<Long>) changes;
    }
}
