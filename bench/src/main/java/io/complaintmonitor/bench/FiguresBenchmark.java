package io.complaintmonitor.bench;

import static io.complaintmonitor.bench.ComplaintRulesBenchmark.london;

import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.domain.complaint.ComplaintRules;
import io.complaintmonitor.domain.complaint.ComplaintState;
import io.complaintmonitor.domain.complaint.EventType;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.domain.stats.ComplaintFigures;
import io.complaintmonitor.domain.stats.DimensionKey;
import io.complaintmonitor.domain.stats.DurationAggregate;
import io.complaintmonitor.domain.stats.FiguresBatch;
import io.complaintmonitor.domain.stats.Labels;
import io.complaintmonitor.domain.stats.Step;
import io.complaintmonitor.domain.stats.StepMeasure;
import io.complaintmonitor.simulate.CategoryMix;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The figures' share of the tracking task's work per event, the largest part of the monitor's
 * CPU per event in the end-to-end benchmark: working out a complaint's figures from its state
 * ({@code figuresOf}, done before and after every event), and merging what an event changed into
 * the outbox, then sorting the outbox into its groups and cutting it into records, as
 * {@code TrackingProcessor} does when it sends the outbox on.
 *
 * <p>{@link #outboxOfAThousandResponses}: 1,000 complaints each given its stage 1 response, the
 * changes of each merged into one outbox, sorted and cut; divide by 1,000 for a figure per event.
 * The complaints differ in category (the simulator's eight), handling team (four) and receipt date (a working
 * month), so the groups merge some facts and not others, as in a backfill.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FiguresBenchmark {

    static final int COMPLAINTS = 1_000;
    /** As TrackingProcessor.MAX_FACTS_PER_RECORD. */
    static final int MAX_FACTS_PER_RECORD = 5_000;
    /** The simulator's categories (eight). */
    static final List<String> CATEGORIES = CategoryMix.CATEGORIES;
    private static final List<String> TEAMS = List.of("housing-north", "housing-south", "repairs-hub", "income");

    /** The states and figures, built once; the rules and the figures never mutate a state. */
    @State(Scope.Benchmark)
    public static class Responses {
        ComplaintRules rules;
        /** Received, acknowledged and responded to, with the category and team of complaint 0. */
        ComplaintState responded;
        /** Each complaint's figures before and after its response, and when the response was. */
        final List<ComplaintFigures> before = new ArrayList<>();
        final List<ComplaintFigures> after = new ArrayList<>();
        final List<Long> at = new ArrayList<>();

        @Setup
        public void setUp() {
            rules = new ComplaintRules(WorkingDayBenchmark.CALENDAR);
            Instant firstReceipt = london("2026-02-02 09:00");
            for (int i = 0; i < COMPLAINTS; i++) {
                String ref = "CMP-" + i;
                Instant received = firstReceipt.plus(Duration.ofHours(7L * (i % 100)));
                ComplaintState acknowledged = track(null,
                        event(ref, "r" + i, EventType.RECEIVED, received)
                                .category(CATEGORIES.get(i % CATEGORIES.size()))
                                .handlingTeam(TEAMS.get(i % TEAMS.size())).build(),
                        event(ref, "a" + i, EventType.ACKNOWLEDGED, received.plus(Duration.ofDays(1 + i % 4)))
                                .stage(1).definitionRecorded(true).build());
                Instant respondedAt = received.plus(Duration.ofDays(8 + i % 9));
                ComplaintState done = track(acknowledged, event(ref, "s" + i, EventType.RESPONSE_ISSUED, respondedAt)
                        .stage(1).outcome(i % 3 == 0 ? "UPHELD" : "NOT_UPHELD").build());
                before.add(rules.figuresOf(acknowledged));
                after.add(rules.figuresOf(done));
                at.add(respondedAt.toEpochMilli());
                if (i == 0) {
                    responded = done;
                }
            }
        }

        private ComplaintState track(ComplaintState state, ComplaintEvent... events) {
            ComplaintState s = state;
            for (ComplaintEvent e : events) {
                s = rules.apply(s, e).state();
            }
            return s;
        }

        private static ComplaintEvent.Builder event(String ref, String id, EventType type, Instant at) {
            return ComplaintEvent.builder(Source.CRM, id, type).landlordId("landlord-1").complaintRef(ref)
                    .occurredAt(at);
        }
    }

    /** One complaint's figures from its state: the tracking task does this twice per event. */
    @Benchmark
    public void figuresOfARespondedComplaint(Responses r, Blackhole bh) {
        bh.consume(r.rules.figuresOf(r.responded));
    }

    /** 1,000 events' changes merged into an outbox, sorted into groups and cut into records. */
    @Benchmark
    public void outboxOfAThousandResponses(Responses r, Blackhole bh) {
        bh.consume(outbox(r));
    }

    /** One window's aggregate, as the figures task keeps it: 500 steps of 0 to 24 working days. */
    @State(Scope.Benchmark)
    public static class Window {
        DurationAggregate aggregate = DurationAggregate.EMPTY;
        /** One step taken out, one put in, as a figures record counts them. */
        Map<StepMeasure, Integer> change;

        @Setup
        public void setUp() {
            for (int i = 0; i < 500; i++) {
                aggregate = aggregate.plus(step(i % 25, i % 7 != 0));
            }
            change = Map.of(step(9, true), -1, step(12, false), 1);
        }

        private static StepMeasure step(int workingDays, boolean within) {
            return new StepMeasure(Step.STAGE1_RESPONSE, Labels.NONE, LocalDate.parse("2026-02-16"), workingDays,
                    within, 0, null, null);
        }
    }

    /** A window's aggregate changed by one step taken out and one put in: the figures task's per-window work. */
    @Benchmark
    public void changeAWindowsAggregate(Window w, Blackhole bh) {
        bh.consume(w.aggregate.change(w.change));
    }

    /** The groups' records, as sendFigures makes them: the work of {@link #outboxOfAThousandResponses}. */
    static Map<DimensionKey, Integer> outbox(Responses r) {
        FiguresBatch outbox = FiguresBatch.unsorted();
        for (int i = 0; i < COMPLAINTS; i++) {
            outbox.add(r.before.get(i), r.after.get(i), r.at.get(i));
        }
        Map<DimensionKey, FiguresBatch> groups = new TreeMap<>();
        outbox.sortInto(groups);
        Map<DimensionKey, Integer> records = new TreeMap<>();
        groups.forEach((group, batch) -> records.put(group, batch.toDeltas(MAX_FACTS_PER_RECORD).size()));
        return records;
    }
}
