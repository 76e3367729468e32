package io.complaintmonitor.bench.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.regex.Pattern;

/**
 * CPU time used so far, in nanoseconds: by one Kafka Streams application's stream threads, and by
 * this whole process (broker, clients, GC, the JIT and RocksDB's native threads included). Unlike
 * wall time, a thread's CPU time barely moves when other work on the machine slows the run down,
 * so the stream threads' CPU per record compares runs taken at different hours; the process's
 * cores busy say whether the machine, rather than the stream thread, was the limit.
 *
 * @param streamThreadsNanos summed over the application's live stream threads (a thread that ended
 *     before the sample is not counted: none does in a phase that runs to the end)
 * @param processNanos the process's CPU time, or -1 where the JVM does not say
 */
record Cpu(long streamThreadsNanos, long processNanos) {

    /** Not measured: a phase in another process. */
    static final Cpu NONE = new Cpu(-1, -1);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** What follows "<application.id>-" in a stream thread's name. */
    private static final Pattern STREAM_THREAD = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-StreamThread-\\d+");

    /** Now, for the stream threads of {@code applicationId} (named {@code <application.id>-<uuid>-StreamThread-<n>}). */
    static Cpu of(String applicationId) {
        long threads = 0;
        if (THREADS.isThreadCpuTimeSupported()) {
            for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
                if (info != null && isStreamThreadOf(info.getThreadName(), applicationId)) {
                    threads += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
                }
            }
        }
        return new Cpu(threads, processCpuNow());
    }

    /**
     * Its stream threads, named by Kafka Streams' default client id (the application id and a
     * UUID): not their producers' network threads, not the state updater, not an application
     * whose id merely starts with this one.
     */
    static boolean isStreamThreadOf(String threadName, String applicationId) {
        return threadName.startsWith(applicationId + "-")
                && STREAM_THREAD.matcher(threadName.substring(applicationId.length() + 1)).matches();
    }

    private static long processCpuNow() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    boolean measured() {
        return streamThreadsNanos >= 0 && processNanos >= 0;
    }

    /**
     * The CPU used a {@code fraction} of the way from this sample to {@code later}, on the
     * assumption that it was used at an even pace in between; {@link #NONE} if either is not measured.
     */
    Cpu towards(Cpu later, double fraction) {
        if (!measured() || !later.measured()) {
            return NONE;
        }
        return new Cpu(streamThreadsNanos + Math.round(fraction * (later.streamThreadsNanos - streamThreadsNanos)),
                processNanos + Math.round(fraction * (later.processNanos - processNanos)));
    }

    /** Stream-thread CPU microseconds per record from {@code earlier} to this sample; null if either is not measured. */
    Double streamMicrosPerRecord(Cpu earlier, long records) {
        if (!measured() || !earlier.measured() || records <= 0) {
            return null;
        }
        return Results.round((streamThreadsNanos - earlier.streamThreadsNanos) / 1e3 / records, 1);
    }

    /** The process's CPU over {@code seconds} of wall time from {@code earlier}: how many cores it kept busy. */
    Double processCores(Cpu earlier, double seconds) {
        if (!measured() || !earlier.measured() || seconds <= 0) {
            return null;
        }
        return Results.round((processNanos - earlier.processNanos) / 1e9 / seconds, 2);
    }
}
