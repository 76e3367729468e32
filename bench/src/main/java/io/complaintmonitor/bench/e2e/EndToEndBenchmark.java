package io.complaintmonitor.bench.e2e;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Issue 6's end-to-end benchmark: one in-process broker, and one after the other: N simulated
 * events written; read by a plain consumer, a pass-through Kafka Streams app and the full monitor
 * (both exactly-once); alert latency in live mode; memory and restart of the monitor as a child
 * process. Writes the figures as JSON and a table; exits 1 if the monitor's throughput is below
 * {@code --min-ratio} of the pass-through's, 2 if a phase failed, 64 on a bad option.
 */
public final class EndToEndBenchmark {

    /** The JVM option naming an ahead-of-time cache (Java 25); bench/run.sh passes one where it can. */
    static final String AOT_CACHE_OPTION = "-XX:AOTCache=";

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(64);
            return;
        }
        Outcome outcome = run(options);
        System.exit(outcome.exitCode());
    }

    record Outcome(Results results, boolean phaseFailed) {
        int exitCode() {
            return phaseFailed ? 2 : results.floorPassed() ? 0 : 1;
        }
    }

    static Outcome run(BenchOptions options) throws Exception {
        String startedAt = Instant.now().toString();
        String loadAtStart = loadAverage();
        List<String> notes = new ArrayList<>();
        boolean[] failed = {false};
        Path workDir = Files.createTempDirectory("complaint-monitor-bench-");
        Results.Rate write = null;
        Results.Rate plain = null;
        Results.Rate passThrough = null;
        Results.Rate keyedCount = null;
        Results.Rate monitor = null;
        Results.Latency latency = null;
        Results.Memory memory = null;
        System.out.println("end-to-end benchmark: " + options.events() + " events; work directory " + workDir);
        Map<String, String> kafkaEnvironment = BenchCluster.kafkaEnvironment();
        if (!kafkaEnvironment.isEmpty()) {
            notes.add("Kafka settings from the environment, in every phase: " + kafkaEnvironment);
            System.out.println(notes.get(notes.size() - 1));
        }
        try (BenchCluster cluster = BenchCluster.start(workDir, options.partitions(), options.streamThreads())) {
            ThroughputPhases throughput = new ThroughputPhases(cluster);
            write = phase("1 write simulated events", notes, failed, () -> throughput.write(options.events(),
                    options.seed()));
            if (write != null) {
                long n = write.records();
                if (n < options.events()) {
                    notes.add("the simulation ended after " + n + " events, fewer than --events");
                }
                plain = phase("2a plain consumer", notes, failed, throughput::plainConsumer);
                passThrough = phase("2b pass-through Kafka Streams, exactly-once", notes, failed,
                        () -> throughput.passThrough(n));
                keyedCount = phase("2c keyed count in RocksDB, exactly-once", notes, failed,
                        () -> throughput.keyedCount(n));
                monitor = phase("3 full monitor, exactly-once", notes, failed, () -> throughput.monitor(n));
            }
            latency = phase("4 alert latency, live", notes, failed, () -> new AlertLatencyPhase(cluster)
                    .run(options.latencyComplaints(), options.latencyRounds()));
            if (options.skipMemory()) {
                notes.add("memory and restart phase skipped (--skip-memory)");
            } else {
                memory = phase("5 memory and restart, child process", notes, failed,
                        () -> new MemoryRestartPhase(cluster, options).run());
            }
        } finally {
            deleteRecursively(workDir);
        }
        Double ratio = monitor != null && passThrough != null
                ? Results.round(new Floor(monitor.perSecond(), passThrough.perSecond(), options.minRatio()).ratio(), 3)
                : null;
        boolean floorPassed = ratio != null && ratio >= options.minRatio();
        Results results = new Results(startedAt, machine(loadAtStart), Results.BenchOptionsView.of(options), write,
                plain, passThrough, keyedCount, monitor, ratio, latency, memory,
                Results.targets(ratio, monitor, latency, memory), floorPassed, notes);
        results.write(options.out());
        System.out.println();
        System.out.print(ResultTable.render(results));
        System.out.println("results: " + options.out());
        return new Outcome(results, failed[0]);
    }

    private static <T> T phase(String name, List<String> notes, boolean[] failed, Callable<T> body) {
        System.out.println("phase " + name + " (load " + loadAverage() + ")");
        long start = System.nanoTime();
        try {
            T result = body.call();
            System.out.printf("  done in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, result);
            return result;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            failed[0] = true;
            notes.add("phase " + name + " failed: " + e);
            System.out.println("  FAILED: " + e);
            e.printStackTrace(System.out);
            return null;
        }
    }

    static Results.Machine machine(String loadAtStart) {
        Runtime runtime = Runtime.getRuntime();
        return new Results.Machine(runtime.availableProcessors(), procField("/proc/cpuinfo", "model name"),
                parseKb(procField("/proc/meminfo", "MemTotal")),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), loadAtStart, loadAverage(),
                aotCache().orElse(null));
    }

    /** The ahead-of-time cache this JVM was given, if any. */
    static Optional<String> aotCache() {
        return aotCache(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** The ahead-of-time cache a JVM with these arguments was given (the last {@code -XX:AOTCache=}), if any. */
    static Optional<String> aotCache(List<String> jvmArguments) {
        String cache = null;
        for (String argument : jvmArguments) {
            if (argument.startsWith(AOT_CACHE_OPTION)) {
                cache = argument.substring(AOT_CACHE_OPTION.length());
            }
        }
        return Optional.ofNullable(cache);
    }

    /** The 1, 5 and 15 minute load averages, as uptime shows them. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String procField(String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(field)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // Not Linux: described as unknown.
        }
        return "unknown";
    }

    private static long parseKb(String value) {
        String digits = value.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits) * 1024;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.out.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
