package io.complaintmonitor.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundClockTest {

    private static final Instant REAL_START = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant MIDNIGHT_1 = Instant.parse("2025-11-11T00:00:00Z");
    private static final Instant MIDNIGHT_2 = Instant.parse("2025-11-12T00:00:00Z");
    private static final Instant MIDNIGHT_3 = Instant.parse("2025-11-14T00:00:00Z");
    private final RoundClock clock = new RoundClock(Clock.systemUTC(), REAL_START, Duration.ofSeconds(20),
            Duration.ofSeconds(6), List.of(MIDNIGHT_1, MIDNIGHT_2, MIDNIGHT_3));

    @Test
    void shouldReachEachDeadlineOnePeriodAfterTheLastAfterTheLead() {
        assertThat(clock.realDeadline(0)).isEqualTo(REAL_START.plusSeconds(20));
        assertThat(clock.realDeadline(2)).isEqualTo(REAL_START.plusSeconds(32));
        assertThat(clock.at(REAL_START.plusSeconds(20))).isEqualTo(MIDNIGHT_1);
        assertThat(clock.at(REAL_START.plusSeconds(26))).isEqualTo(MIDNIGHT_2);
        assertThat(clock.at(REAL_START.plusSeconds(32))).isEqualTo(MIDNIGHT_3);
    }

    @Test
    void shouldRunAtRealSpeedBeforeTheFirstDeadlineAndAfterTheLast() {
        assertThat(clock.at(REAL_START)).isEqualTo(MIDNIGHT_1.minusSeconds(20));
        assertThat(clock.at(REAL_START.plusSeconds(100))).isEqualTo(MIDNIGHT_3.plusSeconds(68));
    }

    @Test
    void shouldJumpForwardHalfwayBetweenDeadlinesAndNeverBack() {
        Instant beforeJump = clock.at(REAL_START.plusMillis(22_999));
        Instant afterJump = clock.at(REAL_START.plusMillis(23_000));

        assertThat(beforeJump).isEqualTo(MIDNIGHT_1.plusMillis(2_999));
        assertThat(afterJump).isEqualTo(MIDNIGHT_2.minusSeconds(3));
        Instant previous = Instant.MIN;
        for (long ms = 0; ms < 60_000; ms += 250) {
            Instant now = clock.at(REAL_START.plusMillis(ms));
            assertThat(now).isAfter(previous);
            previous = now;
        }
    }

    @Test
    void shouldFindTheRoundOfADeadline() {
        assertThat(clock.roundOf(MIDNIGHT_2)).isEqualTo(1);
        assertThat(clock.roundOf(Instant.EPOCH)).isEqualTo(-1);
    }

    @Test
    void shouldRefuseDeadlinesCloserThanAPeriod() {
        assertThatThrownBy(() -> new RoundClock(Clock.systemUTC(), REAL_START, Duration.ofSeconds(20),
                Duration.ofSeconds(6), List.of(MIDNIGHT_1, MIDNIGHT_1.plusSeconds(5))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
