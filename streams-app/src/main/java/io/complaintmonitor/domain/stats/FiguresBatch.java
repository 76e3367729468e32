package io.complaintmonitor.domain.stats;

import java.time.LocalDate;
import java.util.Objects;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Many complaint changes' deltas to one group, merged into one: steps as a signed multiset (a step
 * put in by one event and taken out by the next cancels), tallies summed per measure and date,
 * what was put in apart from what was taken out (so a first sighting still counts as one).
 * Applying {@link #toDeltas} gives the same group figures as applying each delta in turn, with
 * far fewer updates: a busy group sees the same dates again and again.
 *
 * <p>Mutable, and meant for one thread: the tracking task's figures outbox.
 */
public final class FiguresBatch {

    private final DimensionKey key;
    /** Each bare step, with how many times more it was put in than taken out; no zero counts. */
    private final Map<StepMeasure, Integer> steps = new HashMap<>();
    private final Map<TallyKey, long[]> tallies = new HashMap<>();
    /** The latest event time among the changes merged: the time the batch is sent at. */
    private long latestMillis = Long.MIN_VALUE;

    /** A measure on a date; the amounts put in and taken out are kept apart, with whether any was. */
    private record TallyKey(String measure, LocalDate date) {
        @Override
        public int hashCode() {
            long h = StepMeasure.mix(StepMeasure.mix(0, measure.hashCode()), date.toEpochDay());
            return (int) (h ^ (h >>> 32));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TallyKey k && measure.equals(k.measure) && date.equals(k.date);
        }
    }

    private static final int ADDED = 0;
    private static final int ADDED_ANY = 1;
    private static final int REMOVED = 2;
    private static final int REMOVED_ANY = 3;

    public FiguresBatch(DimensionKey key) {
        this.key = key;
    }

    public DimensionKey key() {
        return key;
    }

    public long latestMillis() {
        return latestMillis;
    }

    public boolean isEmpty() {
        return steps.isEmpty() && tallies.isEmpty();
    }

    /** Merges one complaint change's delta to this group, made at {@code atMillis}. */
    public FiguresBatch add(FiguresDelta delta, long atMillis) {
        if (!delta.key().equals(key)) {
            throw new IllegalArgumentException("a delta to " + delta.key() + " in the batch of " + key);
        }
        delta.removedSteps().forEach(s -> count(s, -1));
        delta.addedSteps().forEach(s -> count(s, 1));
        delta.removedTallies().forEach(t -> tally(t, REMOVED));
        delta.addedTallies().forEach(t -> tally(t, ADDED));
        latestMillis = Math.max(latestMillis, atMillis);
        return this;
    }

    private void count(StepMeasure step, int sign) {
        steps.merge(step, sign, (a, b) -> a + b == 0 ? null : a + b);
    }

    private void tally(Tally tally, int slot) {
        long[] amounts = tallies.computeIfAbsent(new TallyKey(tally.measure(), tally.date()), k -> new long[4]);
        amounts[slot] += tally.amount();
        amounts[slot + 1] = 1;
    }

    /**
     * The batch as deltas of at most {@code maxFacts} steps and tallies each (so no record outgrows
     * what a broker takes), or none when everything cancelled out. A step put in n times more than
     * taken out appears n times among the added.
     */
    public List<FiguresDelta> toDeltas(int maxFacts) {
        if (maxFacts < 1) {
            throw new IllegalArgumentException("maxFacts must be at least 1: " + maxFacts);
        }
        List<FiguresDelta> out = new ArrayList<>();
        Chunk chunk = new Chunk();
        // What is taken out goes first, as in one delta: a contractor's recent steps drop the old before the new.
        for (int sign : new int[] {-1, 1}) {
            for (Map.Entry<StepMeasure, Integer> e : steps.entrySet()) {
                for (int i = 0; i < e.getValue() * sign; i++) {
                    (sign < 0 ? chunk.removedSteps : chunk.addedSteps).add(e.getKey());
                    chunk = chunk.sendIfFull(out, maxFacts);
                }
            }
        }
        for (int slot : new int[] {REMOVED, ADDED}) {
            for (Map.Entry<TallyKey, long[]> e : tallies.entrySet()) {
                long[] amounts = e.getValue();
                if (amounts[slot + 1] != 0) {
                    (slot == REMOVED ? chunk.removedTallies : chunk.addedTallies).add(new Tally(e.getKey().measure(),
                            e.getKey().date(), amounts[slot], Labels.NONE));
                    chunk = chunk.sendIfFull(out, maxFacts);
                }
            }
        }
        chunk.sendIfAny(out);
        return Collections.unmodifiableList(out);
    }

    /** The batch holding exactly {@code delta}'s changes (a batch read back from its store). */
    public static FiguresBatch of(FiguresDelta delta, long latestMillis) {
        return new FiguresBatch(delta.key()).add(delta, latestMillis);
    }

    private final class Chunk {
        final List<StepMeasure> removedSteps = new ArrayList<>();
        final List<StepMeasure> addedSteps = new ArrayList<>();
        final List<Tally> removedTallies = new ArrayList<>();
        final List<Tally> addedTallies = new ArrayList<>();

        Chunk sendIfFull(List<FiguresDelta> out, int maxFacts) {
            if (removedSteps.size() + addedSteps.size() + removedTallies.size() + addedTallies.size() < maxFacts) {
                return this;
            }
            sendIfAny(out);
            return new Chunk();
        }

        void sendIfAny(List<FiguresDelta> out) {
            FiguresDelta delta = new FiguresDelta(key, removedSteps, addedSteps, removedTallies, addedTallies);
            if (!delta.isEmpty()) {
                out.add(delta);
            }
        }
    }
}
