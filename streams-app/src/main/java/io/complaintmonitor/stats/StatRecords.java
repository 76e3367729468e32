package io.complaintmonitor.stats;

import io.complaintmonitor.domain.stats.DimensionKey;
import io.complaintmonitor.domain.stats.DurationAggregate;
import io.complaintmonitor.domain.stats.ReportingWindow;
import io.complaintmonitor.domain.stats.Step;
import io.complaintmonitor.schema.StageDurationStat;
import java.time.Instant;

/** A stage-duration aggregate as the Avro record of {@code complaints.stats.v1}. */
public final class StatRecords {

    private StatRecords() {
    }

    public static StageDurationStat toAvro(Step step, DimensionKey group, ReportingWindow window,
            DurationAggregate aggregate, Long openPastDue, Instant computedAt) {
        boolean any = aggregate.count() > 0;
        return StageDurationStat.newBuilder()
                .setStep(step.label())
                .setDimension(group.dimension().label())
                .setDimensionValue(group.value())
                .setWindowKind(window.kind().label())
                .setWindow(window.label())
                .setWindowStart(window.start())
                .setWindowEnd(window.end())
                .setCount(aggregate.count())
                .setWithinTimescale(aggregate.withinTimescale())
                .setMeanWorkingDays(any ? aggregate.mean() : null)
                .setMaxWorkingDays(any ? aggregate.max() : null)
                .setP50WorkingDays(any ? aggregate.percentile(0.5) : null)
                .setP90WorkingDays(any ? aggregate.percentile(0.9) : null)
                .setExtensions(aggregate.extensions())
                .setOpenPastDue(openPastDue)
                .setComputedAt(computedAt)
                .build();
    }
}
