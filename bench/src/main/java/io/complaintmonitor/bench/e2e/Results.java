package io.complaintmonitor.bench.e2e;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure of one run, as written to the JSON file. Phases left out or failed are null, with
 * the reason in {@code notes}. Rates are per second of wall time; durations in seconds; latencies
 * in milliseconds; memory in bytes.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Results(
        String startedAt,
        Machine machine,
        BenchOptionsView options,
        Rate write,
        Rate plainConsumer,
        Rate passThroughExactlyOnce,
        Rate keyedCountExactlyOnce,
        Rate monitorExactlyOnce,
        Double monitorToPassThroughRatio,
        Latency alertLatency,
        Memory memory,
        List<Target> targets,
        boolean floorPassed,
        List<String> notes) {

    /**
     * The machine: what the figures depend on most, load averages included, and the JVM's
     * ahead-of-time cache ({@code -XX:AOTCache}, null without one), which shortens the JIT's first minute.
     */
    public record Machine(int cores, String cpu, long memTotalBytes, String jdk, String os,
            String loadAverageAtStart, String loadAverageAtEnd, String aotCache) {
    }

    /** The options that shape the figures. */
    public record BenchOptionsView(long events, int complaintsForMemory, int latencyComplaints, int latencyRounds,
            double minRatio, boolean skipMemory, String monitorHeap, int partitions, int streamThreads, long seed) {

        static BenchOptionsView of(BenchOptions o) {
            return new BenchOptionsView(o.events(), o.complaintsForMemory(), o.latencyComplaints(), o.latencyRounds(),
                    o.minRatio(), o.skipMemory(), o.monitorHeap(), o.partitions(), o.streamThreads(), o.seed());
        }
    }

    /**
     * Records through a stage in a time: from start to the last record read (or committed). For the
     * Kafka Streams phases also the rate of the second half alone ({@code secondHalfPerSecond}, else
     * null, also when that half took under {@link #MIN_SECOND_HALF_SECONDS}): the whole includes
     * start-up (topics, group join) and the JIT compiling the code. And, for those in this process,
     * what the records cost in CPU (else null), whole and second half: microseconds of the
     * application's stream threads per record, and the cores this process kept busy (the broker,
     * GC, the JIT and RocksDB included; 2.0 is all of this machine), with the CPU seconds of the
     * whole run by group of threads ({@code cpuSecondsByThreads}, see {@link ThreadCpu}; null where
     * not measured) and the seconds each group was ready to run but waited for a core
     * ({@code cpuWaitSecondsByThreads}; null likewise), and the seconds from start until every
     * input had been read ({@code readAllSeconds}, see {@link CatchUp.Timing}; null where not seen).
     */
    public record Rate(long records, double seconds, double perSecond, Double secondHalfPerSecond,
            Double streamCpuMicrosPerRecord, Double secondHalfStreamCpuMicrosPerRecord, Double processCores,
            Double secondHalfProcessCores, Map<String, Double> cpuSecondsByThreads,
            Map<String, Double> cpuWaitSecondsByThreads, Double readAllSeconds) {

        public static Rate of(long records, double seconds) {
            return new Rate(records, round(seconds, 3), perSecond(records, seconds), null, null, null, null, null,
                    null, null, null);
        }

        /**
         * Below this the second half is not rated: the catch-up polls every 200 ms and places the
         * half-way point between two commits (seconds apart while busy), so its length would be
         * mostly their rounding.
         */
        static final double MIN_SECOND_HALF_SECONDS = 4.0;

        /**
         * The whole run and, from {@code halfSeconds} on, the other half of the records, with the CPU
         * used from {@code atStart} to the timing's samples (none where either is {@link Cpu#NONE}).
         */
        public static Rate of(long records, Cpu atStart, CatchUp.Timing timing) {
            double secondHalfSeconds = timing.seconds() - timing.halfSeconds();
            boolean rated = secondHalfSeconds >= MIN_SECOND_HALF_SECONDS;
            long secondHalfRecords = records - records / 2;
            Double secondHalf = rated ? perSecond(secondHalfRecords, secondHalfSeconds) : null;
            Cpu half = timing.cpuAtHalf();
            Cpu end = timing.cpuAtEnd();
            return new Rate(records, round(timing.seconds(), 3), perSecond(records, timing.seconds()), secondHalf,
                    end.streamMicrosPerRecord(atStart, records),
                    rated ? end.streamMicrosPerRecord(half, secondHalfRecords) : null,
                    end.processCores(atStart, timing.seconds()),
                    rated ? end.processCores(half, secondHalfSeconds) : null, null, null,
                    timing.readSeconds() == null ? null : round(timing.readSeconds(), 3));
        }

        /**
         * This rate with the run's CPU seconds, and seconds waiting for a core, by group of threads;
         * each unchanged if not measured.
         */
        Rate withCpuByThreads(Map<String, Double> secondsByGroup, Map<String, Double> waitingByGroup) {
            return new Rate(records, seconds, perSecond, secondHalfPerSecond, streamCpuMicrosPerRecord,
                    secondHalfStreamCpuMicrosPerRecord, processCores, secondHalfProcessCores,
                    secondsByGroup.isEmpty() ? cpuSecondsByThreads : copyOf(secondsByGroup),
                    waitingByGroup.isEmpty() ? cpuWaitSecondsByThreads : copyOf(waitingByGroup), readAllSeconds);
        }

        /**
         * The most records per second this run's CPU would allow on {@code cores} cores: all the
         * process used, spread over every core with no thread ever waiting or blocked; null where
         * the CPU was not measured. A run near it is bound by CPU, not by waiting.
         */
        Double cpuBoundPerSecond(int cores) {
            if (processCores == null || processCores <= 0) {
                return null;
            }
            return perSecond(records, seconds * processCores / cores);
        }

        private static Map<String, Double> copyOf(Map<String, Double> byGroup) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(byGroup));
        }

        private static double perSecond(long records, double seconds) {
            return seconds <= 0 ? 0 : Math.round(records / seconds);
        }
    }

    /**
     * Time from a deadline to its ACKNOWLEDGEMENT_OVERDUE alert being read from the alerts topic.
     *
     * @param firstAlertBeforeFirstDeadlineSeconds how long before the first deadline the first
     *     (due-soon) alert arrived: positive means the monitor was caught up and ticking in time
     */
    public record Latency(int deadlines, int rounds, int alertsSeen, double p50Ms, double p99Ms, double maxMs,
            double firstAlertBeforeFirstDeadlineSeconds) {
    }

    /** The monitor as a child process tracking many complaints, and its restart on the same state. */
    public record Memory(int complaints, String xmx, double writeSeconds, double catchUpSeconds,
            double eventsPerSecond, long peakRssBytes, long rssAtEndBytes, long peakHeapUsedBytes,
            long heapCommittedAtEndBytes, double stopSeconds, double restartToReadySeconds,
            double restartToProcessingSeconds) {
    }

    /** One of issue 6's targets, measured, not asserted. */
    public record Target(String name, String target, String measured, Boolean met) {
    }

    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write results as JSON", e);
        }
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve(file.getFileName() + ".tmp");
        Files.writeString(tmp, toJson() + "\n");
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Issue 6's targets against what was measured; a phase not run is "not measured". */
    static List<Target> targets(Double ratio, Rate monitor, Latency latency, Memory memory) {
        List<Target> targets = new ArrayList<>();
        targets.add(ratio == null ? new Target("monitor / EOS pass-through", ">= 0.60", "not measured", null)
                : new Target("monitor / EOS pass-through", ">= 0.60", String.format("%.2f", ratio), ratio >= 0.60));
        targets.add(monitor == null ? new Target("monitor events/s", ">= 30000", "not measured", null)
                : new Target("monitor events/s", ">= 30000", String.format("%.0f", monitor.perSecond()),
                        monitor.perSecond() >= 30_000));
        targets.add(latency == null ? new Target("overdue alert latency p99", "< 2000 ms", "not measured", null)
                : new Target("overdue alert latency p99", "< 2000 ms", String.format("%.0f ms", latency.p99Ms()),
                        latency.p99Ms() < 2_000));
        if (memory == null) {
            targets.add(new Target("peak RSS, tracked complaints", "< 1 GiB", "not measured", null));
            targets.add(new Target("restart to RUNNING and processing", "< 15 s", "not measured", null));
        } else {
            targets.add(new Target("peak RSS, " + memory.complaints() + " tracked complaints", "< 1 GiB",
                    String.format("%.0f MiB", memory.peakRssBytes() / 1048576.0), memory.peakRssBytes() < 1L << 30));
            targets.add(new Target("restart to RUNNING and processing", "< 15 s",
                    String.format("%.1f s", memory.restartToProcessingSeconds()),
                    memory.restartToProcessingSeconds() < 15));
        }
        return targets;
    }

    static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
