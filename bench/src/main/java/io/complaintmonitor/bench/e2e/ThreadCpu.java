package io.complaintmonitor.bench.e2e;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU time of every thread of this process, native ones included, from Linux's
 * {@code /proc/self/task/<tid>/stat}: what a phase's cores went to. The JVM's thread API lists
 * neither the JIT's compiler threads nor the collector's, so its CPU times leave them out; in this
 * benchmark, where the broker, the clients and the monitor compile in one JVM on two cores, they
 * are what a phase's first half waits for.
 *
 * <p>Threads are told apart by the name the kernel keeps (the Java name cut to 15 characters), so
 * an application's threads (its stream threads, state updater and the like, named after its client
 * id) are those whose name starts with its application id cut alike; its producers' network threads
 * count with every client's. Elsewhere than Linux a sample is empty and nothing is reported.
 *
 * <p>Also how long each thread was ready to run but waited for a core ({@code schedstat}'s run
 * delay): with two cores the stream thread's wall time is its CPU, this wait, and the rest
 * (blocked on the broker, or idle); the wait says how much the phase lost to the other threads.
 *
 * @param ticks CPU time (user and system) in clock ticks, by thread id
 * @param waitNanos time ready to run but not running, in nanoseconds, by thread id (none where
 *     the kernel keeps no scheduler statistics)
 * @param names the kernel's name of each thread, by thread id
 */
record ThreadCpu(Map<String, Long> ticks, Map<String, Long> waitNanos, Map<String, String> names) {

    /** Linux's USER_HZ: the unit of /proc's CPU times on every architecture it supports. */
    static final double TICKS_PER_SECOND = 100;
    /** How long a thread name the kernel keeps. */
    static final int NAME_LENGTH = 15;

    static final String APPLICATION = "application threads";
    static final String JIT = "JIT compiler";
    static final String GC = "GC and VM";
    static final String CLIENT_NETWORK = "client network threads";
    static final String ROCKSDB = "RocksDB background";
    static final String OTHER = "broker and the rest";
    /** The groups in the order they are printed. */
    static final List<String> GROUPS = List.of(APPLICATION, JIT, GC, CLIENT_NETWORK, ROCKSDB, OTHER);

    private static final Path TASKS = Path.of("/proc/self/task");

    /** Every thread of this process now; empty where /proc is not there. */
    static ThreadCpu now() {
        return of(TASKS);
    }

    static ThreadCpu of(Path tasks) {
        Map<String, Long> ticks = new HashMap<>();
        Map<String, Long> waits = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        if (!Files.isDirectory(tasks)) {
            return new ThreadCpu(ticks, waits, names);
        }
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    // "tid (name) state ppid ...": the name may hold spaces and parentheses, so it ends at the last ')'.
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] fields = stat.substring(close + 2).trim().split(" ");
                    // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the name.
                    long cpu = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    String tid = thread.getFileName().toString();
                    ticks.put(tid, cpu);
                    names.put(tid, stat.substring(open + 1, close));
                    runDelay(thread).ifPresent(nanos -> waits.put(tid, nanos));
                } catch (IOException | RuntimeException e) {
                    // The thread ended between listing and reading: it is left out.
                }
            }
        } catch (IOException e) {
            // No thread listing: an empty sample.
        }
        return new ThreadCpu(ticks, waits, names);
    }

    /** "cpu-ns run-delay-ns timeslices": the second field; empty without scheduler statistics. */
    private static OptionalLong runDelay(Path thread) {
        try {
            String[] fields = Files.readString(thread.resolve("schedstat")).trim().split(" ");
            return OptionalLong.of(Long.parseLong(fields[1]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * CPU seconds from {@code earlier} to this sample, by group ({@link #GROUPS}, all present), the
     * application's threads being those of {@code applicationId}; empty if either sample is. A
     * thread that ended in between is not counted (a fenced producer's sender is one); one that
     * started is counted whole.
     */
    Map<String, Double> secondsByGroupSince(ThreadCpu earlier, String applicationId) {
        return byGroupSince(ticks, earlier.ticks, applicationId, 1 / TICKS_PER_SECOND);
    }

    /**
     * Seconds ready to run but waiting for a core, from {@code earlier} to this sample, by group, as
     * {@link #secondsByGroupSince}; empty where either sample has no scheduler statistics.
     */
    Map<String, Double> waitingSecondsByGroupSince(ThreadCpu earlier, String applicationId) {
        return byGroupSince(waitNanos, earlier.waitNanos, applicationId, 1e-9);
    }

    private Map<String, Double> byGroupSince(Map<String, Long> now, Map<String, Long> then, String applicationId,
            double secondsPerUnit) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        if (now.isEmpty() || then.isEmpty()) {
            return seconds;
        }
        GROUPS.forEach(group -> seconds.put(group, 0.0));
        now.forEach((tid, value) -> {
            long used = value - then.getOrDefault(tid, 0L);
            if (used > 0) {
                seconds.merge(groupOf(names.get(tid), applicationId), used * secondsPerUnit, Double::sum);
            }
        });
        seconds.replaceAll((group, s) -> Results.round(s, 1));
        return seconds;
    }

    /** The group of a thread by the kernel's name for it. */
    static String groupOf(String name, String applicationId) {
        String app = (applicationId + "-").substring(0, Math.min(NAME_LENGTH, applicationId.length() + 1));
        if (name.startsWith(app)) {
            return APPLICATION;
        }
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            return JIT;
        }
        if (name.startsWith("GC Thread") || name.startsWith("VM Thread") || name.startsWith("VM Periodic")
                || name.startsWith("G1 ")) {
            return GC;
        }
        if (name.startsWith("kafka-producer-")) {
            return CLIENT_NETWORK;
        }
        if (name.startsWith("rocksdb:")) {
            return ROCKSDB;
        }
        return OTHER;
    }
}
