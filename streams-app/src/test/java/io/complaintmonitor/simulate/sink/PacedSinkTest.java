package io.complaintmonitor.simulate.sink;

import io.complaintmonitor.testing.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.schema.WebFormType;
import io.complaintmonitor.simulate.SimEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live pacing on a clock that moves only when the sink sleeps. */
class PacedSinkTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    /** A clock whose time is what the sleeps added up to. */
    private static final class SleepingClock {
        final SettableClock clock = new SettableClock(START);
        final List<Duration> sleeps = new ArrayList<>();

        void sleep(Duration duration) {
            sleeps.add(duration);
            clock.set(clock.instant().plus(duration));
        }

        Instant instant() {
            return clock.instant();
        }
    }

    /** Remembers when (by the clock) each record was written, and the flushes. */
    private static final class Recording implements EventSink {
        final SleepingClock clock;
        final List<Instant> writtenAt = new ArrayList<>();
        int flushes;

        Recording(SleepingClock clock) {
            this.clock = clock;
        }

        @Override
        public void write(SimEvent event) {
            writtenAt.add(clock.instant());
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
        }
    }

    private static SimEvent at(Instant time) {
        return new SimEvent(time, Source.WEBFORM, WebFormSubmission.newBuilder().setSubmissionId("web-1")
                .setSubmittedAt(time).setFormType(WebFormType.SURVEY_FEEDBACK).build(), SimEvent.Defect.NONE);
    }

    @Test
    void shouldReleaseAPastAtTheGivenRate() throws Exception {
        SleepingClock clock = new SleepingClock();
        Recording inner = new Recording(clock);
        try (PacedSink sink = new PacedSink(inner, 4.0, clock.clock, clock::sleep)) {
            for (int i = 0; i < 9; i++) {
                sink.write(at(START.minus(Duration.ofDays(30)).plusSeconds(i)));
            }
        }
        assertThat(inner.writtenAt).hasSize(9);
        assertThat(inner.writtenAt.get(0)).isEqualTo(START);
        assertThat(inner.writtenAt.get(8)).isEqualTo(START.plusSeconds(2)); // 8 gaps of 250 ms
        assertThat(inner.flushes).isGreaterThanOrEqualTo(8);
    }

    @Test
    void shouldNotReleaseARecordBeforeItsOwnTime() throws Exception {
        SleepingClock clock = new SleepingClock();
        Recording inner = new Recording(clock);
        try (PacedSink sink = new PacedSink(inner, 1000.0, clock.clock, clock::sleep)) {
            sink.write(at(START.minusSeconds(5)));
            sink.write(at(START.plusSeconds(90)));
            sink.write(at(START.plusSeconds(90)));
        }
        assertThat(inner.writtenAt.get(1)).isEqualTo(START.plusSeconds(90));
        assertThat(inner.writtenAt.get(2)).isBetween(START.plusSeconds(90), START.plusSeconds(91));
        // Long waits are cut into sleeps of at most a second, so a stop is noticed quickly.
        assertThat(clock.sleeps).allMatch(d -> d.compareTo(Duration.ofSeconds(1)) <= 0);
    }
}
