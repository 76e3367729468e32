package io.complaintmonitor.lifecycle;

import io.complaintmonitor.domain.complaint.AlertType;
import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.domain.complaint.ComplaintState;
import io.complaintmonitor.domain.complaint.Deadline;
import io.complaintmonitor.domain.complaint.EventType;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.domain.complaint.StageFacts;
import io.complaintmonitor.domain.complaint.TimedValue;
import io.complaintmonitor.serde.BinarySerde;
import io.complaintmonitor.serde.JsonSerde;
import java.io.IOException;
import org.apache.kafka.common.serialization.Serde;

/**
 * The binary formats of the lifecycle's repartition topic (complaint-events) and of its
 * complaint-state store.
 */
public final class LifecycleCodecs {

    public static final BinarySerde<LifecycleInput> INPUT = BinarySerde.of(LifecycleInput.class, 1,
            (out, input) -> {
                if (input.isSurvey()) {
                    // Survey feedback joins the tracking task's input after the hop, in the task that read it.
                    throw new IllegalArgumentException("survey feedback never crosses complaint-events");
                }
                out.bool(input.isTick());
                if (input.isTick()) {
                    out.instant(input.tick());
                    out.string(input.applicationId());
                } else {
                    writeEvent(out, input.event());
                }
            },
            (in, version) -> in.bool()
                    ? LifecycleInput.tick(in.instant(), in.string())
                    : LifecycleInput.of(readEvent(in)));

    /**
     * complaint-state values: written at every commit for each complaint changed, and read for
     * each one not in the object cache. JSON took a tenth of the stream thread there. Version 2
     * adds the instant of the complaint's one schedule entry (version 1 had one per deadline).
     */
    public static final BinarySerde<TrackedComplaint> TRACKED = BinarySerde.of(TrackedComplaint.class, 2,
            (out, t) -> {
                writeState(out, t.state());
                out.list(t.scheduled(), LifecycleCodecs::writeDeadline);
                out.instant(t.countedAt());
                out.instant(t.wakeAt());
            },
            (in, version) -> new TrackedComplaint(readState(in), in.list(LifecycleCodecs::readDeadline),
                    in.instant(), version >= 2 ? in.instant() : null));

    /** The complaint-state serde: binary, and still reading the JSON that stores held before. */
    public static final Serde<TrackedComplaint> TRACKED_STORE = TRACKED.readingJsonToo(JsonSerde.of(TrackedComplaint.class));

    private LifecycleCodecs() {
    }

    private static void writeState(BinarySerde.Out out, ComplaintState s) throws IOException {
        out.string(s.landlordId());
        out.string(s.complaintRef());
        out.instant(s.firstSeenAt());
        out.string(s.category());
        out.instant(s.categoryAt());
        out.bool(s.reasonableAdjustments());
        out.list(s.handlingTeams(), LifecycleCodecs::writeTimed);
        writeStage(out, s.stage1());
        writeStage(out, s.stage2());
        out.instant(s.refusedAt());
        out.string(s.refusalReason());
        out.instant(s.withdrawnAt());
        out.list(s.closures(), (o, c) -> {
            o.instant(c.at());
            o.integer(c.stage());
        });
        out.instant(s.ombudsmanReferredAt());
        out.instant(s.ombudsmanDeterminedAt());
        out.list(s.raised(), (o, r) -> {
            o.count(r.stage());
            o.enumName(r.type());
            o.date(r.dueDate());
        });
        out.list(s.seenEventIds(), BinarySerde.Out::string);
    }

    private static ComplaintState readState(BinarySerde.In in) throws IOException {
        return new ComplaintState(in.string(), in.string(), in.instant(), in.string(), in.instant(), in.bool(),
                in.list(LifecycleCodecs::readTimed), readStage(in), readStage(in), in.instant(), in.string(),
                in.instant(), in.list(i -> new ComplaintState.Closure(i.instant(), i.integer())), in.instant(),
                in.instant(),
                in.list(i -> new ComplaintState.RaisedAlert((int) i.count(), i.enumName(AlertType.class), i.date())),
                in.list(BinarySerde.In::string));
    }

    private static void writeStage(BinarySerde.Out out, StageFacts f) throws IOException {
        out.instant(f.startedAt());
        out.instant(f.triggeredAt());
        out.enumName(f.triggerSource());
        out.instant(f.acknowledgedAt());
        out.bool(f.definitionRecorded());
        out.instant(f.respondedAt());
        out.string(f.outcome());
        out.longValue(f.remedyAmountPence());
        out.list(f.extensions(), (o, e) -> {
            o.instant(e.agreedAt());
            o.date(e.newDueDate());
            o.integer(e.updateIntervalWorkingDays());
        });
        out.list(f.contacts(), BinarySerde.Out::instant);
        out.list(f.contractors(), LifecycleCodecs::writeTimed);
    }

    private static StageFacts readStage(BinarySerde.In in) throws IOException {
        return new StageFacts(in.instant(), in.instant(), in.enumName(Source.class), in.instant(), in.bool(),
                in.instant(), in.string(), in.longValue(),
                in.list(i -> new StageFacts.Extension(i.instant(), i.date(), i.integer())),
                in.list(BinarySerde.In::instant), in.list(LifecycleCodecs::readTimed));
    }

    private static void writeTimed(BinarySerde.Out out, TimedValue t) throws IOException {
        out.instant(t.from());
        out.string(t.value());
    }

    private static TimedValue readTimed(BinarySerde.In in) throws IOException {
        return new TimedValue(in.instant(), in.string());
    }

    private static void writeDeadline(BinarySerde.Out out, Deadline d) throws IOException {
        out.instant(d.at());
        out.enumName(d.type());
        out.count(d.stage());
        out.date(d.dueDate());
    }

    private static Deadline readDeadline(BinarySerde.In in) throws IOException {
        return new Deadline(in.instant(), in.enumName(AlertType.class), (int) in.count(), in.date());
    }

    static void writeEvent(BinarySerde.Out out, ComplaintEvent e) throws IOException {
        out.enumName(e.source());
        out.string(e.eventId());
        out.string(e.landlordId());
        out.string(e.complaintRef());
        out.enumName(e.type());
        out.integer(e.stage());
        out.instant(e.occurredAt());
        out.string(e.category());
        out.string(e.channel());
        out.bool(e.definitionRecorded());
        out.date(e.newDueDate());
        out.string(e.extensionReason());
        out.integer(e.updateIntervalWorkingDays());
        out.string(e.outcome());
        out.longValue(e.remedyAmountPence());
        out.string(e.refusalReason());
        out.string(e.handlingTeam());
        out.string(e.contractorId());
        out.bool(e.reasonableAdjustments());
    }

    static ComplaintEvent readEvent(BinarySerde.In in) throws IOException {
        return new ComplaintEvent(in.enumName(Source.class), in.string(), in.string(), in.string(),
                in.enumName(EventType.class), in.integer(), in.instant(), in.string(), in.string(), in.bool(),
                in.date(), in.string(), in.integer(), in.string(), in.longValue(), in.string(), in.string(),
                in.string(), in.bool());
    }
}
