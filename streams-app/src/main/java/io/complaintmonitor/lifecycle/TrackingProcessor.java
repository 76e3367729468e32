package io.complaintmonitor.lifecycle;

import io.complaintmonitor.config.QuietCommit;
import io.complaintmonitor.domain.complaint.Alert;
import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.domain.complaint.ComplaintRules;
import io.complaintmonitor.domain.complaint.ComplaintState;
import io.complaintmonitor.domain.complaint.Deadline;
import io.complaintmonitor.domain.complaint.OpenStage;
import io.complaintmonitor.domain.complaint.Transition;
import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.stats.ComplaintFigures;
import io.complaintmonitor.domain.stats.DimensionKey;
import io.complaintmonitor.domain.stats.FiguresBatch;
import io.complaintmonitor.domain.stats.FiguresDelta;
import io.complaintmonitor.stats.FiguresInput;
import io.complaintmonitor.stats.FiguresTopology;
import io.complaintmonitor.stats.SurveyFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-complaint "digital twin": loads a complaint's state, lets the Code's rules record the
 * event, stores the result and forwards the alerts. Each complaint with deadlines pending has one
 * entry in a second store, keyed by an instant at or before its earliest deadline, so a tick finds
 * what is due by a range scan, never by visiting every complaint; judging it moves the entry to
 * its next.
 *
 * <p>Deadlines are judged only up to the latest tick (wall-clock heartbeats, sent only while the
 * monitor is caught up with its inputs; or an audit's --as-of). Because the rules judge each
 * deadline from the facts' own event times, judging later gives the same alert as judging at the
 * instant itself: a replay and live running agree.
 */
final class TrackingProcessor implements Processor<String, LifecycleInput, String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingProcessor.class);

    private final ComplaintRules rules;
    private final String applicationId;
    private final String stateStoreName;
    private final String scheduleStoreName;
    private final LifecycleMetrics metrics;
    private final Duration lateEventGrace;
    private final int partitions;
    private final QuietCommit quietCommit;

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, TrackedComplaint> complaints;
    private KeyValueStore<String, String> schedule;
    private KeyValueStore<String, Long> openCounts;
    private OpenAlerts openAlerts;
    private KeyValueStore<String, FiguresBatch> outbox;
    /**
     * The outbox's keys ({@link #OUTBOX_KEY}, and an earlier version's group keys), so sending it
     * reads each batch from the object cache instead of scanning RocksDB, where each send leaves
     * tombstones.
     */
    private final SortedSet<String> outboxKeys = new TreeSet<>();
    /** The outbox value events' changes go into until it is full. */
    private String outboxValue = OUTBOX_KEY;
    /**
     * The outbox's first key, its later values being {@code unsorted-1}, {@code unsorted-2} and so
     * on: its changes keep their labels until sent. An earlier version kept a batch per group, keyed
     * by the group ("all=all"); such entries are sent with it.
     */
    static final String OUTBOX_KEY = "unsorted";
    /** Where the task's clock is kept in the schedule store; '~' sorts after every time-prefixed key. */
    static final String CLOCK_KEY = "~judged-up-to";

    /**
     * Most complaints judged per go: a first tick after a backfill finds every complaint due at
     * once, and judging them all in one transaction could outlast the transaction timeout (the
     * task would be fenced, and a restart would rebuild every store from its changelog).
     */
    static final int JUDGE_BUDGET = 2_000;
    /**
     * How soon the rest of a judging that ran over its budget is taken up; also how often the
     * thread is checked for a quiet spell to commit in ({@link QuietCommit}).
     */
    static final Duration BACKLOG_INTERVAL = Duration.ofMillis(100);
    /**
     * How often the figures outbox is sent on. Its changes are merged per group meanwhile: a busy
     * group sees the same dates again and again, so one record carries what hundreds of complaint
     * changes did, and the figures task reads and writes each window once.
     */
    static final Duration FIGURES_INTERVAL = Duration.ofMillis(250);
    /**
     * Most steps and tallies in one outbox value (as written: each distinct step once, with its
     * count) before the changes go into the next: a value is written to its changelog as one record
     * at a commit, and its facts carry their labels, so it must stay well below the 1 MiB a broker
     * takes in one record (an audit fed from a file outran the 250 ms interval and reached 1.2 MB).
     */
    static final int MAX_OUTBOX_FACTS = 2_000;
    /**
     * Most outbox values before the outbox is sent early, without waiting for the interval. While
     * catching up an event changes two to four facts, so one value of 2,000 filled every few hundred
     * events, and sending it that often left the figures task little to merge: it read and wrote
     * each window of each group many times where once would do.
     */
    static final int MAX_OUTBOX_VALUES = 16;
    /** Most distinct steps and tallies in one figures record, well below what a broker takes in one record. */
    static final int MAX_FACTS_PER_RECORD = 5_000;

    /**
     * How recently a tick must have come for the task to count as live. Heartbeats are sent only
     * while the monitor is caught up with its inputs, every second by default.
     */
    static final Duration LIVE_WITHIN = Duration.ofSeconds(10);

    /** The clock: deadlines at or before this are judged (or in the backlog); null until the first tick. */
    private Instant judgedUpTo;
    /** Whether schedule entries at or before the clock are still waiting to be judged. */
    private boolean backlog;
    /** Wall-clock time of the last tick; a task that is catching up has seen none lately. */
    private long lastTickWallMillis = Long.MIN_VALUE;

    TrackingProcessor(ComplaintRules rules, String applicationId, String stateStoreName, String scheduleStoreName,
            LifecycleMetrics metrics, Duration lateEventGrace, int partitions, QuietCommit quietCommit) {
        this.rules = rules;
        this.applicationId = applicationId;
        this.stateStoreName = stateStoreName;
        this.scheduleStoreName = scheduleStoreName;
        this.metrics = metrics;
        this.lateEventGrace = lateEventGrace;
        this.partitions = partitions;
        this.quietCommit = quietCommit;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.complaints = context.getStateStore(stateStoreName);
        this.schedule = context.getStateStore(scheduleStoreName);
        this.openCounts = context.getStateStore(LifecycleTopology.OPEN_COUNTS_STORE);
        this.openAlerts = new OpenAlerts(context.getStateStore(LifecycleTopology.OPEN_ALERTS_STORE), rules);
        this.outbox = context.getStateStore(LifecycleTopology.FIGURES_OUTBOX_STORE);
        // Also at a re-initialisation after a dirty close: the stores are back at their last commit.
        outboxKeys.clear();
        try (KeyValueIterator<String, FiguresBatch> it = outbox.all()) {
            it.forEachRemaining(entry -> outboxKeys.add(entry.key));
        }
        outboxValue = OUTBOX_KEY;
        String clock = schedule.get(CLOCK_KEY);
        // The clock survives a restart with the stores, so standings are counted against the same instant.
        this.judgedUpTo = clock == null ? null : Instant.ofEpochMilli(Long.parseLong(clock));
        if (judgedUpTo != null) {
            try (KeyValueIterator<String, String> it = schedule.range(null,
                    ComplaintKeys.scheduleUpperBound(judgedUpTo))) {
                setBacklog(it.hasNext());
            }
        }
        context.schedule(BACKLOG_INTERVAL, PunctuationType.WALL_CLOCK_TIME, wallClock -> {
            if (backlog) {
                judgeBacklog(judgedUpTo.toEpochMilli());
            }
            quietCommit.check(context, wallClock);
        });
        context.schedule(FIGURES_INTERVAL, PunctuationType.WALL_CLOCK_TIME, wallClock -> sendFigures());
    }

    @Override
    public void process(Record<String, LifecycleInput> record) {
        LifecycleInput input = record.value();
        if (input == null) {
            return;
        }
        quietCommit.worked();
        if (input.isTick()) {
            // Ticks of another application (a replay under a new id reading old heartbeats) are not our clock.
            if (applicationId.equals(input.applicationId())) {
                lastTickWallMillis = context.currentSystemTimeMs();
                judgeUpTo(input.tick(), record.timestamp());
            }
            return;
        }
        if (input.isSurvey()) {
            queueFigures(ComplaintFigures.NONE, SurveyFigures.of(input.survey()),
                    figuresTime(input.survey().submittedAt()));
            return;
        }
        track(record.key(), input.event(), record.timestamp());
    }

    private void track(String key, ComplaintEvent event, long timestamp) {
        TrackedComplaint tracked = complaints.get(key);
        ComplaintState before = tracked == null ? null : tracked.state();
        Transition applied = rules.apply(before, event);
        if (applied.duplicate()) {
            metrics.duplicate(event.source());
            return;
        }
        List<Alert> alerts = new ArrayList<>(applied.alerts());
        Transition result = applied;
        if (judgedUpTo != null && event.occurredAt().isBefore(judgedUpTo.minus(lateEventGrace))) {
            // Still recorded at its own time, but an alert it would have prevented may already be out:
            // count it, so a source that sends late (a CRM backfilling) is seen.
            metrics.late(event.source());
            LOG.warn("{} event {} for complaint {} occurred at {}, more than {} before the monitor's clock {}",
                    event.source(), event.eventId(), event.complaintRef(), event.occurredAt(), lateEventGrace,
                    judgedUpTo);
        }
        if (judgedUpTo != null) {
            // A late event (or a new complaint received long ago) may have deadlines already past.
            Transition judged = rules.advanceTo(applied.state(), judgedUpTo);
            alerts.addAll(judged.alerts());
            result = judged;
        }
        recount(before, tracked == null ? null : tracked.countedAtOr(judgedUpTo), result.state(), judgedUpTo);
        save(key, tracked, result);
        openAlerts.eventApplied(result.state());
        queueFigures(before == null ? ComplaintFigures.NONE : rules.figuresOf(before), rules.figuresOf(result.state()),
                figuresTime(event.occurredAt()));
        if (judgedUpTo == null && !onRecountList(tracked)) {
            schedule.put(ComplaintKeys.recount(key), key);
        }
        emit(alerts, result.state(), timestamp);
        metrics.tracked(event.source());
    }

    /**
     * Whether the complaint was put on the recount list already: saved before the clock started by
     * this version (an earlier one kept no {@code wakeAt}, and its entry is put again to be sure).
     * The schedule store has no cache, so in a backfill before the first tick, putting it at every
     * event was a RocksDB write and a changelog record per event.
     */
    private static boolean onRecountList(TrackedComplaint tracked) {
        return tracked != null && tracked.wakeAt() != null && TrackedComplaint.NO_CLOCK.equals(tracked.countedAt());
    }

    private void judgeUpTo(Instant now, long timestamp) {
        if (judgedUpTo != null && !now.isAfter(judgedUpTo)) {
            return;
        }
        Instant previous = judgedUpTo;
        judgedUpTo = now;
        if (previous == null || !LondonTime.dateOf(previous).equals(LondonTime.dateOf(now))) {
            // Windows end at London midnights; the figures need to know even when nothing changes.
            // What is in the outbox goes first: it was worked out before this clock, and a window
            // the mark freezes must still take it.
            sendFigures();
            context.forward(new Record<>(FiguresTopology.CLOCK_MARK_KEY, FiguresInput.CLOCK, now.toEpochMilli()));
        }
        schedule.put(CLOCK_KEY, Long.toString(now.toEpochMilli()));
        judgeBacklog(timestamp);
    }

    /**
     * Judges up to {@link #JUDGE_BUDGET} complaints with schedule entries at or before the clock;
     * what is left waits for the next go (a punctuator every {@link #BACKLOG_INTERVAL}, or the next
     * tick). Entries are taken in time order, and a judged complaint's entries are replaced by its
     * deadlines after the clock, so each go starts from the first entry still due. A complaint with
     * an event meanwhile is judged at that event; its standing is taken out at the clock it was
     * counted at, so the counts stay exact while a backlog lasts.
     */
    private void judgeBacklog(long timestamp) {
        Instant now = judgedUpTo;
        Set<String> due = new LinkedHashSet<>();
        List<String> recounts = new ArrayList<>();
        boolean more = false;
        try (KeyValueIterator<String, String> it = schedule.range(null, ComplaintKeys.scheduleUpperBound(now))) {
            while (it.hasNext()) {
                KeyValue<String, String> entry = it.next();
                if (!due.contains(entry.value) && due.size() == JUDGE_BUDGET) {
                    more = true;
                    break;
                }
                due.add(entry.value);
                if (ComplaintKeys.isRecount(entry.key)) {
                    recounts.add(entry.key);
                }
            }
        }
        setBacklog(more);
        if (!due.isEmpty()) {
            quietCommit.worked();
        }
        recounts.forEach(recount -> schedule.put(recount, null));
        for (String key : due) {
            TrackedComplaint tracked = complaints.get(key);
            if (tracked == null) {
                continue;
            }
            Transition judged = rules.advanceTo(tracked.state(), now);
            recount(tracked.state(), tracked.countedAtOr(now), judged.state(), now);
            save(key, tracked, judged);
            emit(judged.alerts(), judged.state(), timestamp);
        }
    }

    private void setBacklog(boolean behind) {
        backlog = behind;
        metrics.backlog(context.taskId().toString(), behind);
    }

    @Override
    public void close() {
        outboxKeys.clear();
        metrics.backlog(context.taskId().toString(), false);
    }

    /**
     * Moves the complaint between the open-stage counts. A standing changes only at an event or at a
     * scheduled deadline, so "before" judged at the clock it was counted at takes out exactly what went in.
     */
    private void recount(ComplaintState before, Instant beforeAt, ComplaintState after, Instant afterAt) {
        // Most events leave the standings as they were: only what changed is counted, instead of
        // reading and writing each count twice to leave it where it was.
        List<OpenStage> added = new ArrayList<>(rules.openStages(after, afterAt));
        if (before != null) {
            for (OpenStage open : rules.openStages(before, beforeAt)) {
                if (!added.remove(open)) {
                    add(OpenCounts.key(open), -1);
                }
            }
        }
        for (OpenStage open : added) {
            add(OpenCounts.key(open), 1);
        }
    }

    private void add(String countKey, long delta) {
        Long current = openCounts.get(countKey);
        openCounts.put(countKey, (current == null ? 0 : current) + delta);
    }

    /**
     * Stores the complaint and keeps its one schedule entry at or before its earliest pending
     * deadline: moved when that comes sooner than the entry, or when the entry is being judged;
     * left where it is when the deadline moves later. One entry per complaint rather than one per
     * deadline, and never moved later until judged: each schedule write is a RocksDB write and a
     * changelog record (an entry per deadline cost 2.7 writes per event of a simulated year, one
     * entry 0.5).
     */
    private void save(String key, TrackedComplaint before, Transition transition) {
        List<Deadline> pending = new ArrayList<>(transition.deadlines().size());
        Instant earliest = null;
        for (Deadline deadline : transition.deadlines()) {
            if (judgedUpTo == null || deadline.at().isAfter(judgedUpTo)) {
                pending.add(deadline);
                if (earliest == null || deadline.at().isBefore(earliest)) {
                    earliest = deadline.at();
                }
            }
        }
        Instant wake = earliest == null ? TrackedComplaint.NO_WAKE : earliest;
        Instant wasAt = before == null ? TrackedComplaint.NO_WAKE : before.wakeAt();
        if (wasAt == null) {
            // Stored by an earlier version, with an entry per deadline: all go.
            wasAt = TrackedComplaint.NO_WAKE;
            for (Deadline gone : before.scheduled()) {
                schedule.put(ComplaintKeys.schedule(gone, key), null);
            }
        }
        if (stillAhead(wasAt) && (wake.equals(TrackedComplaint.NO_WAKE) || wasAt.isBefore(wake))) {
            // The entry is still to come and no later than needed: it stays, wakes the complaint
            // early, and judging it then moves it on. So a deadline that moves later (an
            // acknowledgement, a response, an extension) costs no schedule writes when it happens,
            // and none at all in a backfill before the clock starts, where most of them were.
            wake = wasAt;
        }
        if (!wake.equals(wasAt)) {
            if (!wasAt.equals(TrackedComplaint.NO_WAKE)) {
                schedule.put(ComplaintKeys.wake(wasAt, key), null); // delete() would read the old value first
            }
            if (!wake.equals(TrackedComplaint.NO_WAKE)) {
                schedule.put(ComplaintKeys.wake(wake, key), key);
            }
        }
        complaints.put(key, new TrackedComplaint(transition.state(), pending,
                judgedUpTo == null ? TrackedComplaint.NO_CLOCK : judgedUpTo, wake));
    }

    /** Whether a schedule entry at {@code at} is still to be judged: after the clock, or any before it starts. */
    private boolean stillAhead(Instant at) {
        return !at.equals(TrackedComplaint.NO_WAKE) && (judgedUpTo == null || at.isAfter(judgedUpTo));
    }

    /** The time a figures change is sent with: its own, or the clock if that is later. */
    private Instant figuresTime(Instant occurredAt) {
        return judgedUpTo != null && judgedUpTo.isAfter(occurredAt) ? judgedUpTo : occurredAt;
    }

    /**
     * Puts what an event changed in the figures into the outbox, merged with the other changes since
     * it was last sent; they keep their labels until sent (see {@link FiguresBatch#unsorted()}).
     * Figures depend on facts only, never on the clock, so ticks change none. The outbox is a
     * logged store: under exactly-once, changes not yet sent at a commit are committed with it,
     * and sent after a crash.
     */
    private void queueFigures(ComplaintFigures before, ComplaintFigures after, Instant at) {
        FiguresBatch batch = outbox.get(outboxValue);
        if (batch == null) {
            batch = FiguresBatch.unsorted();
            outboxKeys.add(outboxValue);
        }
        outbox.put(outboxValue, batch.add(before, after, at.toEpochMilli()));
        if (batch.facts() >= MAX_OUTBOX_FACTS) {
            if (outboxKeys.size() >= MAX_OUTBOX_VALUES) {
                sendFigures();
            } else {
                outboxValue = nextOutboxValue();
            }
        }
    }

    /** The first outbox key after {@link #OUTBOX_KEY} not in use. */
    private String nextOutboxValue() {
        for (int n = 1; ; n++) {
            String key = OUTBOX_KEY + "-" + n;
            if (!outboxKeys.contains(key)) {
                return key;
            }
        }
    }

    /**
     * Sends the outbox on, sorted into groups: per figures partition, records of the groups it
     * owns, each with at most {@link #MAX_FACTS_PER_RECORD} steps and tallies and stamped with the
     * latest event time in it. An earlier version's outbox, kept per group, is sent with it.
     */
    private void sendFigures() {
        if (outboxKeys.isEmpty()) {
            return;
        }
        // What goes on is published at the next commit, which must not wait for the interval.
        quietCommit.worked();
        Map<DimensionKey, FiguresBatch> groups = new TreeMap<>();
        for (String key : outboxKeys) {
            outbox.get(key).sortInto(groups);
            outbox.put(key, null); // delete() would read the old value first
        }
        outboxKeys.clear();
        outboxValue = OUTBOX_KEY;
        Map<Integer, List<FiguresDelta>> byPartition = new TreeMap<>();
        Map<Integer, Long> latest = new TreeMap<>();
        groups.forEach((group, batch) -> {
            int partition = FiguresTopology.partitionOf(group.asString(), partitions);
            byPartition.computeIfAbsent(partition, p -> new ArrayList<>())
                    .addAll(batch.toDeltas(MAX_FACTS_PER_RECORD));
            latest.merge(partition, batch.latestMillis(), Math::max);
        });
        byPartition.forEach((partition, deltas) -> {
            List<FiguresDelta> record = new ArrayList<>();
            int facts = 0;
            for (FiguresDelta delta : deltas) {
                if (!record.isEmpty() && facts + delta.size() > MAX_FACTS_PER_RECORD) {
                    forwardFigures(record, latest.get(partition));
                    record = new ArrayList<>();
                    facts = 0;
                }
                record.add(delta);
                facts += delta.size();
            }
            if (!record.isEmpty()) {
                forwardFigures(record, latest.get(partition));
            }
        });
    }

    private void forwardFigures(List<FiguresDelta> deltas, long timestamp) {
        context.forward(new Record<>(deltas.get(0).key().asString(), new FiguresInput(deltas), timestamp));
    }

    /**
     * Forwards the alerts; while live, also asks for a commit, since under exactly-once an alert
     * is seen only once its transaction commits. The commit interval can then be long, for
     * throughput while catching up, without holding alerts back.
     */
    private void emit(List<Alert> alerts, ComplaintState state, long timestamp) {
        for (Alert alert : alerts) {
            openAlerts.raised(alert, state);
            metrics.alert(alert);
            context.forward(new Record<>(alert.alertId(), alert, timestamp));
        }
        if (!alerts.isEmpty() && live()) {
            context.commit();
        }
    }

    private boolean live() {
        return lastTickWallMillis != Long.MIN_VALUE
                && context.currentSystemTimeMs() - lastTickWallMillis <= LIVE_WITHIN.toMillis();
    }
}
