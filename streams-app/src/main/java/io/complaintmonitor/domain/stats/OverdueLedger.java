package io.complaintmonitor.domain.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        // A map this class built for the new value is taken as it is: copied once, not twice per change.
        changes = changes instanceof Changes own ? own : new Changes(changes);
    }

    /** The sorted changes of a ledger: only this class makes them, so it alone may hand one over uncopied. */
    private static final class Changes extends TreeMap<Long, Long> {
        Changes(Map<Long, Long> from) {
            super(from);
        }
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
        return firstDayAffected(step) == null ? this
                : change(sign < 0 ? List.of(step) : List.of(), sign > 0 ? List.of(step) : List.of());
    }

    /** Takes {@code removed} out and puts {@code added} in, copying the changes once. */
    public OverdueLedger change(List<StepMeasure> removed, List<StepMeasure> added) {
        Changes c = new Changes(changes);
        long[] newBase = {base};
        removed.forEach(step -> count(c, newBase, step, -1));
        added.forEach(step -> count(c, newBase, step, 1));
        return new OverdueLedger(newBase[0], foldedUpTo, c);
    }

    private void count(Changes c, long[] newBase, StepMeasure step, int sign) {
        if (firstDayAffected(step) == null) {
            return;
        }
        long from = step.overdueFrom().toEpochDay();
        // A day already folded counts in the base, as its change would have been folded into it.
        if (from <= foldedUpTo) {
            newBase[0] += sign;
        } else {
            bump(c, from, sign);
        }
        if (step.overdueUntil() != null) {
            long until = step.overdueUntil().toEpochDay();
            if (until <= foldedUpTo) {
                newBase[0] -= sign;
            } else {
                bump(c, until, -sign);
            }
        }
    }

    private static void bump(TreeMap<Long, Long> c, long day, long by) {
        long v = c.getOrDefault(day, 0L) + by;
        if (v == 0) {
            c.remove(day);
        } else {
            c.put(day, v);
        }
    }

    /** Steps open past due at 00:00 London on {@code day}. */
    public long openPastDueAt(LocalDate day) {
        long d = day.toEpochDay();
        if (d < foldedUpTo) {
            throw new IllegalArgumentException(day + " is before the ledger's folded days (up to "
                    + LocalDate.ofEpochDay(foldedUpTo) + ")");
        }
        long sum = base;
        for (Map.Entry<Long, Long> e : ((TreeMap<Long, Long>) changes).headMap(d, true).entrySet()) {
            sum += e.getValue();
        }
        return sum;
    }

    /** Folds the changes up to and including {@code day} into the base; the ledger then answers from day on. */
    public OverdueLedger foldUpTo(LocalDate day) {
        long d = day.toEpochDay();
        if (d <= foldedUpTo) {
            return this;
        }
        Changes c = new Changes(changes);
        long newBase = base;
        var head = c.headMap(d, true);
        for (long v : head.values()) {
            newBase += v;
        }
        head.clear();
        return new OverdueLedger(newBase, d, c);
    }

    public boolean isEmpty() {
        return base == 0 && changes.isEmpty();
    }
}
