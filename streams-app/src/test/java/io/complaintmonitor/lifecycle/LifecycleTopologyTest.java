package io.complaintmonitor.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.MonitorTopology;
import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.config.ConfigLoader;
import io.complaintmonitor.config.MonitorConfig;
import io.complaintmonitor.config.StreamsProperties;
import io.complaintmonitor.domain.BankHolidayCalendars;
import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.ingest.DeadLetterDeserializationHandler;
import io.complaintmonitor.ingest.DeadLetters;
import io.complaintmonitor.registry.InProcessSchemaRegistryClient;
import io.complaintmonitor.schema.AlertKind;
import io.complaintmonitor.schema.BreachAlert;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.ContractorUpdateType;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.schema.WebFormType;
import io.complaintmonitor.serde.TopicSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole monitor topology on TopologyTestDriver: sources in, alerts and dead letters out. */
class LifecycleTopologyTest {

    private static final String APP = "monitor-test";
    private static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], CrmCaseEvent> crm;
    private TestInputTopic<byte[], ContractorComplaintUpdate> contractor;
    private TestInputTopic<byte[], WebFormSubmission> webform;
    private TestInputTopic<byte[], byte[]> rawWebform;
    private TestInputTopic<String, String> heartbeat;
    private TestOutputTopic<String, BreachAlert> alerts;
    private TestOutputTopic<byte[], byte[]> dlq;
    private MonitorConfig config;

    @BeforeEach
    void start() {
        config = new ConfigLoader()
                .override(ConfigKey.APPLICATION_ID, APP)
                .override(ConfigKey.STATE_DIR, stateDir.toString())
                .override(ConfigKey.TOPIC_PARTITIONS, "1")
                .load();
        TopicSerdes serdes = TopicSerdes.using(InProcessSchemaRegistryClient.withEmptyRegistry());
        Topology topology = MonitorTopology.build(config, BankHolidayCalendars.bundled("england-and-wales"), serdes,
                meters, Clock.fixed(NOW, ZoneOffset.UTC));
        Properties props = StreamsProperties.of(config);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(DeadLetterDeserializationHandler.TOPICS_CONFIG, config.topics());
        props.put(DeadLetterDeserializationHandler.METER_REGISTRY_CONFIG, meters);
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

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void code6_2_shouldRaiseAcknowledgementAlertsWhenTheClockPassesWithoutAcknowledgement() {
        // Received Friday 19 December 2025: acknowledgement due Tuesday 30 December (Christmas, Boxing Day).
        crm.pipeInput(received("e-1", "C-1", "2025-12-19T10:15:00Z"));
        assertThat(alerts.isEmpty()).as("nothing is judged before the clock moves").isTrue();

        tick("2025-12-31T00:00:00Z");

        List<BreachAlert> raised = alerts.readValuesToList();
        assertThat(raised).extracting(BreachAlert::getKind)
                .containsExactly(AlertKind.ACKNOWLEDGEMENT_DUE_SOON, AlertKind.ACKNOWLEDGEMENT_OVERDUE);
        BreachAlert overdue = raised.get(1);
        assertThat(overdue.getDueDate()).isEqualTo(LocalDate.of(2025, 12, 30));
        assertThat(overdue.getRaisedAt()).isEqualTo(LondonTime.startOf(LocalDate.of(2025, 12, 31)));
        assertThat(overdue.getComplaintRef()).isEqualTo("C-1");
        assertThat(overdue.getLandlordId()).isEqualTo("default");
        assertThat(overdue.getCategory()).isEqualTo("REPAIRS");
        assertThat(raised.get(0).getRaisedAt()).isEqualTo(LondonTime.startOf(LocalDate.of(2025, 12, 24)));
    }

    @Test
    void code6_2_shouldRaiseNothingWhenAcknowledgedWithinFiveWorkingDays() {
        crm.pipeInput(received("e-1", "C-1", "2025-12-19T10:15:00Z"));
        crm.pipeInput(CrmCaseEvent.newBuilder().setEventId("e-2").setComplaintRef("C-1")
                .setType(CrmEventType.ACKNOWLEDGED).setStage(1).setDefinitionRecorded(true)
                .setOccurredAt(Instant.parse("2025-12-22T09:00:00Z")).build());
        tick("2025-12-31T00:00:00Z");
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldCountOpenStagesByStandingAsTheClockMoves() {
        var counts = driver.<String, Long>getKeyValueStore(LifecycleTopology.OPEN_COUNTS_STORE);
        crm.pipeInput(received("e-1", "C-1", "2025-12-19T10:15:00Z"));
        crm.pipeInput(received("e-2", "C-2", "2025-12-19T10:15:00Z"));
        assertThat(counts.get("1|ON_TIME")).isEqualTo(2L);

        tick("2025-12-24T00:00:00Z");
        assertThat(counts.get("1|ON_TIME")).isZero();
        assertThat(counts.get("1|DUE_SOON")).isEqualTo(2L);

        crm.pipeInput(CrmCaseEvent.newBuilder().setEventId("e-3").setComplaintRef("C-2")
                .setType(CrmEventType.RESPONSE_ISSUED).setStage(1)
                .setOccurredAt(Instant.parse("2025-12-24T10:00:00Z")).build());
        tick("2025-12-31T00:00:00Z");
        assertThat(counts.get("1|DUE_SOON")).isZero();
        assertThat(counts.get("1|OVERDUE")).isEqualTo(1L);
        assertThat(counts.get("1|ON_TIME")).isZero();
    }

    @Test
    void shouldRaiseEachAlertOnceWhenTicksRepeat() {
        crm.pipeInput(received("e-1", "C-1", "2025-12-19T10:15:00Z"));
        tick("2025-12-31T00:00:00Z");
        tick("2025-12-31T00:00:01Z");
        tick("2025-12-31T00:00:00Z");
        assertThat(alerts.readValuesToList()).hasSize(2);
    }

    @Test
    void shouldJudgeALateEventsPastDeadlinesAsSoonAsItArrives() {
        tick("2025-12-31T00:00:00Z");
        crm.pipeInput(received("e-1", "C-1", "2025-12-19T10:15:00Z"));
        assertThat(alerts.readValuesToList()).extracting(BreachAlert::getKind)
                .containsExactly(AlertKind.ACKNOWLEDGEMENT_DUE_SOON, AlertKind.ACKNOWLEDGEMENT_OVERDUE);
        assertThat(meters.counter("complaint.events.late", "source", "crm").count())
                .as("more than late.event.grace behind the clock").isEqualTo(1.0);
        crm.pipeInput(received("e-2", "C-2", "2025-12-30T23:30:00Z"));
        assertThat(meters.counter("complaint.events.late", "source", "crm").count())
                .as("within the grace").isEqualTo(1.0);
    }

    @Test
    void shouldIgnoreTicksOfAnotherApplication() {
        crm.pipeInput(received("e-1", "C-1", "2025-12-19T10:15:00Z"));
        heartbeat.pipeInput(new TestRecord<>(null, "some-replay", Instant.parse("2025-12-31T00:00:00Z")));
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldIgnoreARepeatedEventIdWithinItsSource() {
        crm.pipeInput(received("e-1", "C-1", "2025-12-19T10:15:00Z"));
        crm.pipeInput(received("e-1", "C-1", "2025-12-01T10:15:00Z"));
        tick("2025-12-31T00:00:00Z");
        assertThat(alerts.readValuesToList()).extracting(BreachAlert::getDueDate)
                .containsOnly(LocalDate.of(2025, 12, 30));
        assertThat(meters.counter("complaint.events.duplicate", "source", "crm").count()).isEqualTo(1.0);
    }

    @Test
    void code5_4_shouldCarryTheContractorHandlingTheStageOnItsAlerts() {
        contractor.pipeInput(ContractorComplaintUpdate.newBuilder().setUpdateId("u-1").setContractorId("K-9")
                .setComplaintRef("C-7").setType(ContractorUpdateType.RECEIVED).setCategory("DAMP_AND_MOULD")
                .setOccurredAt(Instant.parse("2025-12-19T10:15:00Z")).build());
        tick("2025-12-31T00:00:00Z");
        assertThat(alerts.readValuesToList()).extracting(BreachAlert::getContractorId).containsOnly("K-9");
    }

    @Test
    void code1_6_shouldCountSurveyFeedbackAndNeverTrackIt() {
        webform.pipeInput(WebFormSubmission.newBuilder().setSubmissionId("s-1")
                .setSubmittedAt(Instant.parse("2025-12-19T10:15:00Z")).setFormType(WebFormType.SURVEY_FEEDBACK).build());
        tick("2026-01-31T00:00:00Z");
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(dlq.isEmpty()).isTrue();
        assertThat(meters.counter("complaint.survey.feedback").count()).isEqualTo(1.0);
    }

    @Test
    void shouldDeadLetterAContractViolationWithItsReasonAndLineage() {
        crm.pipeInput(CrmCaseEvent.newBuilder().setEventId("e-9").setComplaintRef("C-9")
                .setType(CrmEventType.ACKNOWLEDGED).setStage(3)
                .setOccurredAt(Instant.parse("2025-12-19T10:15:00Z")).build());
        var letter = dlq.readRecord();
        assertThat(header(letter, DeadLetters.HEADER_REASON)).isEqualTo("stage-out-of-range");
        assertThat(header(letter, DeadLetters.HEADER_SOURCE_TOPIC)).isEqualTo(config.topics().crm());
        assertThat(header(letter, DeadLetters.HEADER_SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(letter, DeadLetters.HEADER_DETAIL)).contains("stage");
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains("\"eventId\": \"e-9\"");
        assertThat(meters.counter(DeadLetters.METRIC, "source", "crm", "reason", "stage-out-of-range").count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldDeadLetterAnUnknownEnumSymbol() {
        crm.pipeInput(CrmCaseEvent.newBuilder().setEventId("e-9").setComplaintRef("C-9")
                .setType(CrmEventType.UNKNOWN).setOccurredAt(Instant.parse("2025-12-19T10:15:00Z")).build());
        assertThat(header(dlq.readRecord(), DeadLetters.HEADER_REASON)).isEqualTo("unknown-enum");
    }

    @Test
    void shouldCountUndecodableBytesAndGoOn() {
        // TopologyTestDriver does not deliver a handler's dead letters; MonitorAppIT proves them on a broker.
        rawWebform.pipeInput("{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));
        crm.pipeInput(received("e-1", "C-1", "2025-12-19T10:15:00Z"));
        assertThat(meters.counter(DeadLetters.METRIC, "source", "webform", "reason", "wrong-magic-byte").count())
                .isEqualTo(1.0);
        tick("2025-12-31T00:00:00Z");
        assertThat(alerts.readValuesToList()).hasSize(2);
    }

    @Test
    void shouldKeepTheTopologyNamesStable() throws IOException {
        // Node, store and topic names are a contract with running deployments: a rename shows here.
        String described = MonitorTopology.build(config, BankHolidayCalendars.bundled("england-and-wales"),
                TopicSerdes.using(InProcessSchemaRegistryClient.withEmptyRegistry()), meters, Clock.systemUTC())
                .describe().toString();
        Path golden = Path.of("src", "test", "resources", "topology.txt");
        if (Boolean.getBoolean("updateGolden")) {
            Files.writeString(golden, described);
        }
        assertThat(described).as("topology.describe(); run with -DupdateGolden=true to accept a deliberate change")
                .isEqualTo(Files.readString(golden));
    }

    private void tick(String instant) {
        heartbeat.pipeInput(new TestRecord<>(null, APP, Instant.parse(instant)));
    }

    private static CrmCaseEvent received(String eventId, String ref, String at) {
        return CrmCaseEvent.newBuilder().setEventId(eventId).setComplaintRef(ref).setType(CrmEventType.RECEIVED)
                .setCategory("REPAIRS").setOccurredAt(Instant.parse(at)).build();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return DeadLetters.header(record.headers(), name);
    }
}
