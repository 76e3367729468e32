package io.complaintmonitor.lifecycle;

import io.complaintmonitor.schema.BreachAlert;
import java.util.List;
import java.util.ArrayList;
import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.MonitorTopology;
import io.complaintmonitor.domain.BankHolidayCalendars;
import io.complaintmonitor.ingest.DeadLetters;
import io.complaintmonitor.registry.InProcessSchemaRegistryClient;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.serde.TopicSerdes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * The monitor topology's plumbing on TopologyTestDriver: how ticks move the clock, dead letters,
 * and the stable node names. The Code's rules through the same topology are in the
 * {@code *TopologyTest} classes named after their area (StageOne, StageTwo, Extension, ...).
 */
class LifecycleTopologyTest extends MonitorDriverTest {

    @Test
    void shouldJudgeNothingBeforeTheClockMoves() {
        monitor.send(c1.received("2025-12-19 10:15"));

        assertThat(monitor.readAlerts()).isEmpty();
        assertThat(monitor.tick("2025-12-31T00:00:00Z").readAlerts()).hasSize(2);
    }

    @Test
    void shouldCountOpenStagesByStandingAsTheClockMoves() {
        var counts = monitor.driver.<String, Long>getKeyValueStore(LifecycleTopology.OPEN_COUNTS_STORE);
        ComplaintRecords c2 = new ComplaintRecords("C-2");
        monitor.send(c1.received("2025-12-19 10:15"), c2.received("2025-12-19 10:15"));
        assertThat(counts.get("1|ON_TIME")).isEqualTo(2L);

        monitor.tick("2025-12-24T00:00:00Z");
        assertThat(counts.get("1|ON_TIME")).isZero();
        assertThat(counts.get("1|DUE_SOON")).isEqualTo(2L);

        monitor.send(c2.responded(1, "2025-12-24 10:00"));
        monitor.tick("2025-12-31T00:00:00Z");
        assertThat(counts.get("1|DUE_SOON")).isZero();
        assertThat(counts.get("1|OVERDUE")).isEqualTo(1L);
        assertThat(counts.get("1|ON_TIME")).isZero();
    }

    @Test
    void shouldCountAgainWhenTheClockStartsTheStagesTrackedBeforeIt() {
        // Six working days' notice: the acknowledgement (due in five) is due soon from receipt, a
        // moment before the event and so never scheduled. Before any tick it is counted on time.
        try (MonitorDriver early = MonitorDriver.start(stateDir.resolve("n6"),
                java.util.Map.of(io.complaintmonitor.config.ConfigKey.DUE_SOON_WORKING_DAYS, "6"))) {
            var counts = early.driver.<String, Long>getKeyValueStore(LifecycleTopology.OPEN_COUNTS_STORE);
            early.send(c1.received("2025-12-19 10:15"));
            assertThat(counts.get("1|ON_TIME")).isEqualTo(1L);

            early.tick("2025-12-19T11:00:00Z");
            assertThat(counts.get("1|ON_TIME")).isZero();
            assertThat(counts.get("1|DUE_SOON")).isEqualTo(1L);

            early.tick("2025-12-19T12:00:00Z");
            assertThat(counts.get("1|DUE_SOON")).as("counted once, not again at every tick").isEqualTo(1L);
        }
    }

    @Test
    void shouldJudgeAFirstTickThatFindsMoreComplaintsDueThanItsBudgetInGoesWithExactCounts() {
        var counts = monitor.driver.<String, Long>getKeyValueStore(LifecycleTopology.OPEN_COUNTS_STORE);
        int n = TrackingProcessor.JUDGE_BUDGET + 300;
        List<ComplaintRecords> complaints = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ComplaintRecords c = new ComplaintRecords(String.format("C-%05d", i));
            complaints.add(c);
            monitor.send(c.received("2025-12-19 10:15"));
        }

        monitor.tick("2025-12-31T00:00:00Z");
        assertThat(monitor.readAlerts()).as("one go: due soon and overdue for the first complaints")
                .hasSize(2 * TrackingProcessor.JUDGE_BUDGET);
        assertThat(backlog()).isEqualTo(1.0);

        // The last complaint in schedule order is acknowledged before its go: judged at its event.
        ComplaintRecords last = complaints.get(n - 1);
        monitor.pipe(last.acknowledged(1, "2025-12-31 09:00")); // no wall-clock time passes, so no go
        assertThat(monitor.readAlerts()).extracting(BreachAlert::getComplaintRef)
                .containsExactly(last.ref, last.ref);

