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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary format of the figures-changes repartition topic and of the figures outbox. From
 * version 2 (3 for the outbox) a delta's steps are written once each with their signed count;
 * before, a step put in n times was written n times, and those versions are still read.
 */
public final class FiguresCodec {

    public static final BinarySerde<FiguresInput> INPUT = BinarySerde.of(FiguresInput.class, 2,
            (out, input) -> {
                out.bool(input.isClock());
                if (!input.isClock()) {
                    out.list(input.deltas(), FiguresCodec::writeDelta);
                }
            },
            (in, version) -> {
                if (in.bool()) {
                    return FiguresInput.CLOCK;
                }
                return new FiguresInput(in.list(version == 1 ? FiguresCodec::readListedDelta : FiguresCodec::readDelta));
            });

    /**
     * A batch waiting in the tracking task's figures outbox: its latest event time, then its
     * changes as one delta. Version 2 added unsorted batches, written with no group (a null
     * dimension and value) and their facts' labels; version 1 batches were all of one group.
     * Version 3 counts the steps.
     */
    public static final BinarySerde<FiguresBatch> BATCH = BinarySerde.of(FiguresBatch.class, 3,
            (out, batch) -> {
                out.count(batch.latestMillis());
                List<FiguresDelta> deltas = batch.toDeltas(Integer.MAX_VALUE);
                writeDelta(out, deltas.isEmpty()
                        ? new FiguresDelta(batch.key(), Map.of(), List.of(), List.of())
                        : deltas.get(0));
            },
            (in, version) -> {
                long latest = in.count();
                return FiguresBatch.of(version < 3 ? readListedDelta(in) : readDelta(in), latest);
            });

    private FiguresCodec() {
    }

    private static void writeDelta(BinarySerde.Out out, FiguresDelta delta) throws IOException {
        out.enumName(delta.key() == null ? null : delta.key().dimension());
        out.string(delta.key() == null ? null : delta.key().value());
        out.list(new ArrayList<>(delta.steps().entrySet()), FiguresCodec::writeCountedStep);
        out.list(delta.removedTallies(), FiguresCodec::writeTally);
        out.list(delta.addedTallies(), FiguresCodec::writeTally);
    }

    private static FiguresDelta readDelta(BinarySerde.In in) throws IOException {
        DimensionKey key = readKey(in);
        Map<StepMeasure, Integer> steps = new LinkedHashMap<>();
        for (Map.Entry<StepMeasure, Integer> step : in.list(FiguresCodec::readCountedStep)) {
            steps.put(step.getKey(), step.getValue());
        }
        return new FiguresDelta(key, steps, in.list(FiguresCodec::readTally), in.list(FiguresCodec::readTally));
    }

    /** A delta of an earlier version: each step as many times as it was taken out or put in. */
    private static FiguresDelta readListedDelta(BinarySerde.In in) throws IOException {
        DimensionKey key = readKey(in);
        return new FiguresDelta(key, in.list(FiguresCodec::readStep), in.list(FiguresCodec::readStep),
                in.list(FiguresCodec::readTally), in.list(FiguresCodec::readTally));
    }

    private static DimensionKey readKey(BinarySerde.In in) throws IOException {
        Dimension dimension = in.enumName(Dimension.class);
        String value = in.string();
        return dimension == null ? null : new DimensionKey(dimension, value);
    }

    private static void writeCountedStep(BinarySerde.Out out, Map.Entry<StepMeasure, Integer> step)
            throws IOException {
        out.count(step.getValue());
        writeStep(out, step.getKey());
    }

    private static Map.Entry<StepMeasure, Integer> readCountedStep(BinarySerde.In in) throws IOException {
        int times = (int) in.count();
        return Map.entry(readStep(in), times);
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
