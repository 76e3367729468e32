package io.complaintmonitor.bench.e2e;

import io.complaintmonitor.cli.MonitorApp;
import io.complaintmonitor.config.MonitorConfig;
import io.complaintmonitor.config.StreamsProperties;
import io.complaintmonitor.lifecycle.InputLag;
import io.complaintmonitor.simulate.SimEvent;
import io.complaintmonitor.simulate.Simulation;
import io.complaintmonitor.simulate.SimulationSettings;
import io.complaintmonitor.simulate.sink.KafkaEventSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Phases 1 to 3: the simulated events written once to the three source topics, then read to the
 * end by a plain consumer, a pass-through Kafka Streams app, a keyed count and the full monitor,
 * each in this process, one after the other, each its own consumer group.
 */
final class ThroughputPhases {

    static final String SOURCES = "events";
    /** Enough homes and years that any --events up to a few million is reached; the stream is cut at N. */
    private static final int HOMES = SimulationSettings.MAX_HOMES;
    private static final LocalDate FROM = LocalDate.of(2018, 4, 1);
    private static final LocalDate TO = LocalDate.of(2027, 10, 1);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final BenchCluster cluster;
    private final MonitorConfig sourceConfig;

    ThroughputPhases(BenchCluster cluster) {
        this.cluster = cluster;
        this.sourceConfig = cluster.config(cluster.settings("simulator", SOURCES));
    }

    List<String> sourceTopics() {
        return sourceConfig.topics().sources();
    }

    /** Phase 1: the first {@code n} events of the simulation to the source topics; not part of any rate below. */
    Results.Rate write(long n, long seed) throws Exception {
        SimulationSettings settings = SimulationSettings.builder().seed(seed).homes(HOMES).from(FROM).to(TO).build();
        long start = System.nanoTime();
        long written = 0;
        try (KafkaEventSink sink = KafkaEventSink.forConfig(sourceConfig)) {
            Iterator<SimEvent> events = Simulation.iterator(settings);
            while (written < n && events.hasNext()) {
                sink.write(events.next());
                written++;
                if (written % 200_000 == 0) {
                    System.out.printf("  written %,d of %,d%n", written, n);
                }
            }
        }
        return Results.Rate.of(written, (System.nanoTime() - start) / 1e9);
    }