        monitor.driver.advanceWallClockTime(TrackingProcessor.BACKLOG_INTERVAL);
        assertThat(monitor.readAlerts()).hasSize(2 * (n - TrackingProcessor.JUDGE_BUDGET - 1));
        assertThat(backlog()).isZero();
        assertThat(counts.get("1|OVERDUE")).isEqualTo(n - 1L);
        assertThat(counts.get("1|ON_TIME")).isEqualTo(1L);
        assertThat(counts.get("1|DUE_SOON")).as("never counted due soon").isNull();
    }

    private double backlog() {
        return monitor.meters.get(LifecycleTopology.JUDGING_BACKLOG_METRIC).gauge().value();
    }

    @Test
    void shouldCountAnEventMoreThanTheGraceBehindTheClockAsLate() {
        monitor.tick("2025-12-31T00:00:00Z");
        monitor.send(c1.received("2025-12-19 10:15"));
        assertThat(monitor.counter("complaint.events.late", "source", "crm")).isEqualTo(1.0);
        assertThat(monitor.readAlerts()).as("its past deadlines are judged at once").hasSize(2);

        monitor.send(new ComplaintRecords("C-2").received("2025-12-30 23:30"));
        assertThat(monitor.counter("complaint.events.late", "source", "crm")).as("within the grace").isEqualTo(1.0);
    }

    @Test
    void shouldRaiseEachAlertOnceWhenTicksRepeat() {
        monitor.send(c1.received("2025-12-19 10:15"));
        monitor.tick("2025-12-31T00:00:00Z").tick("2025-12-31T00:00:01Z").tick("2025-12-31T00:00:00Z");

        assertThat(monitor.readAlerts()).hasSize(2);
        assertThat(monitor.counter("complaint.alerts.raised", "kind", "ACKNOWLEDGEMENT_OVERDUE", "stage", "1"))
                .isEqualTo(1.0);
    }

    @Test
    void shouldIgnoreTicksOfAnotherApplication() {
        monitor.send(c1.received("2025-12-19 10:15"));
        monitor.heartbeat.pipeInput(new TestRecord<>(null, "some-replay", Instant.parse("2025-12-31T00:00:00Z")));

        assertThat(monitor.readAlerts()).isEmpty();
    }

    @Test
    void shouldDeadLetterAContractViolationWithItsReasonAndLineage() {
        monitor.send(CrmCaseEvent.newBuilder().setEventId("e-9").setComplaintRef("C-9")
                .setType(CrmEventType.ACKNOWLEDGED).setStage(3)
                .setOccurredAt(Instant.parse("2025-12-19T10:15:00Z")).build());

        var letter = monitor.dlq.readRecord();
        assertThat(header(letter, DeadLetters.HEADER_REASON)).isEqualTo("stage-out-of-range");
        assertThat(header(letter, DeadLetters.HEADER_SOURCE_TOPIC)).isEqualTo(monitor.config.topics().crm());
        assertThat(header(letter, DeadLetters.HEADER_SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(letter, DeadLetters.HEADER_DETAIL)).contains("stage");
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains("\"eventId\": \"e-9\"");
        assertThat(monitor.counter(DeadLetters.METRIC, "source", "crm", "reason", "stage-out-of-range"))
                .isEqualTo(1.0);
    }

    @Test
    void shouldDeadLetterAnUnknownEnumSymbol() {
        monitor.send(CrmCaseEvent.newBuilder().setEventId("e-9").setComplaintRef("C-9")
                .setType(CrmEventType.UNKNOWN).setOccurredAt(Instant.parse("2025-12-19T10:15:00Z")).build());

        assertThat(header(monitor.dlq.readRecord(), DeadLetters.HEADER_REASON)).isEqualTo("unknown-enum");
    }

    @Test
    void shouldCountUndecodableBytesAndGoOn() {
        // TopologyTestDriver does not deliver a handler's dead letters; MonitorAppIT proves them on a broker.
        monitor.rawWebform.pipeInput("{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));
        monitor.send(c1.received("2025-12-19 10:15"));

        assertThat(monitor.counter(DeadLetters.METRIC, "source", "webform", "reason", "wrong-magic-byte"))
                .isEqualTo(1.0);
        assertThat(monitor.tick("2025-12-31T00:00:00Z").readAlerts()).hasSize(2);
    }

    @Test
    void shouldKeepTheTopologyNamesStable() throws IOException {
        // Node, store and topic names are a contract with running deployments: a rename shows here.
        String described = MonitorTopology.build(monitor.config, BankHolidayCalendars.bundled("england-and-wales"),
                TopicSerdes.using(InProcessSchemaRegistryClient.withEmptyRegistry()), monitor.meters,
                Clock.systemUTC()).describe().toString();
        Path golden = Path.of("src", "test", "resources", "topology.txt");
        if (Boolean.getBoolean("updateGolden")) {
            Files.writeString(golden, described);
        }
        assertThat(described).as("topology.describe(); run with -DupdateGolden=true to accept a deliberate change")
                .isEqualTo(Files.readString(golden));
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return DeadLetters.header(record.headers(), name);
    }
}
