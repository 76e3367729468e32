package io.complaintmonitor.stats;

import io.complaintmonitor.config.QuietCommit;
import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.stats.Dimension;
import io.complaintmonitor.domain.stats.DimensionKey;
import io.complaintmonitor.domain.stats.DurationAggregate;
import io.complaintmonitor.domain.stats.FiguresDelta;
import io.complaintmonitor.domain.stats.OverdueLedger;
import io.complaintmonitor.domain.stats.ReportingWindow;
import io.complaintmonitor.domain.stats.Step;
import io.complaintmonitor.domain.stats.StepMeasure;
import io.complaintmonitor.domain.stats.Tally;
import io.complaintmonitor.domain.stats.WindowKind;
import io.complaintmonitor.domain.trend.TrendRules;
import org.apache.kafka.common.serialization.StringSerializer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps one group's figures (a dimension and its value: the repartition key) over calendar
 * windows, taking a complaint's old contribution out and its new one in, so a late or corrected
 * event moves a step to the window it belongs to. Windows more than the grace past their end are
 * frozen: what they said when the grace ran out stands.
 *
 * <p>Stage-duration aggregates are re-emitted to the stats topic from a pending mark per
 * (step, group), flushed by a wall-clock punctuator: a burst of changes to one window goes out
 * once, and because the marks live in a store, a crash between change and flush loses nothing.
 * Headline counts are only stored; the query API and gauges read them.
 */
final class FiguresProcessor implements Processor<String, FiguresInput, String, Object> {

    static final List<WindowKind> STEP_WINDOWS = List.of(WindowKind.DAY, WindowKind.WEEK, WindowKind.MONTH,
            WindowKind.QUARTER);
    static final List<WindowKind> COUNT_WINDOWS = List.of(WindowKind.WEEK, WindowKind.MONTH, WindowKind.QUARTER,
            WindowKind.YEAR);
    /** Pending-store keys of the clocks; '~' sorts after every group key. */
    static final String CLOCK_KEY = "~clock";
    static final String SEEN_KEY = "~latest-event";
    static final String ENDED_KEY = "~windows-ended-up-to";
    /** Pending-store prefix of groups whose trend tests should run at the next flush. */
    static final String TREND_MARK = "~trend|";
    /** Taken out first, then put in. */
    private static final int[] SIGNS = {-1, 1};

    private final Duration grace;
    private final Duration flushInterval;
    private final TrendRules trendRules;
    private final QuietCommit quietCommit;
    private TrendJudge trends;
    private KeyValueStore<String, RecentSteps> recent;

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, DurationAggregate> stats;
    private KeyValueStore<String, Long> counts;
    private KeyValueStore<String, OverdueLedger> ledgers;
    private KeyValueStore<String, Long> pending;
    /**
     * The monitor's clock, from the clock marks of the tracking processor's ticks: it moves only
     * while the monitor is caught up with its inputs, so a backfill (or one source's export sent
     * after another's) freezes no window on the way. Null until the first tick.
     */
    private Instant clock;
    /** The latest event time seen: where "today" is before any tick (an audit, a test). */
    private Instant latestEvent;

