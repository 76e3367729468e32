package io.complaintmonitor.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.complaintmonitor.MonitorTopology;
import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.config.ConfigLoader;
import io.complaintmonitor.config.MonitorConfig;
import io.complaintmonitor.config.StreamsProperties;
import io.complaintmonitor.domain.BankHolidayCalendars;
import io.complaintmonitor.registry.InProcessSchemaRegistryClient;
import io.complaintmonitor.schema.AlertKind;
import io.complaintmonitor.schema.BreachAlert;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.serde.TopicSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.complaintmonitor.domain.stats.ReportingWindow;
import io.complaintmonitor.schema.StageDurationStat;
import io.complaintmonitor.schema.TrendAlert;
import io.complaintmonitor.stats.FiguresTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;

/**
 * The whole monitor topology ({@link MonitorTopology#build}) on a TopologyTestDriver, with its
 * real Avro serdes and dead-letter handler: Avro records in on the three source topics, the
 * clock moved by heartbeat ticks, BreachAlert records and dead letters out. One per test (or
 * several, to compare two runs); each needs its own state directory.
 */
public final class MonitorDriver implements AutoCloseable {

    public static final String APP = "monitor-test";
    /** The wall clock, used only to stamp dead letters; event time comes from the records. */
    public static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");

    public final MonitorConfig config;
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final TopologyTestDriver driver;
    public final TestInputTopic<byte[], CrmCaseEvent> crm;
    public final TestInputTopic<byte[], ContractorComplaintUpdate> contractor;
    public final TestInputTopic<byte[], WebFormSubmission> webform;
    public final TestInputTopic<byte[], byte[]> rawWebform;
    public final TestInputTopic<String, String> heartbeat;
    public final TestOutputTopic<String, BreachAlert> alerts;
    public final TestOutputTopic<byte[], byte[]> dlq;
    public final TestOutputTopic<String, StageDurationStat> stats;
    public final TestOutputTopic<String, TrendAlert> trends;
    /** The latest stats record per key read so far, as the compacted topic would keep it. */
    private final Map<String, StageDurationStat> latestStats = new TreeMap<>();

