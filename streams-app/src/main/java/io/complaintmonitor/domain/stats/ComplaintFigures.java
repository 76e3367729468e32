package io.complaintmonitor.domain.stats;

import java.util.List;

/** Everything one complaint contributes to the figures: its timed steps and its tallies. */
public record ComplaintFigures(List<StepMeasure> steps, List<Tally> tallies) {

    public static final ComplaintFigures NONE = new ComplaintFigures(List.of(), List.of());

    public ComplaintFigures {
        steps = List.copyOf(steps);
        tallies = List.copyOf(tallies);
    }
}
