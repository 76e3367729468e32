package io.complaintmonitor.domain.stats;

import java.time.LocalDate;
import java.util.Objects;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Many complaint changes' deltas to one group, merged into one: steps as a signed multiset (a step
 * put in by one event and taken out by the next cancels), tallies summed per measure and date and
 * sent net, with whether any was put in (so a first sighting still counts, as an added 0).
 * Applying {@link #toDeltas} gives the same group figures as applying each delta in turn, with
 * far fewer updates: a busy group sees the same dates again and again.
 *
 * <p>An {@link #unsorted()} batch merges whole complaints' changes the same way, its facts keeping
 * their labels, and is sorted into groups only when sent ({@link #sortInto}): an event then costs
 * one merge per changed fact instead of one per fact and group, and the outbox's changelog holds
 * each fact once instead of once per group.
 *
 * <p>Mutable, and meant for one thread: the tracking task's figures outbox.
 */
public final class FiguresBatch {

    /** The group; null while the facts keep their labels. */
    private final DimensionKey key;
    /** Each step, with how many times more it was put in than taken out; no zero counts. */
    private final Map<StepMeasure, Integer> steps = new HashMap<>();
    private final Map<TallyKey, long[]> tallies = new HashMap<>();
    /** The latest event time among the changes merged: the time the batch is sent at. */
    private long latestMillis = Long.MIN_VALUE;

    /**
     * A measure on a date (with its labels in an unsorted batch); the amounts put in and taken out
     * are kept apart, with whether any was.
     */
    private record TallyKey(String measure, LocalDate date, Labels labels) {
        @Override
        public int hashCode() {
            long h = StepMeasure.mix(StepMeasure.mix(labels.hashCode(), measure.hashCode()), date.toEpochDay());
            return (int) (h ^ (h >>> 32));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TallyKey k && measure.equals(k.measure) && date.equals(k.date)
                    && labels.equals(k.labels);
        }
    }

    private static final int ADDED = 0;
    private static final int ADDED_ANY = 1;
    private static final int REMOVED = 2;
    private static final int REMOVED_ANY = 3;

    public FiguresBatch(DimensionKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    private FiguresBatch() {
        this.key = null;
    }

    /** A batch of whole complaints' changes, facts with their labels, to be sorted into groups when sent. */
    public static FiguresBatch unsorted() {
        return new FiguresBatch();
    }

    /** Whether this batch's facts keep their labels (see {@link #unsorted()}). */
    public boolean isUnsorted() {
        return key == null;
    }

    /** The group; null for an {@link #unsorted()} batch. */
    public DimensionKey key() {
        return key;
    }

    public long latestMillis() {
        return latestMillis;
    }

    public boolean isEmpty() {
        return steps.isEmpty() && tallies.isEmpty();
    }

    /**
     * Steps and tallies as the batch is written out: a step once however many times it was put in
     * (it is written with its count), a tally as taken out and put in. What its stored size grows with.
     */
    public int facts() {
        return steps.size() + 2 * tallies.size();
    }

    /**
     * Merges one complaint change's delta to this group (or, unsorted, a delta whose facts keep
     * their labels, with a null key), made at {@code atMillis}.
     */
    public FiguresBatch add(FiguresDelta delta, long atMillis) {
        if (!Objects.equals(delta.key(), key)) {
            throw new IllegalArgumentException("a delta to " + delta.key() + " in the batch of " + key);
        }
        delta.steps().forEach(this::count);
        delta.removedTallies().forEach(t -> tally(t, REMOVED));
        delta.addedTallies().forEach(t -> tally(t, ADDED));
        latestMillis = Math.max(latestMillis, atMillis);
        return this;
    }

    /**
     * Merges what a complaint's figures changed from {@code before} to {@code after} (either may be
     * {@link ComplaintFigures#NONE}), made at {@code atMillis}, into an unsorted batch. Most events
     * change one or two facts: only those are merged (what both have would cancel anyway).
     */
    public FiguresBatch add(ComplaintFigures before, ComplaintFigures after, long atMillis) {
        if (!isUnsorted()) {
            throw new IllegalStateException("whole complaints' figures in the batch of " + key);
        }
        FiguresDelta.minus(before.steps(), after.steps()).forEach(s -> count(s, -1));
        FiguresDelta.minus(after.steps(), before.steps()).forEach(s -> count(s, 1));
        FiguresDelta.minus(before.tallies(), after.tallies()).forEach(t -> tally(t, REMOVED));
        FiguresDelta.minus(after.tallies(), before.tallies()).forEach(t -> tally(t, ADDED));
        latestMillis = Math.max(latestMillis, atMillis);
        return this;
    }

    /**
     * Merges this batch into the batches of the groups its facts count in, facts without their
     * labels (as {@link FiguresDelta#between} sorts them), each group batch taking this one's
     * latest time; a group batch is merged into its own group.
     */
    public void sortInto(Map<DimensionKey, FiguresBatch> groups) {
        if (!isUnsorted()) {
            groups.computeIfAbsent(key, FiguresBatch::new).merge(this);
            return;
        }
        // Many facts share their labels: each set's group batches are looked up once.
        Map<Labels, List<FiguresBatch>> batchesOf = new HashMap<>();
        steps.forEach((step, n) -> {
            StepMeasure bare = step.withoutLabels();
            for (FiguresBatch batch : batchesOf.computeIfAbsent(step.labels(), l -> groupBatches(groups, l))) {
                batch.count(bare, n);
            }
        });
        tallies.forEach((k, amounts) -> {
            TallyKey bare = new TallyKey(k.measure(), k.date(), Labels.NONE);
            for (FiguresBatch batch : batchesOf.computeIfAbsent(k.labels(), l -> groupBatches(groups, l))) {
                batch.tally(bare, amounts);
            }
        });
    }

    private List<FiguresBatch> groupBatches(Map<DimensionKey, FiguresBatch> groups, Labels labels) {
        List<FiguresBatch> batches = new ArrayList<>(6);
        for (DimensionKey group : labels.dimensionKeys()) {
            FiguresBatch batch = groups.computeIfAbsent(group, FiguresBatch::new);
            batch.latestMillis = Math.max(batch.latestMillis, latestMillis);
            batches.add(batch);
        }
        return batches;
    }

    private void merge(FiguresBatch other) {
        other.steps.forEach(this::count);
        other.tallies.forEach(this::tally);
        latestMillis = Math.max(latestMillis, other.latestMillis);
    }

    private void count(StepMeasure step, int n) {
        steps.merge(step, n, (was, more) -> was + more == 0 ? null : was + more);
    }

    private void tally(Tally tally, int slot) {
        long[] amounts = tallies.computeIfAbsent(new TallyKey(tally.measure(), tally.date(),
                isUnsorted() ? tally.labels() : Labels.NONE), k -> new long[4]);
        amounts[slot] += tally.amount();
        amounts[slot + 1] = 1;
    }

    private void tally(TallyKey key, long[] more) {
        long[] amounts = tallies.computeIfAbsent(key, k -> new long[4]);
        amounts[ADDED] += more[ADDED];
        amounts[ADDED_ANY] |= more[ADDED_ANY];
        amounts[REMOVED] += more[REMOVED];
        amounts[REMOVED_ANY] |= more[REMOVED_ANY];
    }

    /**
     * The batch as deltas of at most {@code maxFacts} distinct steps and tallies each (so no record
     * outgrows what a broker takes), or none when everything cancelled out. A step put in n times
     * more than taken out goes once, counted n.
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
                if (e.getValue() * sign > 0) {
                    chunk.steps.put(e.getKey(), e.getValue());
                    chunk = chunk.sendIfFull(out, maxFacts);
                }
            }
        }
        // Tallies go net: what was taken out and put in again (a complaint moved between labels, so
        // in ALL) changes no count. A tally put in at all still goes as added, if only as 0: its
        // first sighting counts.
        for (int slot : new int[] {REMOVED, ADDED}) {
            for (Map.Entry<TallyKey, long[]> e : tallies.entrySet()) {
                long[] amounts = e.getValue();
                long net = slot == REMOVED ? amounts[REMOVED] - amounts[ADDED] : amounts[ADDED] - amounts[REMOVED];
                if (net > 0 || slot == ADDED && amounts[ADDED_ANY] != 0) {
                    (slot == REMOVED ? chunk.removedTallies : chunk.addedTallies).add(new Tally(e.getKey().measure(),
                            e.getKey().date(), Math.max(net, 0), e.getKey().labels()));
                    chunk = chunk.sendIfFull(out, maxFacts);
                }
            }
        }
        chunk.sendIfAny(out);
        return Collections.unmodifiableList(out);
    }

    /** The batch holding exactly {@code delta}'s changes (a batch read back from its store); unsorted if its key is null. */
    public static FiguresBatch of(FiguresDelta delta, long latestMillis) {
        return (delta.key() == null ? unsorted() : new FiguresBatch(delta.key())).add(delta, latestMillis);
    }

    private final class Chunk {
        final Map<StepMeasure, Integer> steps = new LinkedHashMap<>();
        final List<Tally> removedTallies = new ArrayList<>();
        final List<Tally> addedTallies = new ArrayList<>();

        Chunk sendIfFull(List<FiguresDelta> out, int maxFacts) {
            if (steps.size() + removedTallies.size() + addedTallies.size() < maxFacts) {
                return this;
            }
            sendIfAny(out);
            return new Chunk();
        }

        void sendIfAny(List<FiguresDelta> out) {
            FiguresDelta delta = new FiguresDelta(key, steps, removedTallies, addedTallies);
            if (!delta.isEmpty()) {
                out.add(delta);
            }
        }
    }
}
