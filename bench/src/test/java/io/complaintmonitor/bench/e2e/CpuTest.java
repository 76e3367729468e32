package io.complaintmonitor.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CpuTest {

    private static final String UUID = "34f6524a-e3b4-49a3-a2fb-1335416d908b";
    private static final long PROCESS_CLOCK_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    @Test
    void shouldCountOnlyTheApplicationsOwnStreamThreads() {
        assertThat(Cpu.isStreamThreadOf("bench-monitor-" + UUID + "-StreamThread-1", "bench-monitor")).isTrue();
        assertThat(Cpu.isStreamThreadOf("bench-monitor-" + UUID + "-StreamThread-12", "bench-monitor")).isTrue();
        assertThat(Cpu.isStreamThreadOf("kafka-producer-network-thread | bench-monitor-" + UUID
                + "-StreamThread-1-producer", "bench-monitor")).isFalse();
        assertThat(Cpu.isStreamThreadOf("bench-monitor-" + UUID + "-StateUpdater-1", "bench-monitor")).isFalse();
        assertThat(Cpu.isStreamThreadOf("bench-monitor-latency-" + UUID + "-StreamThread-1", "bench-monitor"))
                .as("another application whose id starts the same").isFalse();
    }

    @Test
    void shouldMeasureTheCpuOfTheNamedThreadsWhileTheyRun() throws Exception {
        CountDownLatch burnt = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            long x = 0;
            while (System.nanoTime() < until) {
                x += Long.numberOfTrailingZeros(x + System.nanoTime());
            }
            burnt.countDown();
            awaitQuietly(release);
            if (x == 42) {
                System.out.println(x); // keeps the loop from being optimised away
            }
        }, "cpu-test-app-" + UUID + "-StreamThread-1");
        Cpu before = Cpu.of("cpu-test-app");
        worker.start();
        try {
            assertThat(burnt.await(30, TimeUnit.SECONDS)).isTrue();
            Cpu after = Cpu.of("cpu-test-app");

            assertThat(before.streamThreadsNanos()).isZero();
            assertThat(after.streamThreadsNanos()).as("300 ms of wall time spinning, most of it on a CPU")
                    .isBetween(TimeUnit.MILLISECONDS.toNanos(30), TimeUnit.SECONDS.toNanos(30));
            // The process's CPU time is counted in clock ticks (10 ms on Linux), a thread's to the
            // nanosecond: each of the two process readings may be short by up to a tick.
            assertThat(after.processNanos()).isGreaterThanOrEqualTo(before.processNanos() + after.streamThreadsNanos()
                    - 2 * PROCESS_CLOCK_TICK_NANOS);
            assertThat(Cpu.of("another-app").streamThreadsNanos()).isZero();
        } finally {
            release.countDown();
            worker.join();
        }
    }

    @Test
    void shouldWorkOutCpuPerRecordAndCoresBusy() {
        Cpu start = new Cpu(0, 1_000_000_000L);
        Cpu end = new Cpu(90_000_000_000L, 31_000_000_000L);

        assertThat(end.streamMicrosPerRecord(start, 1_000_000)).isEqualTo(90.0);
        assertThat(end.processCores(start, 20.0)).isEqualTo(1.5);
        assertThat(end.streamMicrosPerRecord(Cpu.NONE, 1_000_000)).isNull();
        assertThat(Cpu.NONE.processCores(start, 20.0)).isNull();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
