package io.complaintmonitor.stats;

import io.complaintmonitor.domain.stats.Dimension;
import io.complaintmonitor.domain.stats.DimensionKey;
import io.complaintmonitor.domain.stats.FiguresDelta;
import io.complaintmonitor.domain.stats.Labels;
import io.complaintmonitor.domain.stats.Step;
import io.complaintmonitor.domain.stats.StepMeasure;
import io.complaintmonitor.domain.stats.Tally;
import io.complaintmonitor.serde.BinarySerde;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The binary format of the figures-changes repartition topic. */
public final class FiguresCodec {

    public static final BinarySerde<FiguresInput> INPUT = BinarySerde.of(FiguresInput.class, 1,
            (out, input) -> {
                out.bool(input.isClock());
                if (!input.isClock()) {
                    out.count(input.deltas().size());
                    for (FiguresDelta delta : input.deltas()) {
                        writeDelta(out, delta);
                    }
                }
            },
            (in, version) -> {
                if (in.bool()) {
                    return FiguresInput.CLOCK;
                }
                int n = size(in);
                List<FiguresDelta> deltas = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    deltas.add(readDelta(in));
                }
                return new FiguresInput(deltas);
            });

    private FiguresCodec() {
    }

    private static void writeDelta(BinarySerde.Out out, FiguresDelta delta) throws IOException {
        out.enumName(delta.key().dimension());
        out.string(delta.key().value());
        writeSteps(out, delta.removedSteps());
        writeSteps(out, delta.addedSteps());
        writeTallies(out, delta.removedTallies());
        writeTallies(out, delta.addedTallies());
    }

    private static FiguresDelta readDelta(BinarySerde.In in) throws IOException {
        DimensionKey key = new DimensionKey(in.enumName(Dimension.class), in.string());
        return new FiguresDelta(key, readSteps(in), readSteps(in), readTallies(in), readTallies(in));
    }

    private static void writeSteps(BinarySerde.Out out, List<StepMeasure> steps) throws IOException {
        out.count(steps.size());
        for (StepMeasure s : steps) {
            out.enumName(s.step());
            writeLabels(out, s.labels());
            out.date(s.finishedOn());
            out.count(s.workingDays());
            out.bool(s.withinTimescale());
            out.count(s.extensions());
            out.date(s.overdueFrom());
            out.date(s.overdueUntil());
        }
    }

    private static List<StepMeasure> readSteps(BinarySerde.In in) throws IOException {
        int n = size(in);
        List<StepMeasure> steps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            steps.add(new StepMeasure(in.enumName(Step.class), readLabels(in), in.date(), (int) in.count(), in.bool(),
                    (int) in.count(), in.date(), in.date()));
        }
        return steps;
    }

    private static void writeTallies(BinarySerde.Out out, List<Tally> tallies) throws IOException {
        out.count(tallies.size());
        for (Tally t : tallies) {
            out.string(t.measure());
            out.date(t.date());
            out.count(t.amount());
            writeLabels(out, t.labels());
        }
    }

    private static List<Tally> readTallies(BinarySerde.In in) throws IOException {
        int n = size(in);
        List<Tally> tallies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tallies.add(new Tally(in.string(), in.date(), in.count(), readLabels(in)));
        }
        return tallies;
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

    private static int size(BinarySerde.In in) throws IOException {
        long n = in.count();
        if (n < 0 || n > 10_000) {
            throw new IOException("list of " + n + " entries in a figures change");
        }
        return (int) n;
    }
}
