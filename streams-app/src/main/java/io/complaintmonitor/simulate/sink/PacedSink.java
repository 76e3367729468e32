package io.complaintmonitor.simulate.sink;

import io.complaintmonitor.simulate.SimEvent;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Releases records live, for a demo: at most {@code eventsPerSecond}, and never before the record's
 * own time by {@code clock}. A simulated past is so replayed at the rate; a range reaching into
 * the future is sent as it happens. The clock and the sleep are injected, so tests run on a
 * clock that moves only when the sink sleeps. Before each wait it flushes the sink it wraps, so
 * what was released is visible at once.
 */
public final class PacedSink implements EventSink {

    /** How the sink waits; {@code Thread::sleep} in production. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Duration LONGEST_SLEEP = Duration.ofSeconds(1);

    private final EventSink inner;
    private final double eventsPerSecond;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant start;
    private long released;

    public PacedSink(EventSink inner, double eventsPerSecond, Clock clock, Sleeper sleeper) {
        if (!(eventsPerSecond > 0)) {
            throw new IllegalArgumentException("--rate must be above 0 events a second, got " + eventsPerSecond);
        }
        this.inner = inner;
        this.eventsPerSecond = eventsPerSecond;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public static PacedSink realTime(EventSink inner, double eventsPerSecond) {
        return new PacedSink(inner, eventsPerSecond, Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()));
    }

    @Override
    public void write(SimEvent event) throws IOException {
        if (start == null) {
            start = clock.instant();
        }
        Instant byRate = start.plusNanos(Math.round(released * 1e9 / eventsPerSecond));
        Instant due = byRate.isAfter(event.at()) ? byRate : event.at();
        Instant now = clock.instant();
        if (now.isBefore(due)) {
            inner.flush();
            while (now.isBefore(due)) {
                Duration wait = Duration.between(now, due);
                sleep(wait.compareTo(LONGEST_SLEEP) > 0 ? LONGEST_SLEEP : wait);
                now = clock.instant();
            }
        }
        inner.write(event);
        released++;
    }

    private void sleep(Duration duration) throws IOException {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while pacing");
        }
    }

    @Override
    public void flush() throws IOException {
        inner.flush();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
