package io.complaintmonitor.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Remembers a value read from a state store for a moment, so the gauges of one scrape (one per
 * label combination) share a single store scan instead of each doing its own.
 */
public final class ScrapeCache<T> implements Supplier<T> {

    private final Supplier<T> source;
    private final Duration ttl;
    private final Clock clock;
    private T value;
    private Instant readAt;

    public ScrapeCache(Supplier<T> source, Duration ttl, Clock clock) {
        this.source = source;
        this.ttl = ttl;
        this.clock = clock;
    }

    public static <T> ScrapeCache<T> of(Supplier<T> source) {
        return new ScrapeCache<>(source, Duration.ofSeconds(1), Clock.systemUTC());
    }

    @Override
    public synchronized T get() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(ttl))) {
            value = source.get();
            readAt = now;
        }
        return value;
    }
}
