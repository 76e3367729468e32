package io.complaintmonitor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScrapeCacheTest {

    @Test
    void shouldReadTheStoreOncePerSecondWhenManyGaugesAskWithinIt() {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
        AtomicInteger reads = new AtomicInteger();
        ScrapeCache<Integer> cache = new ScrapeCache<>(reads::incrementAndGet, Duration.ofSeconds(1), clock);

        assertThat(cache.get()).isEqualTo(1);
        assertThat(cache.get()).isEqualTo(1);
        clock.set(Instant.parse("2026-11-23T10:00:00.999Z"));
        assertThat(cache.get()).as("still within the second").isEqualTo(1);
        clock.set(Instant.parse("2026-11-23T10:00:01Z"));
        assertThat(cache.get()).as("read again").isEqualTo(2);
        assertThat(reads).hasValue(2);
    }
}
