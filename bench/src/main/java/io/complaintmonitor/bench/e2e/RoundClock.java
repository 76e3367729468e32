package io.complaintmonitor.bench.e2e;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A wall clock for the alert-latency phase that runs at real speed but visits several deadlines:
 * round r lasts {@code period} of real time, centred on the real instant {@link #realDeadline(int)},
 * when this clock reads {@code deadlines.get(r)}. Between rounds it jumps forward to the next
 * deadline minus half a period, so it never runs backwards. Before the first round it runs up to
 * the first deadline, reached {@code lead} after {@code realStart}.
 */
public final class RoundClock extends Clock {

    private final Clock real;
    private final Instant realStart;
    private final Duration lead;
    private final Duration period;
    private final List<Instant> deadlines;

    public RoundClock(Clock real, Instant realStart, Duration lead, Duration period, List<Instant> deadlines) {
        if (deadlines.isEmpty()) {
            throw new IllegalArgumentException("no deadlines");
        }
        for (int r = 1; r < deadlines.size(); r++) {
            if (Duration.between(deadlines.get(r - 1), deadlines.get(r)).compareTo(period) <= 0) {
                throw new IllegalArgumentException("deadlines must be more than a period apart: " + deadlines);
            }
        }
        this.real = real;
        this.realStart = realStart;
        this.lead = lead;
        this.period = period;
        this.deadlines = List.copyOf(deadlines);
    }

    /** The real instant at which this clock reaches deadline {@code round}. */
    public Instant realDeadline(int round) {
        return realStart.plus(lead).plus(period.multipliedBy(round));
    }

    /** The round whose deadline is {@code deadline}, or -1. */
    public int roundOf(Instant deadline) {
        return deadlines.indexOf(deadline);
    }

    public int rounds() {
        return deadlines.size();
    }

    /** What this clock reads at the real instant {@code now}. */
    public Instant at(Instant now) {
        long sinceFirst = Duration.between(realDeadline(0), now).toMillis();
        long periodMs = period.toMillis();
        // The round whose period (deadline +- half a period) holds now; clamped to the first and last.
        long round = Math.floorDiv(sinceFirst + periodMs / 2, periodMs);
        int r = (int) Math.max(0, Math.min(deadlines.size() - 1, round));
        return deadlines.get(r).plus(Duration.between(realDeadline(r), now));
    }

    @Override
    public Instant instant() {
        return at(real.instant());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the monitor reads instants only");
    }
}
