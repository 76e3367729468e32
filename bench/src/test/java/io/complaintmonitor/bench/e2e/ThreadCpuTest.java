package io.complaintmonitor.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadCpuTest {

    @TempDir
    Path tasks;

    /** A /proc/<pid>/task/<tid>/stat line: utime and stime are the 14th and 15th fields. */
    private void thread(String tid, String name, long utime, long stime) throws IOException {
        Path dir = Files.createDirectories(tasks.resolve(tid));
        Files.writeString(dir.resolve("stat"), tid + " (" + name + ") S 1 1 1 0 -1 4194368 100 0 0 0 " + utime + " "
                + stime + " 0 0 20 0 40 0 1234 0 0 18446744073709551615\n");
    }

    @Test
    void groupsTheCpuUsedBetweenTwoSamplesByThreadName() throws IOException {
        thread("11", "C2 CompilerThre", 500, 20);
        thread("12", "bench-monitor-1", 100, 10);
        thread("13", "GC Thread#0", 30, 0);
        ThreadCpu before = ThreadCpu.of(tasks);
        thread("11", "C2 CompilerThre", 900, 20);
        thread("12", "bench-monitor-1", 2_100, 60);
        thread("13", "GC Thread#0", 80, 0);
        // Started after the first sample: counted whole. A name with a space and parentheses in it.
        thread("14", "kafka-producer-", 40, 10);
        thread("15", "data-plane-kafk", 300, 0);
        thread("16", "w (a) b", 0, 10);

        Map<String, Double> seconds = ThreadCpu.of(tasks).secondsByGroupSince(before, "bench-monitor");

        assertEquals(ThreadCpu.GROUPS, List.copyOf(seconds.keySet()));
        assertEquals(20.5, seconds.get(ThreadCpu.APPLICATION));
        assertEquals(4.0, seconds.get(ThreadCpu.JIT));
        assertEquals(0.5, seconds.get(ThreadCpu.GC));
        assertEquals(0.5, seconds.get(ThreadCpu.CLIENT_NETWORK));
        assertEquals(0.0, seconds.get(ThreadCpu.ROCKSDB));
        assertEquals(3.1, seconds.get(ThreadCpu.OTHER));
    }

    /** A /proc/<pid>/task/<tid>/schedstat line: CPU time, run delay (both ns), time slices. */
    private void waited(String tid, long runDelayNanos) throws IOException {
        Files.writeString(tasks.resolve(tid).resolve("schedstat"), "123456789 " + runDelayNanos + " 42\n");
    }

    @Test
    void groupsTheTimeThreadsWaitedForACoreBetweenTwoSamples() throws IOException {
        thread("12", "bench-monitor-1", 100, 10);
        waited("12", 1_000_000_000L);
        thread("11", "C2 CompilerThre", 500, 20);
        waited("11", 200_000_000L);
        ThreadCpu before = ThreadCpu.of(tasks);
        thread("12", "bench-monitor-1", 2_100, 60);
        waited("12", 7_250_000_000L);
        thread("11", "C2 CompilerThre", 900, 20);
        waited("11", 1_700_000_000L);
        thread("13", "GC Thread#0", 80, 0); // no schedstat: not counted

        Map<String, Double> waiting = ThreadCpu.of(tasks).waitingSecondsByGroupSince(before, "bench-monitor");

        assertEquals(ThreadCpu.GROUPS, List.copyOf(waiting.keySet()));
        assertEquals(6.3, waiting.get(ThreadCpu.APPLICATION));
        assertEquals(1.5, waiting.get(ThreadCpu.JIT));
        assertEquals(0.0, waiting.get(ThreadCpu.GC));
    }

    @Test
    void reportsNoWaitingWithoutSchedulerStatistics() throws IOException {
        thread("12", "bench-monitor-1", 100, 10);
        ThreadCpu before = ThreadCpu.of(tasks);
        thread("12", "bench-monitor-1", 200, 10);

        assertTrue(ThreadCpu.of(tasks).waitingSecondsByGroupSince(before, "bench-monitor").isEmpty());
        assertEquals(1.0, ThreadCpu.of(tasks).secondsByGroupSince(before, "bench-monitor").get(ThreadCpu.APPLICATION));
    }

    @Test
    void readsTheRealSchedulerStatisticsWhereTheKernelKeepsThem() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/schedstat")),
                "the kernel here keeps no scheduler statistics (/proc/self/schedstat)");
        ThreadCpu self = ThreadCpu.now();

        assertFalse(self.waitNanos().isEmpty());
        assertTrue(self.ticks().keySet().containsAll(self.waitNanos().keySet()));
        assertTrue(self.waitNanos().values().stream().allMatch(nanos -> nanos >= 0));
    }

    @Test
    void namesThreadsOfTheApplicationByItsIdCutToTheKernelsLength() {
        assertEquals(ThreadCpu.APPLICATION, ThreadCpu.groupOf("bench-monitor-f", "bench-monitor"));
        assertEquals(ThreadCpu.APPLICATION, ThreadCpu.groupOf("bench-pass-thro", "bench-pass-through"));
        assertEquals(ThreadCpu.APPLICATION, ThreadCpu.groupOf("app-3f2a-Stream", "app"));
        assertEquals(ThreadCpu.OTHER, ThreadCpu.groupOf("bench-monitor-f", "bench-latency"));
        assertEquals(ThreadCpu.OTHER, ThreadCpu.groupOf("app2-x", "app"));
        assertEquals(ThreadCpu.JIT, ThreadCpu.groupOf("C1 CompilerThre", "app"));
        assertEquals(ThreadCpu.ROCKSDB, ThreadCpu.groupOf("rocksdb:low", "app"));
    }

    @Test
    void reportsNothingWithoutAProcTree() {
        ThreadCpu none = ThreadCpu.of(tasks.resolve("absent"));
        assertTrue(none.ticks().isEmpty());
        assertTrue(none.secondsByGroupSince(none, "app").isEmpty());
        assertTrue(ThreadCpu.of(tasks).secondsByGroupSince(none, "app").isEmpty());
    }
}
