package io.complaintmonitor.lifecycle;

import static io.complaintmonitor.lifecycle.MonitorDriver.alert;
import static io.complaintmonitor.lifecycle.MonitorDriver.assertTimeline;
import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.complaint.Alert;
import io.complaintmonitor.domain.complaint.AlertType;
import io.complaintmonitor.domain.complaint.ComplaintKey;
import io.complaintmonitor.schema.AlertKind;
import io.complaintmonitor.schema.BreachAlert;
import io.complaintmonitor.schema.ContractorUpdateType;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.schema.WebFormType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * How events reach the rules, through the whole topology: complaints never seen received,
 * repeated ids, events out of order, replay against live running, deterministic alert ids and
 * survey feedback (Code 1.6).
 */
class EventDeliveryTopologyTest extends MonitorDriverTest {

    @Test
    void tracking_shouldJudgeOnlyDeadlinesCountedFromEventsThatArrivedForANeverReceivedComplaint() {
        // Acknowledged Monday 22 December 2025, receipt never seen: no acknowledgement alerts, but the
        // response is due Thursday 8 January 2026. Stage 2 acknowledged Wednesday 4 February 2026
        // without a request seen: its response is due Wednesday 4 March.
        monitor.send(c1.acknowledged(1, "2025-12-22 11:00"), c1.acknowledged(2, "2026-02-04 10:00"));

        assertTimeline(monitor.tick("2026-03-05T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.RESPONSE_DUE_SOON, "2026-01-08", "2026-01-06T00:00:00Z"),
                alert(1, AlertKind.RESPONSE_OVERDUE, "2026-01-08", "2026-01-09T00:00:00Z"),
                alert(2, AlertKind.RESPONSE_DUE_SOON, "2026-03-04", "2026-03-02T00:00:00Z"),
                alert(2, AlertKind.RESPONSE_OVERDUE, "2026-03-04", "2026-03-05T00:00:00Z"));
    }

    @Test
    void tracking_shouldHaveNothingToJudgeForAComplaintKnownOnlyByAnUpdate() {
        monitor.send(c1.updated(1, "2026-02-04 10:00"));

        assertThat(monitor.tick("2026-12-01T00:00:00Z").readAlerts()).isEmpty();
        assertThat(monitor.counter("complaint.events.tracked", "source", "crm")).isEqualTo(1.0);
    }

    @Test
    void duplicates_shouldIgnoreARepeatedEventIdWithinItsSourceWhateverItsContent() {
        // The second record reuses the receipt's id for an acknowledgement: ignored, so the
        // acknowledgement clock runs out.
        CrmCaseEvent receipt = c1.received("2025-12-19 10:15");
        monitor.send(receipt, c1.crm(CrmEventType.ACKNOWLEDGED, "2025-12-22 11:00").setEventId(receipt.getEventId())
                .setStage(1).setDefinitionRecorded(true).build());

        assertThat(monitor.tick("2025-12-31T00:00:00Z").readAlerts()).extracting(BreachAlert::getKind)
                .containsExactly(AlertKind.ACKNOWLEDGEMENT_DUE_SOON, AlertKind.ACKNOWLEDGEMENT_OVERDUE);
        assertThat(monitor.counter("complaint.events.duplicate", "source", "crm")).isEqualTo(1.0);
    }

    @Test
    void duplicates_shouldIgnoreARepeatedContractorUpdateId() {
        monitor.send(c1.received("2025-12-19 10:15"));
        var acknowledgement = c1.contractor("CON-1", ContractorUpdateType.ACKNOWLEDGED, "2025-12-22 11:00")
                .setStage(1).setDefinitionRecorded(true).build();
        monitor.send(acknowledgement, c1.contractor("CON-1", ContractorUpdateType.RESPONSE_ISSUED, "2025-12-23 11:00")
                .setUpdateId(acknowledgement.getUpdateId()).setStage(1).build());

        // Not answered: the response is due 10 working days after 22 December, Thursday 8 January.
        assertTimeline(monitor.tick("2026-01-09T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.RESPONSE_DUE_SOON, "2026-01-08", "2026-01-06T00:00:00Z"),
                alert(1, AlertKind.RESPONSE_OVERDUE, "2026-01-08", "2026-01-09T00:00:00Z"));
        assertThat(monitor.counter("complaint.events.duplicate", "source", "contractor")).isEqualTo(1.0);
    }

    @Test
    void duplicates_shouldTreatTheSameIdFromAnotherSourceAsAnotherEvent() {
        // One id, three sources: a CRM receipt on Friday 19 December 2025, a contractor
        // acknowledgement and a web form escalation on Monday 22 December. All three count.
        String id = "shared-1";
        monitor.send(c1.crm(CrmEventType.RECEIVED, "2025-12-19 10:15").setEventId(id).build(),
                c1.contractor("CON-1", ContractorUpdateType.ACKNOWLEDGED, "2025-12-22 09:00").setUpdateId(id)
                        .setStage(1).setDefinitionRecorded(true).build(),
                c1.webform(WebFormType.ESCALATION, "2025-12-22 10:00").setSubmissionId(id).build());

        // Stage 1 acknowledged in time; stage 2 due Wednesday 31 December.
        assertTimeline(monitor.tick("2026-01-01T00:00:00Z").readAlerts()).containsExactly(
                alert(2, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-12-31", "2025-12-29T00:00:00Z"),
                alert(2, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2025-12-31", "2026-01-01T00:00:00Z"));
        for (String source : List.of("crm", "contractor", "webform")) {
            assertThat(monitor.counter("complaint.events.tracked", "source", source)).as(source).isEqualTo(1.0);
        }
    }

    @Test
    void duplicates_shouldApplyAnIdSeenBeforeUnderAnotherComplaintToTheComplaintItNames() {
        // A contractor system that numbers its updates per job reuses "u-1" for every job: each is
        // a real event of its own complaint (rule 19). A redelivery repeats the reference too.
        ComplaintRecords c2 = new ComplaintRecords("C-2");
        monitor.send(c1.received("2025-12-19 10:15"), c2.received("2025-12-19 10:15"));
        monitor.send(c1.contractor("CON-1", ContractorUpdateType.ACKNOWLEDGED, "2025-12-22 09:00").setUpdateId("u-1")
                        .setStage(1).setDefinitionRecorded(true).build(),
                c2.contractor("CON-1", ContractorUpdateType.ACKNOWLEDGED, "2025-12-22 09:00").setUpdateId("u-1")
                        .setStage(1).setDefinitionRecorded(true).build(),
                c2.contractor("CON-1", ContractorUpdateType.ACKNOWLEDGED, "2025-12-22 09:00").setUpdateId("u-1")
                        .setStage(1).setDefinitionRecorded(true).build());

        // Both acknowledged in time: neither has an acknowledgement alert.
        assertThat(monitor.tick("2026-01-01T00:00:00Z").readAlerts()).isEmpty();
        assertThat(monitor.counter("complaint.events.tracked", "source", "contractor")).isEqualTo(2.0);
        assertThat(monitor.counter("complaint.events.duplicate", "source", "contractor")).isEqualTo(1.0);
    }

    @Test
    void outOfOrder_shouldRaiseTheSameAlertsAsInOrderWhileTheClockHasNotPassedTheEvents() {
        // Live: each event arrives in time order with the clock ticking up to it. Replay: the same
        // events in reverse order, judged after all have arrived. Same alerts, ids and labels.
        List<SpecificRecord> history = richHistory(c1);
        List<BreachAlert> live = new ArrayList<>();
        List<BreachAlert> reversed;
        try (MonitorDriver inOrder = MonitorDriver.start(stateDir.resolve("in-order"));
                MonitorDriver outOfOrder = MonitorDriver.start(stateDir.resolve("out-of-order"))) {
            for (SpecificRecord record : history) {
                inOrder.tick(occurredAt(record)).send(record);
                live.addAll(inOrder.readAlerts());
            }
            live.addAll(inOrder.tick("2026-04-01T00:00:00Z").readAlerts());
            List<SpecificRecord> backwards = new ArrayList<>(history);
            Collections.reverse(backwards);
            backwards.forEach(outOfOrder::send);
            reversed = outOfOrder.tick("2026-04-01T00:00:00Z").readAlerts();
        }

        assertThat(reversed).containsExactlyInAnyOrderElementsOf(live);
        assertThat(live).extracting(BreachAlert::getKind).contains(AlertKind.ACKNOWLEDGEMENT_OVERDUE,
                AlertKind.RESIDENT_UPDATE_OVERDUE, AlertKind.RESPONSE_OVERDUE);
        assertThat(live).extracting(BreachAlert::getContractorId).contains(null, "CON-5");
        assertThat(live).extracting(BreachAlert::getHandlingTeam).contains("housing-north", "housing-south");
    }

    @Test
    void outOfOrder_shouldNeverWithdrawAnAlertOnceTheClockHasPassedButCountTheLateEventForWhatFollows() {
        monitor.send(c1.received("2025-12-19 10:15"));
        assertThat(monitor.tick("2025-12-31T00:00:00Z").readAlerts()).extracting(BreachAlert::getKind)
                .containsExactly(AlertKind.ACKNOWLEDGEMENT_DUE_SOON, AlertKind.ACKNOWLEDGEMENT_OVERDUE);

        // The acknowledgement of Monday 22 December arrives only now: the response is due from it,
        // Thursday 8 January, rather than from the acknowledgement due date (14 January).
        assertThat(monitor.send(c1.acknowledged(1, "2025-12-22 11:00")).readAlerts()).isEmpty();
        assertTimeline(monitor.tick("2026-01-15T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.RESPONSE_DUE_SOON, "2026-01-08", "2026-01-06T00:00:00Z"),
                alert(1, AlertKind.RESPONSE_OVERDUE, "2026-01-08", "2026-01-09T00:00:00Z"));
    }

    @Test
    void outOfOrder_shouldJudgeALateArrivingReceiptsPastDeadlinesAsSoonAsItArrives() {
        monitor.tick("2025-12-31T00:00:00Z");

        assertTimeline(monitor.send(c1.received("2025-12-19 10:15")).readAlerts()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-12-30", "2025-12-24T00:00:00Z"),
                alert(1, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2025-12-30", "2025-12-31T00:00:00Z"));
    }

    @Test
    void alertId_shouldBeTheSameWhenTheSameHistoryRunsThroughAnotherMonitor() {
        ComplaintRecords landlordA = new ComplaintRecords("C-1", "LL-A");
        ComplaintRecords landlordB = new ComplaintRecords("C-1", "LL-B");
        List<SpecificRecord> history = new ArrayList<>(richHistory(landlordA));
        history.add(landlordB.received("2025-12-19 10:15"));
        List<List<BreachAlert>> runs = new ArrayList<>();
        for (String run : List.of("first", "second")) {
            try (MonitorDriver driver = MonitorDriver.start(stateDir.resolve(run))) {
                history.forEach(driver::send);
                runs.add(driver.tick("2026-04-01T00:00:00Z").readAlerts());
            }
        }

        assertThat(runs.get(1)).extracting(BreachAlert::getAlertId)
                .containsExactlyElementsOf(runs.get(0).stream().map(BreachAlert::getAlertId).toList())
                .doesNotHaveDuplicates();
        assertThat(runs.get(0)).isNotEmpty().allSatisfy(a -> assertThat(a.getAlertId()).isEqualTo(Alert.idOf(
                a.getLandlordId(), a.getComplaintRef(), a.getStage(), AlertType.valueOf(a.getKind().name()),
                a.getDueDate())));
        // The same reference under two landlords is two complaints.
        assertThat(runs.get(0)).filteredOn(a -> a.getKind() == AlertKind.ACKNOWLEDGEMENT_OVERDUE)
                .extracting(BreachAlert::getLandlordId).containsExactlyInAnyOrder("LL-A", "LL-B");
    }

    @Test
    void code1_6_shouldCountSurveyFeedbackAndNeverTrackItEvenWhenItNamesAComplaint() {
        monitor.send(c1.webform(WebFormType.SURVEY_FEEDBACK, "2025-12-19 10:15").build());

        assertThat(monitor.tick("2026-06-01T00:00:00Z").readAlerts()).isEmpty();
        assertThat(monitor.dlq.isEmpty()).isTrue();
        assertThat(monitor.counter("complaint.survey.feedback")).isEqualTo(1.0);
        assertThat(monitor.counter("complaint.events.received", "source", "webform")).isEqualTo(1.0);
        assertThat(monitor.counter("complaint.events.tracked", "source", "webform")).isZero();
        assertThat(monitor.driver.<String, Object>getKeyValueStore(LifecycleTopology.STATE_STORE)
                .get(ComplaintKeys.of(new ComplaintKey("default", "C-1")))).isNull();
    }

    /**
     * A stage 1 with most of the Code's clocks: web form receipt Friday 19 December 2025 and the CRM's
     * receipt on Monday 22 December; a late acknowledgement on Monday 5 January 2026 (response due
     * Monday 19 January); an extension on Monday 12 January to Monday 2 February, the furthest the
     * Code allows, with updates every 3 working days; a contractor's update and a change of team.
     * No immediate alert: those are judged on what has arrived when their event does (rules.md, 23).
     */
    private static List<SpecificRecord> richHistory(ComplaintRecords c) {
        WebFormSubmission form = c.webform(WebFormType.COMPLAINT, "2025-12-19 21:00").setCategory("DAMP_AND_MOULD")
                .build();
        return List.of(form, c.received("2025-12-22 09:00"), c.acknowledged(1, "2026-01-05 09:00"),
                c.extended(1, "2026-01-12 10:00", "2026-02-02", 3),
                c.contractor("CON-5", ContractorUpdateType.RESIDENT_UPDATED, "2026-01-15 14:00").setStage(1).build(),
                c.crm(CrmEventType.RESIDENT_UPDATED, "2026-01-26 10:00").setStage(1).setHandlingTeam("housing-south")
                        .build());
    }

    private static Instant occurredAt(SpecificRecord record) {
        return List.of("occurredAt", "submittedAt").stream()
                .filter(field -> record.getSchema().getField(field) != null)
                .map(field -> (Instant) record.get(record.getSchema().getField(field).pos()))
                .min(Comparator.naturalOrder())
                .orElseThrow();
    }

}
