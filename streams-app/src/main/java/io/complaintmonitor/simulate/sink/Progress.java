package io.complaintmonitor.simulate.sink;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * How far a long run has got, by simulated time, on stderr: on a terminal one line redrawn at most
 * four times a second; otherwise (a log, a pipe) a line at each quarter, so logs stay short.
 */
public final class Progress {

    private static final long REDRAW_NANOS = Duration.ofMillis(250).toNanos();

    private final PrintWriter err;
    private final boolean terminal;
    private final Instant from;
    private final Instant to;
    private long lastDrawn = Long.MIN_VALUE;
    private int lastQuarter;
    private long records;

    public Progress(PrintWriter err, boolean terminal, Instant from, Instant to) {
        this.err = err;
        this.terminal = terminal;
        this.from = from;
        this.to = to;
    }

    /** One more record, at simulated time {@code at}. */
    public void advance(Instant at) {
        records++;
        double done = Math.min(1.0, Math.max(0.0,
                (double) Duration.between(from, at).toSeconds() / Duration.between(from, to).toSeconds()));
        if (terminal) {
            long now = System.nanoTime();
            if (lastDrawn == Long.MIN_VALUE || now - lastDrawn >= REDRAW_NANOS) {
                lastDrawn = now;
                err.print("\r" + line(done, at));
                err.flush();
            }
        } else if ((int) (done * 4) > lastQuarter && done < 1.0) {
            lastQuarter = (int) (done * 4);
            err.println(line(done, at));
            err.flush();
        }
    }

    /** Ends the redrawn line, so what follows starts on a line of its own. */
    public void finish() {
        if (terminal && lastDrawn != Long.MIN_VALUE) {
            err.println();
            err.flush();
        }
    }

    private String line(double done, Instant at) {
        int width = 30;
        int filled = (int) Math.round(done * width);
        LocalDate date = at.atZone(ZoneId.of("Europe/London")).toLocalDate();
        return String.format("[%s%s] %3.0f%%  %s  %,d records", "#".repeat(filled), " ".repeat(width - filled),
                done * 100, date, records);
    }
}