    FiguresProcessor(Duration grace, Duration flushInterval, TrendRules trendRules, QuietCommit quietCommit) {
        this.grace = grace;
        this.flushInterval = flushInterval;
        this.trendRules = trendRules;
        this.quietCommit = quietCommit;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.stats = context.getStateStore(FiguresTopology.STATS_STORE);
        this.counts = context.getStateStore(FiguresTopology.COUNTS_STORE);
        this.ledgers = context.getStateStore(FiguresTopology.LEDGER_STORE);
        this.pending = context.getStateStore(FiguresTopology.PENDING_STORE);
        this.recent = context.getStateStore(FiguresTopology.RECENT_STEPS_STORE);
        this.trends = new TrendJudge(trendRules, counts, context.getStateStore(FiguresTopology.TRENDS_STORE), recent);
        Long stored = pending.get(CLOCK_KEY);
        this.clock = stored == null ? null : Instant.ofEpochMilli(stored);
        Long seen = pending.get(SEEN_KEY);
        this.latestEvent = seen == null ? null : Instant.ofEpochMilli(seen);
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, now -> {
            flush();
            // On a thread with a tracking task that checks every 100 ms; on one without, this does.
            quietCommit.check(context, now);
        });
    }

    @Override
    public void process(Record<String, FiguresInput> record) {
        quietCommit.worked();
        Instant at = Instant.ofEpochMilli(record.timestamp());
        FiguresInput input = record.value();
        if (input == null || input.isClock()) {
            if (input != null && (clock == null || at.isAfter(clock))) {
                clock = at;
                pending.put(CLOCK_KEY, at.toEpochMilli());
            }
            return;
        }
        if (latestEvent == null || at.isAfter(latestEvent)) {
            latestEvent = at;
            pending.put(SEEN_KEY, at.toEpochMilli());
        }
        for (FiguresDelta delta : input.deltas()) {
            apply(delta);
        }
    }

    /**
     * One group's changes, each store value read and written once however many facts change it:
     * a delta merges the changes of many complaints (see {@link io.complaintmonitor.domain.stats.FiguresBatch}),
     * and counts alike steps once.
     */
    private void apply(FiguresDelta delta) {
        String group = delta.key().asString();
        Map<Step, Map<StepMeasure, Integer>> bySteps = new EnumMap<>(Step.class);
        delta.steps().forEach((s, n) -> bySteps.computeIfAbsent(s.step(), k -> new LinkedHashMap<>()).put(s, n));
        bySteps.forEach((step, changes) -> applySteps(group, step, changes));
        if (!delta.removedTallies().isEmpty() || !delta.addedTallies().isEmpty()) {
            applyTallies(group, delta.removedTallies(), delta.addedTallies());
        }
    }

    /** {@code changes}: each step with its signed count, those taken out first (as a delta keeps them). */
    private void applySteps(String group, Step step, Map<StepMeasure, Integer> changes) {
        String groupKey = FiguresKeys.group(step, group);
        Map<ReportingWindow, Map<StepMeasure, Integer>> byWindow = new HashMap<>();
        boolean contractor = group.startsWith(Dimension.CONTRACTOR.label() + "=");
        List<RecentSteps.Entry> gone = new ArrayList<>();
        List<RecentSteps.Entry> come = new ArrayList<>();
        LocalDate firstFinished = null;
        LocalDate firstAffected = null;
        for (Map.Entry<StepMeasure, Integer> change : changes.entrySet()) {
            StepMeasure s = change.getKey();
            int n = change.getValue();
            LocalDate affected = OverdueLedger.firstDayAffected(s);
            if (affected != null && (firstAffected == null || affected.isBefore(firstAffected))) {
                firstAffected = affected;
            }
            if (!s.finished()) {
                continue;
            }
            if (firstFinished == null || s.finishedOn().isBefore(firstFinished)) {
                firstFinished = s.finishedOn();
            }
            for (WindowKind kind : STEP_WINDOWS) {
                byWindow.computeIfAbsent(kind.windowOf(s.finishedOn()), w -> new HashMap<>()).put(s, n);
            }
            if (contractor) {
                RecentSteps.Entry entry = new RecentSteps.Entry(s.finishedOn(), step.label(), s.withinTimescale());
                for (int i = 0; i < Math.abs(n); i++) {
                    (n < 0 ? gone : come).add(entry);
                }
            }
        }
        byWindow.forEach((window, inWindow) -> {
            if (!frozen(window)) {
                String key = FiguresKeys.stat(step, group, window);
                DurationAggregate current = stats.get(key);
                stats.put(key, (current == null ? DurationAggregate.EMPTY : current).change(inWindow));
            }
        });
        if (firstFinished != null) {
            markPending(groupKey, firstFinished);
            if (contractor) {
                RecentSteps steps = recent.get(group);
                RecentSteps next = steps == null ? RecentSteps.EMPTY : steps;
                for (RecentSteps.Entry entry : gone) {
                    next = next.minus(entry);
                }
                for (RecentSteps.Entry entry : come) {
                    next = next.plus(entry, 2 * trendRules.thresholds().contractorLastSteps());
                }
                recent.put(group, next);
                pending.put(TREND_MARK + group, 1L);
            }
        }
        OverdueLedger ledger = ledgers.get(groupKey);
        if (firstAffected != null) {
            ledgers.put(groupKey, (ledger == null ? OverdueLedger.EMPTY : ledger).change(changes));
            // The count at the start of day d is the figure of windows ending on d, which contain d - 1.
            markPending(groupKey, firstAffected.minusDays(1));
        } else if (ledger == null) {
            // Every group gets a ledger entry: it is how the flush finds the groups whose windows just ended.
            ledgers.put(groupKey, OverdueLedger.EMPTY);
        }
    }

    private void applyTallies(String group, List<Tally> removed, List<Tally> added) {
        String firstKey = group + "|" + TrendJudge.FIRST_SEEN;
        Long first = counts.get(firstKey);
        for (Tally tally : added) {
            if (first == null || tally.date().toEpochDay() < first) {
                first = tally.date().toEpochDay();
                counts.put(firstKey, first);
            }
        }
        pending.put(TREND_MARK + group, 1L);
        // Summed per measure and window first: a record's tallies on many dates fall into few windows,
        // and each count's key is built, and its window judged frozen or not, once.
        Map<CountCell, Long> sums = new HashMap<>();
        for (int sign : SIGNS) {
            for (Tally tally : sign < 0 ? removed : added) {
                if (tally.amount() == 0) {
                    continue; // only a first sighting (see FiguresBatch)
                }
                for (WindowKind kind : COUNT_WINDOWS) {
                    sums.merge(new CountCell(tally.measure(), kind.windowOf(tally.date())), sign * tally.amount(),
                            Long::sum);
                }
            }
        }
        sums.forEach((cell, change) -> {
            if (!frozen(cell.window())) {
                String key = FiguresKeys.count(group, cell.window(), cell.measure());
                Long current = counts.get(key);
                counts.put(key, (current == null ? 0 : current) + change);
            }
        });
    }

    /** One headline count of a group: a measure in a window. Equals written out: merged per tally and window kind. */
    private record CountCell(String measure, ReportingWindow window) {
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof CountCell c && measure.equals(c.measure) && window.equals(c.window);
        }

        @Override
        public int hashCode() {
            return 31 * measure.hashCode() + window.hashCode();
        }
    }

    private void markPending(String groupKey, LocalDate day) {
        Long current = pending.get(groupKey);
        long epochDay = day.toEpochDay();
        if (current == null || epochDay < current) {
            pending.put(groupKey, epochDay);
        }
    }

    /** Over once the grace after its end has passed on the monitor's clock. */
    private boolean frozen(ReportingWindow window) {
        return clock != null && LondonTime.startOf(window.end()).plus(grace).isBefore(clock);
    }

    /** Emits every window a pending mark says changed, and those that ended since the last flush. */
    void flush() {
        Instant now = clock != null ? clock : latestEvent;
        if (now == null) {
            return;
        }
        LocalDate today = LondonTime.dateOf(now);
        Long endedUpTo = pending.get(ENDED_KEY);
        if (endedUpTo != null && today.toEpochDay() > endedUpTo) {
            // Windows that ended since: their open-past-due figure is now due, for every group.
            try (KeyValueIterator<String, OverdueLedger> all = ledgers.all()) {
                List<String> groups = new ArrayList<>();
                all.forEachRemaining(e -> groups.add(e.key));
                groups.forEach(g -> markPending(g, LocalDate.ofEpochDay(endedUpTo)));
            }
        }
        boolean dayChanged = endedUpTo == null || today.toEpochDay() > endedUpTo;
        pending.put(ENDED_KEY, today.toEpochDay());
        List<KeyValue<String, Long>> marks = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = pending.range(null, "~")) {
            it.forEachRemaining(marks::add);
        }
        LocalDate firstOpenDay = clock == null ? LocalDate.MIN.plusDays(2)
                : LondonTime.dateOf(clock.minus(grace)).minusDays(1);
        // Days more than the grace behind "now" (the clock, or before any tick the latest event) are
        // folded away, so a group's ledger stays a few weeks long however long the history it has seen.
        LocalDate foldDay = LondonTime.dateOf(now.minus(grace)).minusDays(2);
        for (KeyValue<String, Long> mark : marks) {
            pending.delete(mark.key);
            int bar = mark.key.indexOf('|');
            Step step = Step.ofLabel(mark.key.substring(0, bar));
            String group = mark.key.substring(bar + 1);
            LocalDate from = LocalDate.ofEpochDay(Math.max(mark.value, firstOpenDay.toEpochDay()));
            for (WindowKind kind : STEP_WINDOWS) {
                for (ReportingWindow w = kind.windowOf(from); !w.start().isAfter(today); w = w.next()) {
                    if (!frozen(w)) {
                        emit(step, group, w, today, now);
                    }
                }
            }
            OverdueLedger ledger = ledgers.get(mark.key);
            if (ledger != null) {
                ledgers.put(mark.key, ledger.foldUpTo(foldDay));
            }
        }
        if (judgeTrends(today, now, dayChanged) || !marks.isEmpty()) {
            quietCommit.worked();
        }
    }

    /**
     * Trend tests for the groups that changed, and for every group when a day has passed; whether
     * there were any.
     */
    private boolean judgeTrends(LocalDate today, Instant now, boolean dayChanged) {
        java.util.Set<String> groups = new java.util.TreeSet<>();
        List<String> marks = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = pending.prefixScan(TREND_MARK, new StringSerializer())) {
            it.forEachRemaining(e -> marks.add(e.key));
        }
        marks.forEach(pending::delete);
        marks.forEach(m -> groups.add(m.substring(TREND_MARK.length())));
        if (dayChanged) {
            try (KeyValueIterator<String, OverdueLedger> all = ledgers.all()) {
                all.forEachRemaining(e -> groups.add(e.key.substring(e.key.indexOf('|') + 1)));
            }
        }
        for (String group : groups) {
            DimensionKey key = DimensionKey.parse(group);
            String landlord = key.dimension() == Dimension.LANDLORD ? key.value() : "all";
            trends.judge(group, today, now, landlord,
                    alert -> context.forward(new Record<>(alert.getTrendAlertId(), alert, now.toEpochMilli())));
        }
        return !groups.isEmpty();
    }

    private void emit(Step step, String group, ReportingWindow window, LocalDate today, Instant now) {
        String key = FiguresKeys.stat(step, group, window);
        DurationAggregate aggregate = stats.get(key);
        Long openPastDue = null;
        if (!window.end().isAfter(today)) {
            OverdueLedger ledger = ledgers.get(FiguresKeys.group(step, group));
            if (ledger != null && window.end().toEpochDay() < ledger.foldedUpTo()) {
                return; // frozen long ago: what was last emitted stands
            }
            openPastDue = ledger == null ? 0 : ledger.openPastDueAt(window.end());
        }
        if (aggregate == null) {
            if (openPastDue == null || openPastDue == 0) {
                return;
            }
            // Kept, so a later correction to zero is emitted too.
            aggregate = DurationAggregate.EMPTY;
            stats.put(key, aggregate);
        }
        context.forward(new Record<>(key, StatRecords.toAvro(step, DimensionKey.parse(group), window, aggregate,
                openPastDue, now), now.toEpochMilli()));
    }

    /** Headline counts of one group and window, for tests and the query API. */
    static Map<String, Long> countsOf(KeyValueStore<String, Long> store, String group, ReportingWindow window) {
        Map<String, Long> out = new java.util.TreeMap<>();
        String prefix = FiguresKeys.countPrefix(group, window);
        try (KeyValueIterator<String, Long> it = store.prefixScan(prefix, new StringSerializer())) {
            it.forEachRemaining(e -> out.put(e.key.substring(prefix.length()), e.value));
        }
        return out;
    }
}