    /** Phase 2a: a plain consumer (no group, no deserialisation) from the beginning to the end offsets. */
    Results.Rate plainConsumer() throws Exception {
        Set<TopicPartition> partitions = CatchUp.partitionsOf(cluster.admin(), sourceTopics());
        Map<TopicPartition, Long> ends = CatchUp.endOffsets(cluster.admin(), partitions);
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long start = System.nanoTime();
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!atEnd(consumer, ends)) {
                records += consumer.poll(Duration.ofMillis(100)).count();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("plain consumer did not reach the end within " + TIMEOUT);
                }
            }
        }
        return Results.Rate.of(records, (System.nanoTime() - start) / 1e9);
    }

    private static boolean atEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Phase 2b: the three source topics copied as bytes to one sink topic, with the monitor's own
     * Streams settings (exactly_once_v2, lz4; commits every 2 s), from start until committed.
     */
    Results.Rate passThrough(long records) throws Exception {
        MonitorConfig config = cluster.config(cluster.settings("pass-through", SOURCES));
        String sink = "pass-through.sink";
        cluster.admin().createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(sink,
                config.topicPartitions(), config.topicReplicationFactor()))).all().get();
        StreamsBuilder builder = new StreamsBuilder();
        sources(builder, config)
                .to(sink, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("sink-pass-through"));
        return runToTheEnd(config, builder.build(), records);
    }

    /**
     * Phase 2c: the same records counted per key (complaint reference) in a RocksDB store with its
     * changelog, with the same settings: one store read and write per record, the least any
     * stateful Kafka Streams app does. The sources are keyed by complaint reference already, so
     * there is no repartition. What the monitor does beyond this is its own work.
     */
    Results.Rate keyedCount(long records) throws Exception {
        MonitorConfig config = cluster.config(cluster.settings("keyed-count", SOURCES));
        StreamsBuilder builder = new StreamsBuilder();
        sources(builder, config)
                .groupByKey(Grouped.with("by-complaint", Serdes.ByteArray(), Serdes.ByteArray()))
                .count(Named.as("count-per-complaint"), Materialized.as("counts-per-complaint"));
        try {
            return runToTheEnd(config, builder.build(), records);
        } finally {
            // Its changelog would otherwise sit on the broker through phase 3, which had none before.
            deleteInternalTopics(config.applicationId());
        }
    }

    private void deleteInternalTopics(String applicationId) throws Exception {
        Set<String> internal = new HashSet<>(cluster.admin().listTopics().names().get());
        internal.removeIf(topic -> !topic.startsWith(applicationId + "-"));
        cluster.admin().deleteTopics(internal).all().get();
    }

    private static KStream<byte[], byte[]> sources(StreamsBuilder builder, MonitorConfig config) {
        return builder.stream(config.topics().sources(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                .withName("source-events"));
    }

    /**
     * The commit interval of the yardsticks (2b, 2c). They have no quiet commit, so the monitor's
     * interval (5 s since 24 November) would leave up to 5 s of a 9 s run waiting for their last
     * commit and flatter the monitor's ratio; they keep the 2 s they ran with before.
     */
    static final int YARDSTICK_COMMIT_INTERVAL_MS = 2_000;

    /**
     * Runs a topology with the monitor's Streams settings, but {@link #YARDSTICK_COMMIT_INTERVAL_MS}
     * unless the environment sets an interval, from start until committed to the end.
     */
    private Results.Rate runToTheEnd(MonitorConfig config, Topology topology, long records) throws Exception {
        Properties props = StreamsProperties.of(config, new SimpleMeterRegistry());
        if (!config.kafkaOverrides().containsKey(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)) {
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, YARDSTICK_COMMIT_INTERVAL_MS);
        }
        long start = System.nanoTime();
        Cpu atStart = Cpu.of(config.applicationId());
        ThreadCpu threadsAtStart = ThreadCpu.now();
        KafkaStreams streams = new KafkaStreams(topology, props);
        try {
            streams.start();
            CatchUp.Timing timing = CatchUp.await(cluster.admin(), config.applicationId(), sourceTopics(), start,
                    TIMEOUT,
                    () -> streams.state() == KafkaStreams.State.ERROR
                            || streams.state() == KafkaStreams.State.PENDING_ERROR,
                    () -> Cpu.of(config.applicationId()), () -> InputLag.caughtUp(streams));
            printRead(timing);
            return withCpuByThreads(Results.Rate.of(records, atStart, timing), threadsAtStart,
                    config.applicationId());
        } finally {
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }
    }

    /**
     * Phase 3: the full monitor (every flow, exactly-once), in this process, from start until its
     * source and repartition offsets are committed to the end. No heartbeats: this phase is about
     * processing events, and the clock only moves with ticks once caught up.
     */
    Results.Rate monitor(long records) throws Exception {
        MonitorConfig config = cluster.config(cluster.settings("monitor", SOURCES));
        long start = System.nanoTime();
        Cpu atStart = Cpu.of(config.applicationId());
        ThreadCpu threadsAtStart = ThreadCpu.now();
        try (MonitorApp app = MonitorApp.start(config, Optional.empty(), Optional.empty())) {
            app.streams().awaitRunning(TIMEOUT);
            double closedAtRunning = tasksClosed(app.streams().streams());
            CatchUp.Timing timing = CatchUp.await(cluster.admin(), config.applicationId(), sourceTopics(), start,
                    TIMEOUT,
                    () -> app.streams().failure().isDone(), () -> Cpu.of(config.applicationId()),
                    () -> InputLag.caughtUp(app.streams().streams()));
            printRead(timing);
            Results.Rate rate = withCpuByThreads(Results.Rate.of(records, atStart, timing), threadsAtStart,
                    config.applicationId());
            printWrites(app.streams().streams(), records);
            printTasksClosed(tasksClosed(app.streams().streams()) - closedAtRunning);
            System.out.printf(Locale.ROOT, "  commits: %.0f%n", threadMetric(app.streams().streams(), "commit-total"));
            return rate;
        }
    }

    /**
     * The rate with the phase's CPU by group of threads, and the time each waited for a core,
     * printed too: in one JVM on two cores, the JIT compiling the phase's code takes a share the
     * stream thread then lacks.
     */
    private static Results.Rate withCpuByThreads(Results.Rate rate, ThreadCpu atStart, String applicationId) {
        ThreadCpu now = ThreadCpu.now();
        Map<String, Double> seconds = now.secondsByGroupSince(atStart, applicationId);
        Map<String, Double> waiting = now.waitingSecondsByGroupSince(atStart, applicationId);
        printByGroup("CPU seconds by thread", seconds);
        printByGroup("seconds ready but waiting for a core", waiting);
        return rate.withCpuByThreads(seconds, waiting);
    }

    private static void printByGroup(String what, Map<String, Double> seconds) {
        if (!seconds.isEmpty()) {
            System.out.println("  " + ResultTable.byGroupLine(what, seconds));
        }
    }

    /**
     * What the monitor wrote to and read from each topic per source event, from its clients'
     * metrics: every record it writes is work for the broker on the same two cores.
     */
    private static void printWrites(KafkaStreams streams, long events) {
        Map<String, double[]> byTopic = new TreeMap<>();
        streams.metrics().forEach((name, metric) -> {
            int column = switch (name.group() + "/" + name.name()) {
                case "producer-topic-metrics/record-send-total" -> 0;
                case "producer-topic-metrics/byte-total" -> 1;
                case "consumer-fetch-manager-metrics/records-consumed-total" -> 2;
                case "consumer-fetch-manager-metrics/bytes-consumed-total" -> 3;
                default -> -1;
            };
            String topic = name.tags().get("topic");
            // The consumer tags each metric twice, once with '.' in the topic's name turned into '_'.
            boolean mangled = topic != null && topic.indexOf('_') >= 0 && topic.indexOf('.') < 0;
            if (column >= 0 && topic != null && !mangled && metric.metricValue() instanceof Number n) {
                byTopic.computeIfAbsent(topic, t -> new double[4])[column] += n.doubleValue();
            }
        });
        System.out.printf("  per source event: records and bytes written (compressed), read%n");
        byTopic.forEach((topic, v) -> System.out.printf("    %-52s %6.3f %7.1f B   %6.3f %7.1f B%n", topic,
                v[0] / events, v[1] / events, v[2] / events, v[3] / events));
    }

    /**
     * Tasks closed since the monitor first reached RUNNING. Kafka Streams may close and recreate
     * them while it first assigns them; once RUNNING, a closed task means it is being restored
     * from its changelogs (a fenced producer does that), and such a run measures the restoring as
     * much as the monitor.
     */
    private static double tasksClosed(KafkaStreams streams) {
        return threadMetric(streams, "task-closed-total");
    }

    /** A stream-thread metric summed over the application's threads. */
    private static double threadMetric(KafkaStreams streams, String metric) {
        double sum = 0;
        for (var entry : streams.metrics().entrySet()) {
            MetricName name = entry.getKey();
            if (name.group().equals("stream-thread-metrics") && name.name().equals(metric)
                    && entry.getValue().metricValue() instanceof Number n) {
                sum += n.doubleValue();
            }
        }
        return sum;
    }

    /**
     * When the application had read every input, and when all of it was committed: the time between
     * is the wait for the commits that publish the last records (one per repartition hop), which
     * the whole run's rate pays and its second half's too.
     */
    private static void printRead(CatchUp.Timing timing) {
        if (timing.readSeconds() != null) {
            System.out.printf(Locale.ROOT, "  every input read at %.1f s, all of it committed at %.1f s%n",
                    timing.readSeconds(), timing.seconds());
        }
    }

    private static void printTasksClosed(double closed) {
        System.out.printf(Locale.ROOT, "  tasks closed once RUNNING: %.0f%s%n", closed, closed > 0
                ? " (restored from their changelogs mid-run, as after a fenced producer: not a clean measure)" : "");
    }
}
