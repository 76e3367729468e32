package io.complaintmonitor.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.complaintmonitor.domain.BankHolidayCalendars;
import io.complaintmonitor.domain.complaint.AlertType;
import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.domain.complaint.ComplaintRules;
import io.complaintmonitor.domain.complaint.ComplaintState;
import io.complaintmonitor.domain.complaint.Deadline;
import io.complaintmonitor.domain.complaint.EventType;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.domain.complaint.StageFacts;
import io.complaintmonitor.domain.complaint.TimedValue;
import io.complaintmonitor.domain.complaint.Transition;
import io.complaintmonitor.domain.stats.ComplaintFigures;
import io.complaintmonitor.domain.stats.DimensionKey;
import io.complaintmonitor.domain.stats.FiguresBatch;
import io.complaintmonitor.domain.stats.FiguresDelta;
import io.complaintmonitor.domain.stats.Labels;
import io.complaintmonitor.domain.stats.StepMeasure;
import io.complaintmonitor.domain.stats.Tally;
import io.complaintmonitor.ingest.EventAdapters;
import io.complaintmonitor.ingest.SurveyFeedback;
import io.complaintmonitor.lifecycle.LifecycleCodecs;
import io.complaintmonitor.lifecycle.LifecycleInput;
import io.complaintmonitor.lifecycle.TrackedComplaint;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.simulate.SimEvent;
import io.complaintmonitor.simulate.Simulation;
import io.complaintmonitor.simulate.SimulationSettings;
import io.complaintmonitor.stats.FiguresCodec;
import io.complaintmonitor.stats.FiguresInput;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class RepartitionCodecsTest {

    private static final EventAdapters ADAPTERS = new EventAdapters("L-1");

    @Test
    void shouldCarryEveryFieldOfAnEventWithEveryFieldSet() throws Exception {
        ComplaintEvent full = new ComplaintEvent(Source.CONTRACTOR, "e-1", "L-9", "C-123", EventType.EXTENSION_AGREED, 2,
                Instant.parse("2026-03-29T00:30:00.123456789Z"), "DAMP_MOULD", "PHONE", true,
                LocalDate.of(2026, 4, 30), "SURVEY_NEEDED", 10, "UPHELD", 12_345L, "OUT_OF_TIME", "TEAM-A",
                "CON-2", false);
        for (RecordComponent c : ComplaintEvent.class.getRecordComponents()) {
            assertThat(c.getAccessor().invoke(full)).as("sample sets %s", c.getName()).isNotNull();
        }

        LifecycleInput input = LifecycleInput.of(full);
        assertThat(LifecycleCodecs.INPUT.decode(LifecycleCodecs.INPUT.encode(input))).isEqualTo(input);
    }

    @Test
    void shouldCarryAnEventWithOnlyItsIdentityAndATick() {
        ComplaintEvent bare = new ComplaintEvent(Source.WEBFORM, "w", null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        LifecycleInput input = LifecycleInput.of(bare);
        assertThat(LifecycleCodecs.INPUT.decode(LifecycleCodecs.INPUT.encode(input))).isEqualTo(input);
        LifecycleInput tick = LifecycleInput.tick(Instant.parse("2026-11-23T00:00:00Z"), "complaint-monitor");
        assertThat(LifecycleCodecs.INPUT.decode(LifecycleCodecs.INPUT.encode(tick))).isEqualTo(tick);
        assertThat(LifecycleCodecs.INPUT.encode(null)).isNull();
        assertThat(LifecycleCodecs.INPUT.decode(null)).isNull();
    }

    @Test
    void shouldRefuseSurveyFeedbackWhichNeverCrossesTheHop() {
        LifecycleInput survey = LifecycleInput.survey(new SurveyFeedback("s-1", "default",
                Instant.parse("2026-11-23T10:00:00Z"), "REPAIRS"));
        assertThatThrownBy(() -> LifecycleCodecs.INPUT.encode(survey)).hasMessageContaining("never crosses");
    }

    @Test
    void shouldCarryEveryEventAndEveryFiguresChangeOfASimulatedYear() throws IOException {
        ComplaintRules rules = new ComplaintRules(BankHolidayCalendars.bundled("england-and-wales"));
        SimulationSettings settings = SimulationSettings.builder().seed(5).homes(20_000)
                .from(LocalDate.of(2025, 4, 1)).to(LocalDate.of(2026, 4, 1)).build();
        Map<String, ComplaintState> states = new HashMap<>();
        int events = 0;
        int deltas = 0;
        int raised = 0;
        Map<DimensionKey, FiguresBatch> outbox = new HashMap<>();
        FiguresBatch unsorted = FiguresBatch.unsorted();
        for (SimEvent sim : (Iterable<SimEvent>) () -> Simulation.iterator(settings)) {
            Optional<ComplaintEvent> adapted = adapt(sim);
            if (sim.defect() != SimEvent.Defect.NONE || adapted.isEmpty()) {
                continue;
            }
            ComplaintEvent event = adapted.get();
            assertThat(LifecycleCodecs.INPUT.decode(LifecycleCodecs.INPUT.encode(LifecycleInput.of(event))).event())
                    .isEqualTo(event);
            events++;
            String key = event.landlordId() + "|" + event.complaintRef();
            ComplaintState before = states.get(key);
            Transition applied = rules.apply(before, event);
            ComplaintState after = applied.state();
            states.put(key, after);
            // As stored, with its deadlines, and later with the alerts a month on would raise.
            Transition judged = rules.advanceTo(after, event.occurredAt().plus(Duration.ofDays(30)));
            for (TrackedComplaint tracked : List.of(new TrackedComplaint(after, applied.deadlines(), null, null),
                    new TrackedComplaint(judged.state(), judged.deadlines(), event.occurredAt(),
                            judged.deadlines().isEmpty() ? TrackedComplaint.NO_WAKE : judged.deadlines().get(0).at()))) {
                assertThat(LifecycleCodecs.TRACKED.decode(LifecycleCodecs.TRACKED.encode(tracked))).isEqualTo(tracked);
                raised += tracked.state().raised().size();
            }
            ComplaintFigures old = before == null ? ComplaintFigures.NONE : rules.figuresOf(before);
            List<FiguresDelta> changed = FiguresDelta.between(old, rules.figuresOf(after));
            unsorted.add(old, rules.figuresOf(after), event.occurredAt().toEpochMilli());
            if (!changed.isEmpty()) {
                FiguresInput change = new FiguresInput(changed);
                assertThat(FiguresCodec.INPUT.decode(FiguresCodec.INPUT.encode(change))).isEqualTo(change);
                deltas += changed.size();
                changed.forEach(d -> outbox.computeIfAbsent(d.key(), FiguresBatch::new).add(d, event.occurredAt()
                        .toEpochMilli()));
            }
        }
        assertThat(events).as("events of a simulated year").isGreaterThan(2_000);
        assertThat(raised).as("complaints with alerts raised").isGreaterThan(100);
        assertThat(deltas).as("figures changes of a simulated year").isGreaterThan(events);
        // The tracking task's outbox, had it held a whole year: read back whole, and an earlier version's
        // outbox of a batch per group too (the same layout, with a group).
        List<FiguresBatch> batches = new ArrayList<>(outbox.values());
        batches.add(unsorted);
        for (FiguresBatch batch : batches) {
            assertSameBatch(FiguresCodec.BATCH.decode(FiguresCodec.BATCH.encode(batch)), batch);
        }
        assertThat(outbox).hasSizeGreaterThan(10);
        assertThat(unsorted.toDeltas(Integer.MAX_VALUE).get(0).addedTallies())
                .as("an unsorted batch keeps its facts' labels").allMatch(t -> t.labels().landlordId() != null);
        // Earlier versions wrote each step as many times as it was taken out or put in: a version 1
        // outbox was a batch per group, version 2 added unsorted ones.
        assertSameBatch(FiguresCodec.BATCH.decode(listedBatch(1, outbox.get(DimensionKey.ALL))),
                outbox.get(DimensionKey.ALL));
        assertSameBatch(FiguresCodec.BATCH.decode(listedBatch(2, unsorted)), unsorted);
        assertThat(FiguresCodec.BATCH.encode(outbox.get(DimensionKey.ALL)).length)
                .as("counted steps are written once").isLessThan(listedBatch(2, outbox.get(DimensionKey.ALL)).length);
        List<FiguresDelta> sent = outbox.get(DimensionKey.ALL).toDeltas(5_000);
        assertThat(FiguresCodec.INPUT.decode(listedInput(sent))).isEqualTo(new FiguresInput(sent));
        FiguresBatch empty = new FiguresBatch(DimensionKey.ALL);
        assertThat(FiguresCodec.BATCH.decode(FiguresCodec.BATCH.encode(empty)).isEmpty()).isTrue();
        assertThat(FiguresCodec.INPUT.decode(FiguresCodec.INPUT.encode(FiguresInput.CLOCK)).isClock()).isTrue();
    }

    /** An outbox batch as versions 1 and 2 wrote it: every step once per time it was taken out or put in. */
    private static byte[] listedBatch(int version, FiguresBatch batch) throws IOException {
        BinarySerde.Out out = new BinarySerde.Out();
        out.writeByte(version);
        out.count(batch.latestMillis());
        writeListedDelta(out, batch.toDeltas(Integer.MAX_VALUE).get(0));
        return out.toByteArray();
    }

    /** A figures-changes record as version 1 wrote it. */
    private static byte[] listedInput(List<FiguresDelta> deltas) throws IOException {
        BinarySerde.Out out = new BinarySerde.Out();
        out.writeByte(1);
        out.bool(false);
        out.list(deltas, RepartitionCodecsTest::writeListedDelta);
        return out.toByteArray();
    }

    private static void writeListedDelta(BinarySerde.Out out, FiguresDelta delta) throws IOException {
        out.enumName(delta.key() == null ? null : delta.key().dimension());
        out.string(delta.key() == null ? null : delta.key().value());
        out.list(delta.removedSteps(), RepartitionCodecsTest::writeListedStep);
        out.list(delta.addedSteps(), RepartitionCodecsTest::writeListedStep);
        out.list(delta.removedTallies(), RepartitionCodecsTest::writeListedTally);
        out.list(delta.addedTallies(), RepartitionCodecsTest::writeListedTally);
    }

    private static void writeListedStep(BinarySerde.Out out, StepMeasure s) throws IOException {
        out.enumName(s.step());
        writeListedLabels(out, s.labels());
        out.date(s.finishedOn());
        out.count(s.workingDays());
        out.bool(s.withinTimescale());
        out.count(s.extensions());
        out.date(s.overdueFrom());
        out.date(s.overdueUntil());
    }

    private static void writeListedTally(BinarySerde.Out out, Tally t) throws IOException {
        out.string(t.measure());
        out.date(t.date());
        out.count(t.amount());
        writeListedLabels(out, t.labels());
    }

    private static void writeListedLabels(BinarySerde.Out out, Labels labels) throws IOException {
        out.string(labels.landlordId());
        out.string(labels.source());
        out.string(labels.category());
        out.string(labels.contractorId());
        out.string(labels.handlingTeam());
    }

    private static void assertSameBatch(FiguresBatch read, FiguresBatch batch) {
        assertThat(read.latestMillis()).isEqualTo(batch.latestMillis());
        assertThat(read.isUnsorted()).isEqualTo(batch.isUnsorted());
        FiguresDelta whole = batch.toDeltas(Integer.MAX_VALUE).get(0);
        FiguresDelta readWhole = read.toDeltas(Integer.MAX_VALUE).get(0);
        assertThat(readWhole.key()).isEqualTo(whole.key());
        assertThat(readWhole.addedSteps()).containsExactlyInAnyOrderElementsOf(whole.addedSteps());
        assertThat(readWhole.removedSteps()).containsExactlyInAnyOrderElementsOf(whole.removedSteps());
        assertThat(readWhole.addedTallies()).containsExactlyInAnyOrderElementsOf(whole.addedTallies());
        assertThat(readWhole.removedTallies()).containsExactlyInAnyOrderElementsOf(whole.removedTallies());
    }

    @Test
    void shouldReadAComplaintStoredAsJsonBeforeTheBinaryFormatAndOneWithEveryFieldSet() throws Exception {
        Instant t = Instant.parse("2026-01-05T10:00:00Z");
        LocalDate d = LocalDate.parse("2026-01-12");
        StageFacts stage = new StageFacts(t, t.plusSeconds(1), Source.CONTRACTOR, t.plusSeconds(2), true,
                t.plusSeconds(3), "UPHELD", 12_500L, List.of(new StageFacts.Extension(t.plusSeconds(4), d, 5)),
                List.of(t.plusSeconds(5)), List.of(new TimedValue(t.plusSeconds(6), "CON-1")));
        ComplaintState state = new ComplaintState("L-1", "C-1", t, "DAMP_MOULD", t, true,
                List.of(new TimedValue(t, "team-a")), stage, stage, t.plusSeconds(7), "NOT_A_COMPLAINT",
                t.plusSeconds(8), List.of(new ComplaintState.Closure(t.plusSeconds(9), 1)), t.plusSeconds(10),
                t.plusSeconds(11), List.of(new ComplaintState.RaisedAlert(2, AlertType.RESPONSE_OVERDUE, d)),
                List.of("CRM:e-1", "CONTRACTOR:u-2"));
        TrackedComplaint tracked = new TrackedComplaint(state,
                List.of(new Deadline(t.plusSeconds(12), AlertType.ACKNOWLEDGEMENT_DUE_SOON, 1, d)), TrackedComplaint.NO_CLOCK,
                t.plusSeconds(12));
        assertThat(nullFields(state)).as("every field of the state set").isEmpty();
        assertThat(nullFields(stage)).as("every field of the stage set").isEmpty();

        Deserializer<TrackedComplaint> store = LifecycleCodecs.TRACKED_STORE.deserializer();
        assertThat(store.deserialize("t", LifecycleCodecs.TRACKED_STORE.serializer().serialize("t", tracked)))
                .isEqualTo(tracked);
        byte[] json = JsonSerde.of(TrackedComplaint.class).serializer().serialize("t", tracked);
        assertThat(store.deserialize("t", json)).as("a value stored as JSON by an earlier version").isEqualTo(tracked);
        assertThat(store.deserialize("t", null)).isNull();

        // Version 1, before the one schedule entry was kept: the same fields without it.
        TrackedComplaint before = new TrackedComplaint(state, tracked.scheduled(), tracked.countedAt(), null);
        byte[] v2 = LifecycleCodecs.TRACKED.encode(before);
        assertThat(v2[0]).isEqualTo((byte) 2);
        assertThat(v2[v2.length - 1]).as("an absent wakeAt is one presence byte at the end").isZero();
        byte[] v1 = java.util.Arrays.copyOf(v2, v2.length - 1);
        v1[0] = 1;
        assertThat(store.deserialize("t", v1)).as("a version 1 value").isEqualTo(before);
    }

    private static List<String> nullFields(Record record) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getAccessor().invoke(record) == null) {
                out.add(c.getName());
            }
        }
        return out;
    }

    @Test
    void shouldRefuseAFormatVersionItDoesNotKnowSayingWhichItReads() {
        byte[] bytes = LifecycleCodecs.INPUT.encode(LifecycleInput.of(new ComplaintEvent(Source.CRM, "e", null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)));
        bytes[0] = 7;
        assertThatThrownBy(() -> LifecycleCodecs.INPUT.decode(bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("LifecycleInput").hasMessageContaining("version 7");
    }

    @Test
    void shouldRefuseTruncatedBytes() {
        byte[] bytes = LifecycleCodecs.INPUT.encode(LifecycleInput.of(new ComplaintEvent(Source.CRM, "event-id", "L",
                "C", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)));
        assertThatThrownBy(() -> LifecycleCodecs.INPUT.decode(java.util.Arrays.copyOf(bytes, 12)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("LifecycleInput");
    }

    @Test
    void shouldRefuseAListLongerThanTheBytesLeftRatherThanAllocateIt() {
        byte[] bytes = FiguresCodec.INPUT.encode(new FiguresInput(List.of()));
        // version, the clock flag's presence and value, then the list's size
        bytes[3] = 0x7f;
        assertThatThrownBy(() -> FiguresCodec.INPUT.decode(bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("FiguresInput");
    }

    private static Optional<ComplaintEvent> adapt(SimEvent sim) {
        if (sim.record() instanceof CrmCaseEvent crm) {
            return Optional.of(ADAPTERS.fromCrm(crm));
        }
        if (sim.record() instanceof ContractorComplaintUpdate contractor) {
            return Optional.of(ADAPTERS.fromContractor(contractor));
        }
        return sim.record() instanceof WebFormSubmission form ? ADAPTERS.fromWebForm(form) : Optional.empty();
    }
}