    private MonitorDriver(Path stateDir, Map<ConfigKey, String> overrides) {
        ConfigLoader loader = new ConfigLoader()
                .override(ConfigKey.APPLICATION_ID, APP)
                .override(ConfigKey.STATE_DIR, stateDir.toString())
                .override(ConfigKey.TOPIC_PARTITIONS, "1");
        overrides.forEach(loader::override);
        config = loader.load();
        TopicSerdes serdes = TopicSerdes.using(InProcessSchemaRegistryClient.withEmptyRegistry());
        Topology topology = MonitorTopology.build(config, BankHolidayCalendars.bundled("england-and-wales"), serdes,
                meters, Clock.fixed(NOW, ZoneOffset.UTC));
        Properties props = StreamsProperties.of(config, meters);
        driver = new TopologyTestDriver(topology, props);
        var bytes = new ByteArraySerializer();
        crm = driver.createInputTopic(config.topics().crm(), bytes, serdes.crm().serializer());
        contractor = driver.createInputTopic(config.topics().contractor(), bytes, serdes.contractor().serializer());
        webform = driver.createInputTopic(config.topics().webform(), bytes, serdes.webform().serializer());
        rawWebform = driver.createInputTopic(config.topics().webform(), bytes, bytes);
        heartbeat = driver.createInputTopic(config.topics().heartbeat(), new StringSerializer(), new StringSerializer());
        alerts = driver.createOutputTopic(config.topics().alerts(), new StringDeserializer(),
                serdes.alerts().deserializer());
        dlq = driver.createOutputTopic(config.topics().dlq(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        stats = driver.createOutputTopic(config.topics().stats(), new StringDeserializer(),
                serdes.stats().deserializer());
        trends = driver.createOutputTopic(config.topics().trends(), new StringDeserializer(),
                serdes.trends().deserializer());
    }

    public static MonitorDriver start(Path stateDir) {
        return new MonitorDriver(stateDir, Map.of());
    }

    public static MonitorDriver start(Path stateDir, Map<ConfigKey, String> overrides) {
        return new MonitorDriver(stateDir, overrides);
    }

    /**
     * Pipes each record to its source topic, in the order given, then lets the figures outbox be
     * sent on, so the figures stores hold what the records changed.
     */
    public MonitorDriver send(Object... records) {
        pipe(records);
        sendFigures();
        return this;
    }

    /** Pipes each record to its source topic, in the order given, and nothing else. */
    public MonitorDriver pipe(Object... records) {
        for (Object record : records) {
            if (record instanceof CrmCaseEvent event) {
                crm.pipeInput(event);
            } else if (record instanceof ContractorComplaintUpdate update) {
                contractor.pipeInput(update);
            } else if (record instanceof WebFormSubmission submission) {
                webform.pipeInput(submission);
            } else {
                throw new IllegalArgumentException("not a source record: " + record);
            }
        }
        return this;
    }

    /** A heartbeat of this application: event time has reached {@code instant} (ISO-8601, UTC). */
    public MonitorDriver tick(String instant) {
        return tick(Instant.parse(instant));
    }

    public MonitorDriver tick(Instant instant) {
        heartbeat.pipeInput(new TestRecord<>(null, APP, instant));
        return this;
    }

    /** The alerts written since the last read, checking that each record is keyed by its alert id. */
    public List<BreachAlert> readAlerts() {
        List<BreachAlert> out = new ArrayList<>();
        for (TestRecord<String, BreachAlert> record : alerts.readRecordsToList()) {
            assertThat(record.key()).as("alert record key").isEqualTo(record.value().getAlertId());
            out.add(record.value());
        }
        return out;
    }

    /**
     * Lets the figures' wall-clock flush run, then returns the latest stats record per key, as a
     * consumer of the compacted topic would see it (records of earlier flushes included).
     */
    public Map<String, StageDurationStat> flushStats() {
        sendFigures();
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        for (TestRecord<String, StageDurationStat> record : stats.readRecordsToList()) {
            latestStats.put(record.key(), record.value());
        }
        return new TreeMap<>(latestStats);
    }

    /** Lets the figures' flush run, then returns the trend alerts written since the last read. */
    public List<TrendAlert> readTrends() {
        sendFigures();
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        List<TrendAlert> out = new ArrayList<>();
        for (TestRecord<String, TrendAlert> record : trends.readRecordsToList()) {
            assertThat(record.key()).as("trend record key").isEqualTo(record.value().getTrendAlertId());
            out.add(record.value());
        }
        return out;
    }

    /** The latest stats record for step, group ("category=REPAIRS"), window kind and label; null if none. */
    public StageDurationStat stat(String step, String group, String kind, String window) {
        return flushStats().get(step + "|" + group + "|" + kind + "|" + window);
    }

    /** Headline counts of a group ("landlordId=default") in a window, by measure. */
    public Map<String, Long> counts(String group, ReportingWindow window) {
        sendFigures();
        KeyValueStore<String, Long> store = driver.getKeyValueStore(FiguresTopology.COUNTS_STORE);
        Map<String, Long> out = new TreeMap<>();
        String prefix = group + "|" + window.kind().label() + "|" + window.label() + "|";
        try (KeyValueIterator<String, Long> it = store.range(prefix, prefix + Character.MAX_VALUE)) {
            it.forEachRemaining(e -> out.put(e.key.substring(prefix.length()), e.value));
        }
        return out;
    }

    /**
     * Lets the tracking task's figures outbox be sent on, so the figures stores hold every change
     * piped so far. On its own, not with the figures' flush: punctuators due together run before
     * either's records are processed.
     */
    public void sendFigures() {
        driver.advanceWallClockTime(TrackingProcessor.FIGURES_INTERVAL);
    }

    public double counter(String name, String... tags) {
        return meters.counter(name, tags).count();
    }

    @Override
    public void close() {
        driver.close();
    }

    // Assertions on alerts, in the terms the Code's timescales are stated in.

    /** Asserts on (stage, kind, dueDate, raisedAt) of each alert, in the order raised. */
    public static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertTimeline(List<BreachAlert> alerts) {
        return assertThat(alerts).extracting(BreachAlert::getStage, BreachAlert::getKind, BreachAlert::getDueDate,
                BreachAlert::getRaisedAt);
    }

    /** One expected alert; raisedAt is written in UTC so the London offset is visible in the test. */
    public static Tuple alert(int stage, AlertKind kind, String dueDate, String raisedAtUtc) {
        return tuple(stage, kind, LocalDate.parse(dueDate), Instant.parse(raisedAtUtc));
    }
}
