package io.complaintmonitor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.BankHolidayCalendars;
import io.complaintmonitor.domain.complaint.ComplaintRules;
import io.complaintmonitor.domain.stats.DurationAggregate;
import io.complaintmonitor.domain.stats.FiguresDelta;
import io.complaintmonitor.domain.stats.Measures;
import io.complaintmonitor.domain.stats.OverdueLedger;
import io.complaintmonitor.domain.stats.StepMeasure;
import io.complaintmonitor.domain.stats.Tally;
import io.complaintmonitor.domain.stats.WindowKind;
import io.complaintmonitor.lifecycle.LifecycleTopology;
import io.complaintmonitor.lifecycle.MonitorDriver;
import io.complaintmonitor.lifecycle.TrackedComplaint;
import io.complaintmonitor.simulate.SimEvent;
import io.complaintmonitor.simulate.Simulation;
import io.complaintmonitor.simulate.SimulationSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracking task merges figures changes in its outbox, and sorts them into groups when it sends
 * them on. However they are merged (a complaint's steps put in and taken out again within one
 * send, many complaints' tallies on one date), the figures stores must end holding exactly the sum
 * of every complaint's own figures.
 */
class FiguresOutboxTopologyTest {

    private static final LocalDate FROM = LocalDate.of(2025, 4, 1);
    private static final LocalDate TO = LocalDate.of(2026, 4, 1);

    @TempDir
    Path stateDir;

    @Test
    void shouldHoldExactlyTheSumOfEveryComplaintsFiguresAfterASimulatedYearSentInBursts() {
        ComplaintRules rules = new ComplaintRules(BankHolidayCalendars.bundled("england-and-wales"));
        SimulationSettings settings = SimulationSettings.builder().seed(11).homes(10_000).from(FROM).to(TO).build();
        try (MonitorDriver monitor = MonitorDriver.start(stateDir)) {
            List<Object> burst = new ArrayList<>();
            int bursts = 0;
            for (SimEvent sim : (Iterable<SimEvent>) () -> Simulation.iterator(settings)) {
                burst.add(sim.record());
                // Bursts of 150 records: each send merges many complaints' changes, and some
                // complaints' several events.
                if (burst.size() == 150) {
                    monitor.send(burst.toArray());
                    burst.clear();
                    bursts++;
                }
            }
            monitor.send(burst.toArray());
            assertThat(bursts).as("a year of traffic, in many sends").isGreaterThan(5);

            Expected expected = expectedFrom(monitor.driver.getKeyValueStore(LifecycleTopology.STATE_STORE), rules);
            assertThat(expected.counts).as("the simulation produced figures").hasSizeGreaterThan(1_000);
            assertThat(expected.stats).hasSizeGreaterThan(500);

            Map<String, Long> counts = new TreeMap<>();
            KeyValueStore<String, Long> countStore = monitor.driver.getKeyValueStore(FiguresTopology.COUNTS_STORE);
            try (KeyValueIterator<String, Long> it = countStore.all()) {
                it.forEachRemaining(e -> {
                    // Survey feedback is counted apart from complaints; first sightings are not counts.
                    if (e.value != 0 && !e.key.endsWith(Measures.SURVEY_FEEDBACK)
                            && !e.key.endsWith(TrendJudge.FIRST_SEEN)) {
                        counts.put(e.key, e.value);
                    }
                });
            }
            assertThat(counts).isEqualTo(expected.counts);

            Map<String, DurationAggregate> stats = new TreeMap<>();
            KeyValueStore<String, DurationAggregate> statStore =
                    monitor.driver.getKeyValueStore(FiguresTopology.STATS_STORE);
            try (KeyValueIterator<String, DurationAggregate> it = statStore.all()) {
                it.forEachRemaining(e -> {
                    if (!e.value.isEmpty()) {
                        stats.put(e.key, e.value);
                    }
                });
            }
            assertThat(stats).isEqualTo(expected.stats);

            // Open past due at the start of each day the ledgers still answer for.
            KeyValueStore<String, OverdueLedger> ledgers = monitor.driver.getKeyValueStore(FiguresTopology.LEDGER_STORE);
            int daysCompared = 0;
            for (Map.Entry<String, OverdueLedger> e : expected.ledgers.entrySet()) {
                OverdueLedger actual = ledgers.get(e.getKey());
                assertThat(actual).as(e.getKey()).isNotNull();
                LocalDate first = LocalDate.ofEpochDay(Math.max(actual.foldedUpTo(), FROM.toEpochDay()));
                for (LocalDate day = first; day.isBefore(first.plusDays(120)); day = day.plusDays(1)) {
                    assertThat(actual.openPastDueAt(day)).as(e.getKey() + " at " + day)
                            .isEqualTo(e.getValue().openPastDueAt(day));
                    daysCompared++;
                }
            }
            assertThat(daysCompared).isGreaterThan(1_000);
        }
    }

    private record Expected(Map<String, Long> counts, Map<String, DurationAggregate> stats,
            Map<String, OverdueLedger> ledgers) {
    }

    /** Every complaint's figures, put into every group and window it counts in, one by one. */
    private static Expected expectedFrom(KeyValueStore<String, TrackedComplaint> complaints, ComplaintRules rules) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, DurationAggregate> stats = new TreeMap<>();
        Map<String, OverdueLedger> ledgers = new HashMap<>();
        try (KeyValueIterator<String, TrackedComplaint> it = complaints.all()) {
            while (it.hasNext()) {
                for (FiguresDelta delta : FiguresDelta.between(null, rules.figuresOf(it.next().value.state()))) {
                    String group = delta.key().asString();
                    for (Tally tally : delta.addedTallies()) {
                        for (WindowKind kind : FiguresProcessor.COUNT_WINDOWS) {
                            counts.merge(FiguresKeys.count(group, kind.windowOf(tally.date()), tally.measure()),
                                    tally.amount(), Long::sum);
                        }
                    }
                    for (StepMeasure step : delta.addedSteps()) {
                        if (step.finished()) {
                            for (WindowKind kind : FiguresProcessor.STEP_WINDOWS) {
                                stats.merge(FiguresKeys.stat(step.step(), group, kind.windowOf(step.finishedOn())),
                                        DurationAggregate.EMPTY.plus(step), (a, b) -> a.plus(step));
                            }
                        }
                        ledgers.merge(FiguresKeys.group(step.step(), group), OverdueLedger.EMPTY.plus(step),
                                (a, b) -> a.plus(step));
                    }
                }
            }
        }
        counts.values().removeIf(v -> v == 0);
        return new Expected(counts, stats, ledgers);
    }
}
