package io.complaintmonitor.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.schema.AlertKind;
import io.complaintmonitor.schema.BreachAlert;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.ContractorUpdateType;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.schema.WebFormType;
import io.complaintmonitor.testing.MonitorRig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live running on a real broker: the three sources in Avro, alerts out on the alerts topic, and an
 * overdue alert within 5 s of its deadline with no other traffic. The monitor's wall clock is the
 * real clock shifted so that a deadline falls a few seconds after the test starts.
 */
class LiveAlertsIT {

    /** Received Friday 19 December 2025: acknowledgement due Tuesday 30 December, overdue at 00:00 on the 31st. */
    private static final Instant DEADLINE = LondonTime.startOf(LocalDate.of(2025, 12, 31));
    private static final Duration LEAD = Duration.ofSeconds(8);

    @TempDir
    Path stateDir;

    @Test
    void shouldPublishAnOverdueAlertWithinFiveSecondsOfItsDeadlineWithNoOtherTraffic() throws Exception {
        Instant realStart = Instant.now();
        // The monitor believes it is DEADLINE - LEAD now, and its clock runs at real speed.
        Clock shifted = Clock.offset(Clock.systemUTC(), Duration.between(realStart, DEADLINE.minus(LEAD)));
        try (MonitorRig rig = MonitorRig.start(stateDir, shifted, loader -> { })) {
            var topics = rig.config().topics();
            Instant received = Instant.parse("2025-12-19T10:15:00Z");
            rig.send(topics.crm(), rig.serdes().crm().serializer(), CrmCaseEvent.newBuilder().setEventId("e-1")
                    .setComplaintRef("LIVE-1").setType(CrmEventType.RECEIVED).setCategory("REPAIRS")
                    .setOccurredAt(received).build());
            // A contractor-handled complaint acknowledged in time, and a web form complaint received today:
            // neither may raise an acknowledgement-overdue alert.
            rig.send(topics.contractor(), rig.serdes().contractor().serializer(), ContractorComplaintUpdate.newBuilder()
                    .setUpdateId("u-1").setContractorId("K-1").setComplaintRef("LIVE-2")
                    .setType(ContractorUpdateType.RECEIVED).setOccurredAt(received).build());
            rig.send(topics.contractor(), rig.serdes().contractor().serializer(), ContractorComplaintUpdate.newBuilder()
                    .setUpdateId("u-2").setContractorId("K-1").setComplaintRef("LIVE-2")
                    .setType(ContractorUpdateType.ACKNOWLEDGED).setStage(1).setDefinitionRecorded(true)
                    .setOccurredAt(received.plus(Duration.ofDays(3))).build());
            rig.send(topics.webform(), rig.serdes().webform().serializer(), WebFormSubmission.newBuilder()
                    .setSubmissionId("w-1").setFormType(WebFormType.COMPLAINT).setComplaintRef("LIVE-3")
                    .setSubmittedAt(Instant.parse("2025-12-29T09:00:00Z")).build());

            List<ConsumerRecord<String, BreachAlert>> seen = new ArrayList<>();
            Instant overdueSeenAt = null;
            try (KafkaConsumer<String, BreachAlert> alerts = rig.reader(topics.alerts(),
                    rig.serdes().alerts().deserializer())) {
                Instant giveUp = Instant.now().plus(LEAD).plusSeconds(30);
                while (overdueSeenAt == null && Instant.now().isBefore(giveUp)) {
                    for (ConsumerRecord<String, BreachAlert> record : alerts.poll(Duration.ofMillis(100))) {
                        seen.add(record);
                        if (record.value().getKind() == AlertKind.ACKNOWLEDGEMENT_OVERDUE) {
                            overdueSeenAt = Instant.now();
                        }
                    }
                }
            }
            assertThat(overdueSeenAt).as("ACKNOWLEDGEMENT_OVERDUE arrived; saw %s", seen).isNotNull();
            // When the shifted clock reached the deadline, in real time:
            Instant deadlineInRealTime = realStart.plus(LEAD);
            Duration latency = Duration.between(deadlineInRealTime, overdueSeenAt);
            assertThat(latency).as("latency after the deadline").isLessThan(Duration.ofSeconds(5));
            assertThat(latency.isNegative()).as("not before the deadline: %s", latency).isFalse();

            BreachAlert overdue = seen.stream().map(ConsumerRecord::value)
                    .filter(a -> a.getKind() == AlertKind.ACKNOWLEDGEMENT_OVERDUE).findFirst().orElseThrow();
            assertThat(overdue.getComplaintRef()).isEqualTo("LIVE-1");
            assertThat(overdue.getDueDate()).isEqualTo(LocalDate.of(2025, 12, 30));
            assertThat(overdue.getRaisedAt()).isEqualTo(DEADLINE);
            assertThat(seen).extracting(r -> r.value().getComplaintRef() + "/" + r.value().getKind())
                    .contains("LIVE-1/ACKNOWLEDGEMENT_DUE_SOON")
                    .doesNotContain("LIVE-2/ACKNOWLEDGEMENT_OVERDUE", "LIVE-3/ACKNOWLEDGEMENT_OVERDUE");
            assertThat(seen).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getAlertId()));
            await("alert counter").atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(rig.metric(
                    "complaint_alerts_raised_total", "kind=\"ACKNOWLEDGEMENT_OVERDUE\"")).isEqualTo(1.0));
        }
    }
}
