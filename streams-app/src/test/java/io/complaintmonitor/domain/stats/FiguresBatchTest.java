package io.complaintmonitor.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Many complaint changes to one group, merged: the same figures as applying them one by one. */
class FiguresBatchTest {

    private static final DimensionKey GROUP = DimensionKey.parse("category=DAMP_MOULD");
    private static final LocalDate MONDAY = LocalDate.parse("2026-01-12");

    /** A finished step, overdue for some of the days before it was done when {@code late}. */
    private static StepMeasure step(int day, int workingDays, boolean late) {
        LocalDate done = MONDAY.plusDays(day);
        LocalDate overdueFrom = late ? done.minusDays(2) : done.plusDays(3);
        return new StepMeasure(Step.STAGE1_RESPONSE, Labels.NONE, done, workingDays, !late, late ? 0 : 1,
                overdueFrom, done.plusDays(1));
    }

    private static Tally tally(String measure, int day, long amount) {
        return new Tally(measure, MONDAY.plusDays(day), amount, Labels.NONE);
    }

    private static FiguresDelta delta(List<StepMeasure> removedSteps, List<StepMeasure> addedSteps,
            List<Tally> removedTallies, List<Tally> addedTallies) {
        return new FiguresDelta(GROUP, removedSteps, addedSteps, removedTallies, addedTallies);
    }

    /** What a group's figures hold: the duration aggregate, the overdue ledger and the sums per tally. */
    private record Figures(DurationAggregate aggregate, OverdueLedger ledger, Map<String, Long> sums,
            Map<String, LocalDate> firstAdded) {

        static final Figures NONE = new Figures(DurationAggregate.EMPTY, OverdueLedger.EMPTY, Map.of(), Map.of());

        /** One delta, as the figures processor takes it: each store value changed once. */
        Figures apply(FiguresDelta d) {
            Map<String, Long> s = new TreeMap<>(sums);
            Map<String, LocalDate> first = new TreeMap<>(firstAdded);
            d.removedTallies().forEach(t -> s.merge(t.measure() + "@" + t.date(), -t.amount(), Long::sum));
            d.addedTallies().forEach(t -> {
                s.merge(t.measure() + "@" + t.date(), t.amount(), Long::sum);
                first.merge(t.measure(), t.date(), (a, b) -> a.isBefore(b) ? a : b);
            });
            s.values().removeIf(v -> v == 0);
            return new Figures(aggregate.change(d.removedSteps(), d.addedSteps()),
                    ledger.change(d.removedSteps(), d.addedSteps()), s, first);
        }

        /** One fact at a time, with the single-step operations. */
        Figures applyOneByOne(FiguresDelta d) {
            DurationAggregate a = aggregate;
            OverdueLedger l = ledger;
            for (StepMeasure gone : d.removedSteps()) {
                a = a.minus(gone);
                l = l.minus(gone);
            }
            for (StepMeasure added : d.addedSteps()) {
                a = a.plus(added);
                l = l.plus(added);
            }
            Figures rest = new Figures(a, l, sums, firstAdded)
                    .apply(new FiguresDelta(d.key(), List.of(), List.of(), d.removedTallies(), d.addedTallies()));
            return rest;
        }
    }

