package io.complaintmonitor.bench;

import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.domain.complaint.ComplaintRules;
import io.complaintmonitor.domain.complaint.ComplaintState;
import io.complaintmonitor.domain.complaint.EventType;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.domain.complaint.Transition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
 * {@link ComplaintRules}: the work the tracking processor hands the domain for each event
 * ({@code apply}) and each due deadline ({@code advanceTo}), on the bundled calendar.
 *
 * <p>One stage 1 complaint, received Monday 2 February 2026: acknowledgement due Monday 9
 * February, response due Tuesday 17 February. States and events are built once; the rules never
 * mutate a state, so every call does the same work.
 *
 * <p>Warm-up is longer than for the calendar: with 3 x 1 s on the shared 2-core machine the
 * JIT was still improving these paths during measurement (69 us down to 24 us per op).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ComplaintRulesBenchmark {

    /** The complaint's events and the states the processor would hold between them. */
    @State(Scope.Benchmark)
    public static class Complaint {
        ComplaintRules rules;
        ComplaintEvent received;
        ComplaintEvent acknowledged;
        ComplaintEvent responded;
        /** Received, acknowledged, the resident updated, a first extension to 27 February. */
        ComplaintState withHistory;
        /** A second extension, to 3 March: the most stage 1 allows (Code 6.4), so no immediate alert. */
        ComplaintEvent extended;
        /** Received and acknowledged: the response's due-soon and overdue checks pending. */
        ComplaintState acknowledgedState;
        /** Before any pending check: nothing is raised. */
        Instant beforeNextDeadline;
        /** The day after the response was due: due-soon and overdue are raised. */
        Instant pastResponseDue;

        @Setup
        public void setUp() {
            rules = new ComplaintRules(WorkingDayBenchmark.CALENDAR);
            received = crm("e1", EventType.RECEIVED, "2026-02-02 09:00")
                    .category("REPAIRS").handlingTeam("housing-north").build();
            acknowledged = crm("e2", EventType.ACKNOWLEDGED, "2026-02-03 10:00")
                    .stage(1).definitionRecorded(true).build();
            responded = crm("e3", EventType.RESPONSE_ISSUED, "2026-02-12 15:00")
                    .stage(1).outcome("UPHELD").build();

            acknowledgedState = track(null, received, acknowledged);
            withHistory = track(acknowledgedState,
                    crm("e4", EventType.RESIDENT_UPDATED, "2026-02-09 11:00").stage(1).build(),
                    crm("e5", EventType.EXTENSION_AGREED, "2026-02-12 10:00").stage(1)
                            .newDueDate(LocalDate.parse("2026-02-27")).extensionReason("AWAITING_SURVEY")
                            .updateIntervalWorkingDays(5).build());
            extended = crm("e6", EventType.EXTENSION_AGREED, "2026-02-25 10:00").stage(1)
                    .newDueDate(LocalDate.parse("2026-03-03")).extensionReason("AWAITING_SURVEY").build();

            beforeNextDeadline = london("2026-02-10 12:00");
            pastResponseDue = london("2026-02-18 00:00");
        }

        /** As the processor does with no grace: apply each event, then judge up to its time. */
        private ComplaintState track(ComplaintState state, ComplaintEvent... events) {
            ComplaintState s = state;
            for (ComplaintEvent event : events) {
                s = rules.apply(s, event).state();
                s = rules.advanceTo(s, event.occurredAt()).state();
            }
            return s;
        }
    }

    /** A new complaint's first three events, one after another: three applies per op. */
    @Benchmark
    public void applyReceivedAcknowledgedResponded(Complaint c, Blackhole bh) {
        Transition t = c.rules.apply(null, c.received);
        t = c.rules.apply(t.state(), c.acknowledged);
        bh.consume(c.rules.apply(t.state(), c.responded));
    }

    @Benchmark
    public void applyExtensionToStateWithHistory(Complaint c, Blackhole bh) {
        bh.consume(c.rules.apply(c.withHistory, c.extended));
    }

    @Benchmark
    public void advanceToBeforeNextDeadline(Complaint c, Blackhole bh) {
        bh.consume(c.rules.advanceTo(c.acknowledgedState, c.beforeNextDeadline));
    }

    @Benchmark
    public void advanceToPastResponseDue(Complaint c, Blackhole bh) {
        bh.consume(c.rules.advanceTo(c.acknowledgedState, c.pastResponseDue));
    }

    static ComplaintEvent.Builder crm(String eventId, EventType type, String londonTime) {
        return ComplaintEvent.builder(Source.CRM, eventId, type)
                .landlordId("landlord-1")
                .complaintRef("CMP-1")
                .occurredAt(london(londonTime));
    }

    /** A London wall-clock time, "yyyy-MM-dd HH:mm". */
    static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime.replace(' ', 'T')).atZone(LondonTime.ZONE).toInstant();
    }
}
