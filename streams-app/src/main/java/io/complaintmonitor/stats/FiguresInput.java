package io.complaintmonitor.stats;

import java.util.List;

import io.complaintmonitor.domain.stats.FiguresDelta;

/**
 * What the figures processor reads: one complaint change's deltas to the groups one partition owns
 * (a change touches up to six groups, and one record per partition instead of per group halves
 * the records on the figures-changes topic), or (deltas null) a clock mark sent to every partition
 * when the monitor's clock passes a London midnight, so windows end on time even when no complaint
 * changes. The record timestamp is the monitor's clock either way.
 */
public record FiguresInput(List<FiguresDelta> deltas) {

    public static final FiguresInput CLOCK = new FiguresInput(null);

    public FiguresInput {
        deltas = deltas == null ? null : List.copyOf(deltas);
    }

    public static FiguresInput of(FiguresDelta delta) {
        return new FiguresInput(List.of(delta));
    }

    public boolean isClock() {
        return deltas == null;
    }
}