    @Test
    void shouldGiveTheSameFiguresAsEachChangeInTurnWhenThousandsOfRandomChangesAreMerged() {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            // Complaints whose steps and tallies are put in, and later replaced or taken out.
            List<StepMeasure> live = new ArrayList<>();
            List<Tally> liveTallies = new ArrayList<>();
            Figures oneByOne = Figures.NONE;
            FiguresBatch batch = new FiguresBatch(GROUP);
            long latest = Long.MIN_VALUE;
            for (int change = 0; change < 200; change++) {
                List<StepMeasure> removed = new ArrayList<>();
                List<StepMeasure> added = new ArrayList<>();
                List<Tally> removedTallies = new ArrayList<>();
                List<Tally> addedTallies = new ArrayList<>();
                if (!live.isEmpty() && random.nextInt(3) == 0) {
                    removed.add(live.remove(random.nextInt(live.size())));
                }
                if (random.nextInt(4) > 0) {
                    // Few distinct steps, so equal ones meet and cancel.
                    StepMeasure s = step(random.nextInt(5), random.nextInt(4), random.nextBoolean());
                    added.add(s);
                    live.add(s);
                }
                if (!liveTallies.isEmpty() && random.nextInt(3) == 0) {
                    removedTallies.add(liveTallies.remove(random.nextInt(liveTallies.size())));
                }
                Tally t = tally(random.nextBoolean() ? "stage1.received" : "stage1.remedy.pence", random.nextInt(5),
                        random.nextInt(3));
                addedTallies.add(t);
                liveTallies.add(t);
                FiguresDelta d = delta(removed, added, removedTallies, addedTallies);
                oneByOne = oneByOne.applyOneByOne(d);
                long at = 1_000L * random.nextInt(1_000);
                latest = Math.max(latest, at);
                batch.add(d, at);
            }
            Figures merged = Figures.NONE;
            List<FiguresDelta> deltas = batch.toDeltas(7);
            for (FiguresDelta d : deltas) {
                assertThat(d.size()).isBetween(1, 7);
                merged = merged.apply(d);
            }
            assertThat(merged).as("round %d", round).isEqualTo(oneByOne);
            assertThat(batch.latestMillis()).isEqualTo(latest);
            // Merging shrinks: at most 5 days x 4 durations x 2 kinds of distinct steps, 20 tally keys each way.
            assertThat(deltas.stream().mapToInt(FiguresDelta::size).sum()).isLessThan(200);
        }
    }

    @Test
    void shouldSendNothingWhenEveryChangeCancelsOut() {
        StepMeasure s = step(0, 3, false);
        FiguresBatch batch = new FiguresBatch(GROUP)
                .add(delta(List.of(), List.of(s), List.of(), List.of()), 1)
                .add(delta(List.of(s), List.of(), List.of(), List.of()), 2);

        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.toDeltas(10)).isEmpty();
    }

    @Test
    void shouldKeepATallyPutInAndTakenOutSoItsFirstSightingStillCounts() {
        Tally received = tally("stage1.received", 0, 1);
        FiguresBatch batch = new FiguresBatch(GROUP)
                .add(delta(List.of(), List.of(), List.of(), List.of(received)), 1)
                .add(delta(List.of(), List.of(), List.of(received), List.of()), 2);

        assertThat(batch.toDeltas(10)).containsExactly(
                delta(List.of(), List.of(), List.of(received), List.of(received)));
    }

    @Test
    void shouldRepeatAStepPutInSeveralTimesAndTakeOutsFirst() {
        StepMeasure twice = step(1, 2, false);
        StepMeasure gone = step(2, 5, true);
        FiguresBatch batch = FiguresBatch.of(delta(List.of(gone), List.of(twice), List.of(), List.of()), 5)
                .add(delta(List.of(), List.of(twice), List.of(), List.of()), 3);

        assertThat(batch.toDeltas(2)).containsExactly(
                delta(List.of(gone), List.of(twice), List.of(), List.of()),
                delta(List.of(), List.of(twice), List.of(), List.of()));
        assertThat(batch.latestMillis()).isEqualTo(5);
    }

    @Test
    void shouldRefuseADeltaToAnotherGroup() {
        FiguresBatch batch = new FiguresBatch(GROUP);
        FiguresDelta other = new FiguresDelta(DimensionKey.ALL, List.of(), List.of(), List.of(),
                List.of(tally("stage1.received", 0, 1)));

        assertThatThrownBy(() -> batch.add(other, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all=all").hasMessageContaining("category=DAMP_MOULD");
        assertThatThrownBy(() -> batch.toDeltas(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
