package io.complaintmonitor.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A contractor's most recent finished steps, in finishing order, for CONTRACTOR_UNDERPERFORMING
 * (Code 5.5: complaints handled by contractors judged as the landlord's own). Keeps twice the
 * number judged, so a late step or a retraction near the end still finds its place.
 */
public record RecentSteps(List<Entry> entries) {

    public static final RecentSteps EMPTY = new RecentSteps(List.of());

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::finishedOn)
            .thenComparing(Entry::step)
            .thenComparing(Entry::within);

    /** One finished step: when, which, and whether within its timescale. */
    public record Entry(LocalDate finishedOn, String step, boolean within) {
    }

    public RecentSteps {
        entries = List.copyOf(entries);
    }

    public RecentSteps plus(Entry entry, int keep) {
        List<Entry> next = new ArrayList<>(entries);
        next.add(entry);
        next.sort(ORDER);
        return new RecentSteps(next.size() > keep ? next.subList(next.size() - keep, next.size()) : next);
    }

    public RecentSteps minus(Entry entry) {
        List<Entry> next = new ArrayList<>(entries);
        next.remove(entry);
        return new RecentSteps(next);
    }

    /** Within-timescale flags of the last {@code n} steps finished before {@code end}, oldest first. */
    public List<Boolean> lastBefore(LocalDate end, int n) {
        List<Boolean> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.finishedOn().isBefore(end)) {
                out.add(e.within());
            }
        }
        return out.size() > n ? out.subList(out.size() - n, out.size()) : out;
    }
}
