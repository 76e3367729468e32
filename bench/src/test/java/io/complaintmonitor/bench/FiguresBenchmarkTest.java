package io.complaintmonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.stats.ComplaintFigures;
import io.complaintmonitor.domain.stats.DimensionKey;
import io.complaintmonitor.domain.stats.DurationAggregate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmark's fixtures do what its names and the README say, not nothing. */
class FiguresBenchmarkTest {

    private final FiguresBenchmark.Responses r = new FiguresBenchmark.Responses();

    @BeforeEach
    void setUp() {
        r.setUp();
    }

    @Test
    void shouldGiveEachComplaintAResponseThatChangesItsFigures() {
        assertThat(r.before).hasSize(FiguresBenchmark.COMPLAINTS);
        for (int i = 0; i < FiguresBenchmark.COMPLAINTS; i++) {
            assertThat(r.after.get(i)).as("complaint %d", i).isNotEqualTo(r.before.get(i));
        }
        ComplaintFigures responded = r.rules.figuresOf(r.responded);
        assertThat(responded.steps()).as("acknowledgement and response, both finished")
                .hasSize(2).allMatch(step -> step.finished());
    }

    @Test
    void shouldSortTheOutboxIntoEveryGroupTheComplaintsCountIn() {
        Map<DimensionKey, Integer> records = FiguresBenchmark.outbox(r);

        // all, source, eight categories, four teams, one landlord; no contractor.
        assertThat(FiguresBenchmark.CATEGORIES).hasSize(8);
        assertThat(records).hasSize(1 + 1 + 8 + 4 + 1);
        assertThat(records).containsKey(DimensionKey.ALL);
        assertThat(records.values()).allMatch(n -> n >= 1);
    }

    @Test
    void shouldMoveOneStepBetweenDurationsWhenTheWindowsAggregateIsChanged() {
        FiguresBenchmark.Window w = new FiguresBenchmark.Window();
        w.setUp();

        DurationAggregate changed = w.aggregate.change(w.change);

        assertThat(w.aggregate.count()).isEqualTo(500);
        assertThat(w.aggregate.histogram()).hasSize(25);
        assertThat(changed.count()).isEqualTo(500);
        assertThat(changed.totalWorkingDays()).isEqualTo(w.aggregate.totalWorkingDays() + 3);
        assertThat(changed.withinTimescale()).isEqualTo(w.aggregate.withinTimescale() - 1);
        assertThat(changed.histogram().get(9)).isEqualTo(w.aggregate.histogram().get(9) - 1);
        assertThat(changed.histogram().get(12)).isEqualTo(w.aggregate.histogram().get(12) + 1);
    }
}
