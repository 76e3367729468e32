package io.complaintmonitor.lifecycle;

import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.domain.complaint.EventType;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.serde.BinarySerde;
import java.io.IOException;

/** The binary formats of the lifecycle's repartition topics (event-ids, complaint-events). */
public final class LifecycleCodecs {

    public static final BinarySerde<ComplaintEvent> EVENT = BinarySerde.of(ComplaintEvent.class, 1,
            LifecycleCodecs::writeEvent, (in, version) -> readEvent(in));

    public static final BinarySerde<LifecycleInput> INPUT = BinarySerde.of(LifecycleInput.class, 1,
            (out, input) -> {
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

    private LifecycleCodecs() {
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
