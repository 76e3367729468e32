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
import java.nio.file.Path;
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
final class MonitorDriver implements AutoCloseable {

    static final String APP = "monitor-test";
    /** The wall clock, used only to stamp dead letters; event time comes from the records. */
    static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");

    final MonitorConfig config;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TopologyTestDriver driver;
    final TestInputTopic<byte[], CrmCaseEvent> crm;
    final TestInputTopic<byte[], ContractorComplaintUpdate> contractor;
    final TestInputTopic<byte[], WebFormSubmission> webform;
    final TestInputTopic<byte[], byte[]> rawWebform;
    final TestInputTopic<String, String> heartbeat;
    final TestOutputTopic<String, BreachAlert> alerts;
    final TestOutputTopic<byte[], byte[]> dlq;

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
    }

    static MonitorDriver start(Path stateDir) {
        return new MonitorDriver(stateDir, Map.of());
    }

    static MonitorDriver start(Path stateDir, Map<ConfigKey, String> overrides) {
        return new MonitorDriver(stateDir, overrides);
    }

    /** Pipes each record to its source topic, in the order given. */
    MonitorDriver send(Object... records) {
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
    MonitorDriver tick(String instant) {
        return tick(Instant.parse(instant));
    }

    MonitorDriver tick(Instant instant) {
        heartbeat.pipeInput(new TestRecord<>(null, APP, instant));
        return this;
    }

    /** The alerts written since the last read, checking that each record is keyed by its alert id. */
    List<BreachAlert> readAlerts() {
        List<BreachAlert> out = new ArrayList<>();
        for (TestRecord<String, BreachAlert> record : alerts.readRecordsToList()) {
            assertThat(record.key()).as("alert record key").isEqualTo(record.value().getAlertId());
            out.add(record.value());
        }
        return out;
    }

    double counter(String name, String... tags) {
        return meters.counter(name, tags).count();
    }

    @Override
    public void close() {
        driver.close();
    }

    // Assertions on alerts, in the terms the Code's timescales are stated in.

    /** Asserts on (stage, kind, dueDate, raisedAt) of each alert, in the order raised. */
    static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertTimeline(List<BreachAlert> alerts) {
        return assertThat(alerts).extracting(BreachAlert::getStage, BreachAlert::getKind, BreachAlert::getDueDate,
                BreachAlert::getRaisedAt);
    }

    /** One expected alert; raisedAt is written in UTC so the London offset is visible in the test. */
    static Tuple alert(int stage, AlertKind kind, String dueDate, String raisedAtUtc) {
        return tuple(stage, kind, LocalDate.parse(dueDate), Instant.parse(raisedAtUtc));
    }
}
