package io.complaintmonitor.stats;

import io.complaintmonitor.domain.stats.Dimension;
import io.complaintmonitor.domain.stats.DimensionKey;
import io.complaintmonitor.domain.stats.FiguresBatch;
import io.complaintmonitor.domain.stats.FiguresDelta;
import io.complaintmonitor.domain.stats.Labels;
import io.complaintmonitor.domain.stats.Step;
import io.complaintmonitor.domain.stats.StepMeasure;
import io.complaintmonitor.domain.stats.Tally;
import io.complaintmonitor.serde.BinarySerde;
import java.io.IOException;
import java.util.List;

/** The binary format of the figures-changes repartition topic. */
public final class FiguresCodec {

    public static final BinarySerde<FiguresInput> INPUT = BinarySerde.of(FiguresInput.class, 1,
            (out, input) -> {
                out.bool(input.isClock());
                if (!input.isClock()) {
                    out.list(input.deltas(), FiguresCodec::writeDelta);
                }
            },
            (in, version) -> in.bool() ? FiguresInput.CLOCK : new FiguresInput(in.list(FiguresCodec::readDelta)));

    /**
     * A batch waiting in the tracking task's figures outbox: its latest event time, then its
     * changes as one delta. Version 2 added unsorted batches, written with no group (a null
     * dimension and value) and their facts' labels; version 1 batches were all of one group.
     */
    public static final BinarySerde<FiguresBatch> BATCH = BinarySerde.of(FiguresBatch.class, 2,
            (out, batch) -> {
                out.count(batch.latestMillis());
                List<FiguresDelta> deltas = batch.toDeltas(Integer.MAX_VALUE);
                writeDelta(out, deltas.isEmpty()
                        ? new FiguresDelta(batch.key(), List.of(), List.of(), List.of(), List.of())
                        : deltas.get(0));
            },
            (in, version) -> {
                long latest = in.count();
                return FiguresBatch.of(readDelta(in), latest);
            });

    private FiguresCodec() {
    }

    private static void writeDelta(BinarySerde.Out out, FiguresDelta delta) throws IOException {
        out.enumName(delta.key() == null ? null : delta.key().dimension());
        out.string(delta.key() == null ? null : delta.key().value());
        out.list(delta.removedSteps(), FiguresCodec::writeStep);
        out.list(delta.addedSteps(), FiguresCodec::writeStep);
        out.list(delta.removedTallies(), FiguresCodec::writeTally);
        out.list(delta.addedTallies(), FiguresCodec::writeTally);
    }

    private static FiguresDelta readDelta(BinarySerde.In in) throws IOException {
        Dimension dimension = in.enumName(Dimension.class);
        String value = in.string();
        DimensionKey key = dimension == null ? null : new DimensionKey(dimension, value);
        return new FiguresDelta(key, in.list(FiguresCodec::readStep), in.list(FiguresCodec::readStep),
                in.list(FiguresCodec::readTally), in.list(FiguresCodec::readTally));
    }

    private static void writeStep(BinarySerde.Out out, StepMeasure s) throws IOException {
        out.enumName(s.step());
        writeLabels(out, s.labels());
        out.date(s.finishedOn());
        out.count(s.workingDays());
        out.bool(s.withinTimescale());
        out.count(s.extensions());
        out.date(s.overdueFrom());
        out.date(s.overdueUntil());
    }

    private static StepMeasure readStep(BinarySerde.In in) throws IOException {
        return new StepMeasure(in.enumName(Step.class), readLabels(in), in.date(), (int) in.count(), in.bool(),
                (int) in.count(), in.date(), in.date());
    }

    private static void writeTally(BinarySerde.Out out, Tally t) throws IOException {
        out.string(t.measure());
        out.date(t.date());
        out.count(t.amount());
        writeLabels(out, t.labels());
    }

    private static Tally readTally(BinarySerde.In in) throws IOException {
        return new Tally(in.string(), in.date(), in.count(), readLabels(in));
    }

    private static void writeLabels(BinarySerde.Out out, Labels labels) throws IOException {
        out.string(labels.landlordId());
        out.string(labels.source());
        out.string(labels.category());
        out.string(labels.contractorId());
        out.string(labels.handlingTeam());
    }

    private static Labels readLabels(BinarySerde.In in) throws IOException {
        return new Labels(in.string(), in.string(), in.string(), in.string(), in.string());
    }
}
