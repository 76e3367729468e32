package io.complaintmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.complaintmonitor.ingest.DeadLetters;
import io.complaintmonitor.registry.RestSchemaRegistryClient;
import io.complaintmonitor.schema.ContactChannel;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.ContractorUpdateType;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.schema.WebFormType;
import io.complaintmonitor.testing.MonitorRig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor as `run` and `demo` start it, on a real broker with the embedded registry. */
class MonitorAppIT {

    @TempDir
    static Path stateDir;

    private static MonitorRig rig;

    @BeforeAll
    static void startMonitor() throws Exception {
        rig = MonitorRig.start(stateDir, Clock.systemUTC(), loader -> { });
    }

    @AfterAll
    static void stopMonitor() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void shouldBeReadyAndExposeKafkaStreamsAndJvmMetrics() throws Exception {
        assertThat(rig.get("/health/live").statusCode()).isEqualTo(200);
        assertThat(rig.get("/health/ready").statusCode()).isEqualTo(200);
        String metrics = rig.get("/metrics").body();
        assertThat(metrics)
                .contains("jvm_memory_used_bytes{")
                .contains("complaint_monitor_streams_state{application=\"complaint-monitor\",state=\"RUNNING\"} 1.0")
                .containsPattern("(?m)^kafka_stream_thread_\\w+\\{")
                .containsPattern("(?m)^complaint_open\\{application=\"complaint-monitor\",stage=\"1\",status=\"on-time\"\\} \\d");
    }

