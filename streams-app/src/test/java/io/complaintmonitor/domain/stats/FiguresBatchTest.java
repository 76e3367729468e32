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
            return new Figures(aggregate.change(d.steps()), ledger.change(d.steps()), s, first);
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

    /** Labels that share some groups and not others: moving between them leaves ALL and more alone. */
    private static final List<Labels> LABELS = List.of(
            new Labels("L1", "crm", "DAMP_MOULD", null, "T1"),
            new Labels("L1", "crm", "REPAIRS", null, "T1"),
            new Labels("L1", "webform", "DAMP_MOULD", "C1", "T2"),
            new Labels("L2", null, "DAMP_MOULD", "C2", null));

    private static StepMeasure labelled(StepMeasure s, Labels labels) {
        return new StepMeasure(s.step(), labels, s.finishedOn(), s.workingDays(), s.withinTimescale(), s.extensions(),
                s.overdueFrom(), s.overdueUntil());
    }

    @Test
    void shouldGiveEveryGroupTheSameFiguresSortedWhenSentAsSortedAtEachChange() {
        Random random = new Random(7);
        for (int round = 0; round < 30; round++) {
            // Whole complaints' figures, changed at random: facts put in, taken out, and relabelled.
            List<ComplaintFigures> complaints = new ArrayList<>();
            for (int c = 0; c < 20; c++) {
                complaints.add(ComplaintFigures.NONE);
            }
            Map<DimensionKey, Figures> atEachChange = new TreeMap<>();
            Map<DimensionKey, Figures> sortedWhenSent = new TreeMap<>();
            FiguresBatch outbox = FiguresBatch.unsorted();
            for (int change = 0; change < 300; change++) {
                int c = random.nextInt(complaints.size());
                ComplaintFigures before = complaints.get(c);
                Labels labels = LABELS.get(random.nextInt(LABELS.size()));
                List<StepMeasure> steps = new ArrayList<>();
                List<Tally> tallies = new ArrayList<>();
                boolean relabel = random.nextInt(4) == 0;
                before.steps().forEach(st -> steps.add(relabel ? labelled(st, labels) : st));
                before.tallies().forEach(t -> tallies.add(relabel
                        ? new Tally(t.measure(), t.date(), t.amount(), labels) : t));
                if (!steps.isEmpty() && random.nextInt(3) == 0) {
                    steps.remove(random.nextInt(steps.size()));
                }
                if (random.nextBoolean()) {
                    steps.add(labelled(step(random.nextInt(5), random.nextInt(4), random.nextBoolean()), labels));
                }
                if (!tallies.isEmpty() && random.nextInt(3) == 0) {
                    tallies.remove(random.nextInt(tallies.size()));
                }
                if (random.nextBoolean()) {
                    tallies.add(new Tally(random.nextBoolean() ? "stage1.received" : "stage1.remedy.pence",
                            MONDAY.plusDays(random.nextInt(5)), 1 + random.nextInt(3), labels));
                }
                ComplaintFigures after = new ComplaintFigures(steps, tallies);
                complaints.set(c, after);
                for (FiguresDelta d : FiguresDelta.between(before, after)) {
                    atEachChange.merge(d.key(), Figures.NONE.apply(d), (was, none) -> was.apply(d));
                }
                outbox.add(before, after, change);
                if (random.nextInt(40) == 0 || change == 299) {
                    Map<DimensionKey, FiguresBatch> groups = new TreeMap<>();
                    outbox.sortInto(groups);
                    long sentAt = change;
                    groups.forEach((group, batch) -> {
                        assertThat(batch.latestMillis()).isEqualTo(sentAt);
                        for (FiguresDelta d : batch.toDeltas(5)) {
                            assertThat(d.key()).isEqualTo(group);
                            assertThat(d.removedSteps()).allMatch(st -> st.labels().equals(Labels.NONE));
                            sortedWhenSent.merge(group, Figures.NONE.apply(d), (was, none) -> was.apply(d));
                        }
                    });
                    outbox = FiguresBatch.unsorted();
                }
            }
            assertThat(sortedWhenSent).as("round %d", round).isEqualTo(atEachChange);
        }
    }

    @Test
    void shouldSortASurveyTallyIntoTheGroupsOfItsLabels() {
        Labels labels = new Labels("L1", "webform", "REPAIRS", null, null);
        Tally feedback = new Tally(Measures.SURVEY_FEEDBACK, MONDAY, 1, labels);
        Map<DimensionKey, FiguresBatch> groups = new TreeMap<>();
        FiguresBatch.unsorted().add(ComplaintFigures.NONE, new ComplaintFigures(List.of(), List.of(feedback)), 9)
                .sortInto(groups);

        assertThat(groups.keySet()).containsExactlyElementsOf(labels.dimensionKeys().stream().sorted().toList());
        groups.forEach((group, batch) -> assertThat(batch.toDeltas(10)).containsExactly(new FiguresDelta(group,
                List.of(), List.of(), List.of(), List.of(new Tally(Measures.SURVEY_FEEDBACK, MONDAY, 1, Labels.NONE)))));
        assertThat(groups.values()).allMatch(b -> b.latestMillis() == 9);
    }

    @Test
    void shouldSortAnEarlierVersionsGroupBatchIntoItsOwnGroup() {
        StepMeasure s = step(0, 3, false);
        Map<DimensionKey, FiguresBatch> groups = new TreeMap<>();
        new FiguresBatch(GROUP).add(delta(List.of(), List.of(s), List.of(), List.of()), 4).sortInto(groups);
        FiguresBatch.unsorted().add(ComplaintFigures.NONE,
                new ComplaintFigures(List.of(labelled(s, LABELS.get(0))), List.of()), 6).sortInto(groups);

        assertThat(groups.get(GROUP).toDeltas(10)).containsExactly(delta(List.of(), List.of(s, s), List.of(), List.of()));
        assertThat(groups.get(GROUP).latestMillis()).isEqualTo(6);
        assertThat(groups.get(DimensionKey.ALL).latestMillis()).isEqualTo(6);
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
                delta(List.of(), List.of(), List.of(), List.of(tally("stage1.received", 0, 0))));
    }

    @Test
    void shouldSendTalliesNet() {
        FiguresBatch batch = new FiguresBatch(GROUP)
                .add(delta(List.of(), List.of(), List.of(tally("stage1.received", 0, 1)),
                        List.of(tally("stage1.received", 0, 3))), 1)
                .add(delta(List.of(), List.of(), List.of(tally("stage1.remedy.pence", 1, 500)), List.of()), 2)
                .add(delta(List.of(), List.of(), List.of(tally("stage1.remedy.pence", 1, 200)),
                        List.of(tally("stage1.remedy.pence", 1, 100))), 3);

        List<FiguresDelta> deltas = batch.toDeltas(10);
        assertThat(deltas).hasSize(1);
        assertThat(deltas.get(0).removedTallies()).containsExactly(tally("stage1.remedy.pence", 1, 600));
        // Put in at all: sent as added, if only as 0.
        assertThat(deltas.get(0).addedTallies()).containsExactlyInAnyOrder(tally("stage1.received", 0, 2),
                tally("stage1.remedy.pence", 1, 0));
    }

    @Test
    void shouldCountAStepPutInSeveralTimesAndTakeOutsFirst() {
        StepMeasure twice = step(1, 2, false);
        StepMeasure gone = step(2, 5, true);
        StepMeasure other = step(3, 4, true);
        FiguresBatch batch = FiguresBatch.of(delta(List.of(gone), List.of(twice), List.of(), List.of()), 5)
                .add(delta(List.of(), List.of(twice, other), List.of(), List.of()), 3);

        assertThat(batch.facts()).as("distinct steps, as written").isEqualTo(3);
        List<FiguresDelta> deltas = batch.toDeltas(2);
        assertThat(deltas).hasSize(2);
        assertThat(deltas.get(0).steps()).as("taken out first").containsKey(gone);
        assertThat(deltas.get(0).steps().keySet().iterator().next()).isEqualTo(gone);
        assertThat(deltas.stream().flatMap(d -> d.steps().entrySet().stream()))
                .containsExactlyInAnyOrder(Map.entry(gone, -1), Map.entry(twice, 2), Map.entry(other, 1));
        assertThat(deltas.stream().flatMap(d -> d.addedSteps().stream())).containsExactlyInAnyOrder(twice, twice,
                other);
        assertThat(batch.latestMillis()).isEqualTo(5);
    }

    @Test
    void shouldCancelAStepTakenOutAndPutInWithinOneDelta() {
        StepMeasure same = step(1, 2, false);

        assertThat(delta(List.of(same), List.of(same), List.of(), List.of()).isEmpty()).isTrue();
        assertThat(new FiguresDelta(GROUP, Map.of(same, -2, step(2, 3, true), 1), List.of(), List.of())
                .removedSteps()).containsExactly(same, same);
    }

    @Test
    void shouldRefuseADeltaToAnotherGroup() {
        FiguresBatch batch = new FiguresBatch(GROUP);
        FiguresDelta other = new FiguresDelta(DimensionKey.ALL, List.of(), List.of(), List.of(),
                List.of(tally("stage1.received", 0, 1)));

        assertThatThrownBy(() -> batch.add(other, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all=all").hasMessageContaining("category=DAMP_MOULD");
        assertThatThrownBy(() -> batch.toDeltas(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> batch.add(ComplaintFigures.NONE, ComplaintFigures.NONE, 1))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FiguresBatch.unsorted().add(other, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
