package io.complaintmonitor.bench.e2e;

import java.nio.file.Path;
import java.util.List;

/**
 * The end-to-end benchmark's command line, parsed and checked; messages name the option to fix.
 *
 * @param events simulated events written to the three source topics for the throughput phases
 * @param complaintsForMemory complaints tracked by the monitor child process in the memory phase
 * @param latencyComplaints complaints whose acknowledgement falls due in the latency phase
 * @param latencyRounds deadlines (London midnights) those complaints are spread over
 * @param minRatio least monitor / pass-through throughput ratio; below it the run exits 1
 * @param out where the JSON goes
 * @param skipMemory leave out the child-process memory and restart phase
 * @param monitorJar the shaded app jar the memory phase starts as a child process
 * @param monitorHeap -Xmx of that child
 * @param childLog where that child's output goes
 * @param partitions partitions of every topic (the monitor's default is 3)
 * @param streamThreads Kafka Streams threads of every Streams phase (the monitor's default is 1)
 * @param seed the simulation's seed
 */
public record BenchOptions(
        long events,
        int complaintsForMemory,
        int latencyComplaints,
        int latencyRounds,
        double minRatio,
        Path out,
        boolean skipMemory,
        Path monitorJar,
        String monitorHeap,
        Path childLog,
        int partitions,
        int streamThreads,
        long seed) {

    public static final String USAGE = String.join("\n",
            "usage: bench/run.sh [options]",
            "  --events N                 simulated events for the throughput phases (default 1000000)",
            "  --complaints-for-memory N  complaints tracked in the memory/restart phase (default 1000000)",
            "  --latency-complaints N     complaints falling due in the latency phase (default 2000)",
            "  --latency-rounds N         deadlines they are spread over (default 10)",
            "  --min-ratio R              exit 1 if monitor / pass-through throughput < R (default 0.3)",
            "  --out FILE                 JSON results (default bench/results/latest.json)",
            "  --skip-memory              leave out the memory and restart phase",
            "  --monitor-jar FILE         app jar for the memory phase (default streams-app/target/complaint-monitor.jar)",
            "  --monitor-heap SIZE        -Xmx of the monitor in the memory phase (default 512m)",
            "  --child-log FILE           output of that monitor (default bench/target/e2e-monitor.log)",
            "  --partitions N             partitions of every topic (default 3, as the monitor)",
            "  --stream-threads N         Kafka Streams threads in every Streams phase (default 1, as the monitor)",
            "  --seed N                   simulation seed (default 1)");

    public BenchOptions {
        positive("--events", events);
        positive("--complaints-for-memory", complaintsForMemory);
        positive("--latency-complaints", latencyComplaints);
        positive("--latency-rounds", latencyRounds);
        positive("--partitions", partitions);
        positive("--stream-threads", streamThreads);
        if (latencyRounds > latencyComplaints) {
            throw new IllegalArgumentException("--latency-rounds must not exceed --latency-complaints");
        }
        if (!(minRatio >= 0 && minRatio <= 1)) {
            throw new IllegalArgumentException("--min-ratio must be from 0 to 1, got " + minRatio);
        }
        if (!monitorHeap.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("--monitor-heap must be a -Xmx size such as 512m, got " + monitorHeap);
        }
    }

    public static BenchOptions defaults() {
        return new BenchOptions(1_000_000, 1_000_000, 2_000, 10, 0.3, Path.of("bench/results/latest.json"), false,
                Path.of("streams-app/target/complaint-monitor.jar"), "512m", Path.of("bench/target/e2e-monitor.log"),
                3, 1, 1);
    }

    /** @throws IllegalArgumentException naming the bad option */
    public static BenchOptions parse(List<String> args) {
        BenchOptions o = defaults();
        long events = o.events;
        int memory = o.complaintsForMemory;
        int latency = o.latencyComplaints;
        int rounds = o.latencyRounds;
        double minRatio = o.minRatio;
        Path out = o.out;
        boolean skipMemory = o.skipMemory;
        Path jar = o.monitorJar;
        String heap = o.monitorHeap;
        Path childLog = o.childLog;
        int partitions = o.partitions;
        int streamThreads = o.streamThreads;
        long seed = o.seed;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--skip-memory")) {
                skipMemory = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value"
                        : "unknown argument " + option);
            }
            String value = args.get(++i);
            switch (option) {
                case "--events" -> events = number(option, value);
                case "--complaints-for-memory" -> memory = (int) number(option, value);
                case "--latency-complaints" -> latency = (int) number(option, value);
                case "--latency-rounds" -> rounds = (int) number(option, value);
                case "--min-ratio" -> minRatio = decimal(option, value);
                case "--out" -> out = Path.of(value);
                case "--monitor-jar" -> jar = Path.of(value);
                case "--monitor-heap" -> heap = value;
                case "--child-log" -> childLog = Path.of(value);
                case "--partitions" -> partitions = (int) number(option, value);
                case "--stream-threads" -> streamThreads = (int) number(option, value);
                case "--seed" -> seed = number(option, value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new BenchOptions(events, memory, latency, rounds, minRatio, out, skipMemory, jar, heap, childLog,
                partitions, streamThreads, seed);
    }

    private static long number(String option, String value) {
        try {
            long n = Long.parseLong(value.replace("_", "").replace(",", ""));
            if (n > Integer.MAX_VALUE && !option.equals("--events") && !option.equals("--seed")) {
                throw new IllegalArgumentException(option + " is too large: " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got " + value);
        }
    }

    private static double decimal(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got " + value);
        }
    }

    private static void positive(String option, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + value);
        }
    }
}