    @Test
    void shouldDecodeEachSourceThroughTheRegistryAndCountIt() throws Exception {
        var topics = rig.config().topics();
        java.util.Map<String, Double> before = new java.util.HashMap<>();
        for (String source : List.of("crm", "contractor", "webform")) {
            before.put(source, rig.metric("complaint_events_received_total", "source=\"" + source + "\""));
        }
        Instant at = Instant.parse("2025-12-19T10:15:00Z");
        rig.send(topics.crm(), rig.serdes().crm().serializer(),
                CrmCaseEvent.newBuilder().setEventId("e-1").setComplaintRef("C-1").setType(CrmEventType.RECEIVED)
                        .setOccurredAt(at).setCategory("REPAIRS").setChannel(ContactChannel.PHONE).build());
        rig.send(topics.contractor(), rig.serdes().contractor().serializer(),
                ContractorComplaintUpdate.newBuilder().setUpdateId("u-1").setContractorId("K-1")
                        .setComplaintRef("C-1").setType(ContractorUpdateType.ACKNOWLEDGED).setStage(1)
                        .setDefinitionRecorded(true).setOccurredAt(at.plusSeconds(86_400)).build());
        rig.send(topics.webform(), rig.serdes().webform().serializer(),
                WebFormSubmission.newBuilder().setSubmissionId("w-1").setSubmittedAt(at)
                        .setFormType(WebFormType.COMPLAINT).setComplaintRef("C-2").build());
        await("each source counted once").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String source : List.of("crm", "contractor", "webform")) {
                assertThat(rig.metric("complaint_events_received_total", "source=\"" + source + "\""))
                        .as(source).isEqualTo(before.get(source) + 1);
            }
        });
        var registry = RestSchemaRegistryClient.forUrl(rig.config().schemaRegistryUrl().toString());
        assertThat(registry.subjects()).contains(topics.crm() + "-value", topics.contractor() + "-value",
                topics.webform() + "-value");
    }

    @Test
    void shouldAcceptAValidJsonBatchOnTheIngestEndpointAndRefuseABadOneWhole() throws Exception {
        double before = rig.metric("complaint_events_tracked_total", "source=\"contractor\"");
        var accepted = rig.post("/ingest/contractor", """
                [{"updateId": "h-1", "contractorId": "K-2", "complaintRef": "H-1", "type": "RECEIVED",
                  "occurredAt": "2025-12-19T10:15:00Z", "category": "REPAIRS"},
                 {"updateId": "h-2", "contractorId": "K-2", "complaintRef": "H-1", "type": "ACKNOWLEDGED",
                  "stage": 1, "definitionRecorded": true, "occurredAt": "2025-12-22T10:15:00+00:00"}]
                """);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).isEqualTo("{\"accepted\":2}");
        await("both tracked").atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                rig.metric("complaint_events_tracked_total", "source=\"contractor\"")).isEqualTo(before + 2));

        var complaint = rig.get("/api/complaints/H-1");
        assertThat(complaint.statusCode()).isEqualTo(200);
        assertThat(complaint.body()).contains("\"complaintRef\":\"H-1\"").contains("\"contractorId\":\"K-2\"")
                .contains("\"acknowledgedWithinTimescale\":true").contains("\"acknowledgementDue\":\"2025-12-30\"");
        assertThat(rig.get("/api/complaints/H-404").statusCode()).isEqualTo(404);
        assertThat(rig.get("/api/complaints/H-1?landlord=other").statusCode()).isEqualTo(404);

        var refused = rig.post("/ingest/contractor", """
                [{"updateId": "h-3", "contractorId": "K-2", "complaintRef": "H-2", "type": "RECEIVED",
                  "occurredAt": "2025-12-19T10:15:00Z"},
                 {"updateId": "h-4", "contractorId": "K-2", "complaintRef": "H-2", "type": "RECIEVED",
                  "occurredAt": "2025-12-19"}]
                """);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"index\":1").contains("unknown symbol \\\"RECIEVED\\\"")
                .contains("occurredAt");
        assertThat(rig.post("/ingest/erp", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldDeadLetterBadRecordsWithTheirReasonsWhileGoodOnesFlow() throws Exception {
        var topics = rig.config().topics();
        double trackedBefore = rig.metric("complaint_events_tracked_total", "source=\"crm\"");
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        rig.send(topics.webform(), new ByteArraySerializer(), garbage);
        rig.send(topics.crm(), rig.serdes().crm().serializer(), CrmCaseEvent.newBuilder().setEventId("bad-1")
                .setComplaintRef("D-1").setType(CrmEventType.ACKNOWLEDGED).setStage(3)
                .setOccurredAt(Instant.parse("2025-12-19T10:15:00Z")).build());
        rig.send(topics.crm(), rig.serdes().crm().serializer(), CrmCaseEvent.newBuilder().setEventId("good-1")
                .setComplaintRef("D-2").setType(CrmEventType.RECEIVED)
                .setOccurredAt(Instant.parse("2025-12-19T10:15:00Z")).build());

        List<ConsumerRecord<String, byte[]>> dead = rig.readAll(topics.dlq(), new ByteArrayDeserializer(), 2);
        assertThat(dead).as("exactly the two bad records are dead-lettered").hasSize(2);
        ConsumerRecord<String, byte[]> undecodable = dead.stream()
                .filter(r -> topics.webform().equals(DeadLetters.header(r.headers(), DeadLetters.HEADER_SOURCE_TOPIC)))
                .findFirst().orElseThrow();
        assertThat(undecodable.value()).isEqualTo(garbage);
        assertThat(DeadLetters.header(undecodable.headers(), DeadLetters.HEADER_SOURCE_PARTITION)).isEqualTo("0");
        assertThat(DeadLetters.header(undecodable.headers(), DeadLetters.HEADER_SOURCE_OFFSET)).matches("\\d+");
        assertThat(DeadLetters.header(undecodable.headers(), DeadLetters.HEADER_REASON)).isEqualTo("wrong-magic-byte");

        ConsumerRecord<String, byte[]> violation = dead.stream()
                .filter(r -> topics.crm().equals(DeadLetters.header(r.headers(), DeadLetters.HEADER_SOURCE_TOPIC)))
                .findFirst().orElseThrow();
        assertThat(DeadLetters.header(violation.headers(), DeadLetters.HEADER_REASON)).isEqualTo("stage-out-of-range");
        assertThat(DeadLetters.header(violation.headers(), DeadLetters.HEADER_DETAIL)).contains("stage");
        assertThat(new String(violation.value(), StandardCharsets.UTF_8)).contains("\"eventId\": \"bad-1\"");

        await("counters and the good record").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(rig.metric("complaint_dlq_records_total", "reason=\"wrong-magic-byte\",source=\"webform\""))
                    .isEqualTo(1.0);
            assertThat(rig.metric("complaint_dlq_records_total", "reason=\"stage-out-of-range\",source=\"crm\""))
                    .isEqualTo(1.0);
            assertThat(rig.metric("complaint_events_tracked_total", "source=\"crm\"")).isEqualTo(trackedBefore + 1);
        });
        assertThat(rig.app().streams().isRunning()).isTrue();
    }
}
