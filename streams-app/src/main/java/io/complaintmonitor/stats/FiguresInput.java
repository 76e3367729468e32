package io.complaintmonitor.stats;

import io.complaintmonitor.domain.stats.FiguresDelta;

/**
 * What the figures processor reads: one group's change, or (delta null) a clock mark sent to
 * every partition when the monitor's clock passes a London midnight, so windows end on time even
 * when no complaint changes. The record timestamp is the monitor's clock either way.
 */
public record FiguresInput(FiguresDelta delta) {

    public static final FiguresInput CLOCK = new FiguresInput(null);

    public boolean isClock() {
        return delta == null;
    }
}
